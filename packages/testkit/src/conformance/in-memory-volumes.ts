import {
  type HubConfig,
  type HubfleetConfig,
  ownershipTags,
  quantityToGiB,
  type VolumeApiV1,
} from '@hubfleet/core';
import type { InMemoryCloud } from './in-memory-cloud.js';
import { notFound } from './in-memory-errors.js';
import { ownedBy } from './in-memory-ownership.js';
import { type InMemoryVolume, observedVolume } from './in-memory-state.js';

/** The CSI driver the in-memory cloud's volumes claim to be mounted by. */
export const IN_MEMORY_CSI_DRIVER = 'memory.csi.hubfleet.test';

const ZONE = 'memory-1a';

/** The deployment's data volumes: independent of the cluster, so deleting the cluster keeps them. */
export function inMemoryVolumeApi(cloud: InMemoryCloud, config: HubfleetConfig): VolumeApiV1 {
  const owned = (): InMemoryVolume[] =>
    Object.values(cloud.state.volumes).filter((volume) => ownedBy(volume.tags, config.name));
  const adopt = (hub: HubConfig, id: string): InMemoryVolume => {
    const volume = cloud.state.volumes[id];
    if (volume === undefined) throw notFound(`volume ${id} (hubs.${hub.name}.storage.adoptVolume)`);
    volume.tags = { ...volume.tags, ...ownershipTags(config.name, 'volume', { hub: hub.name }) };
    volume.hub = hub.name;
    return volume;
  };
  const create = (hub: HubConfig): InMemoryVolume => {
    const id = cloud.newId('vol');
    const volume: InMemoryVolume = {
      id,
      hub: hub.name,
      sizeGiB: quantityToGiB(hub.storage.size),
      zone: ZONE,
      status: 'creating',
      tags: ownershipTags(config.name, 'volume', { hub: hub.name }),
      transition: { to: 'available', at: cloud.finishesAt('CreateVolume') },
    };
    cloud.state.volumes[id] = volume;
    return volume;
  };

  return {
    list: async () => cloud.call('ListVolumes', false, () => owned().map(observedVolume)),
    create: async (hub) =>
      cloud.call('CreateVolume', true, () => {
        if (hub.storage.adoptVolume !== undefined) return observedVolume(adopt(hub, hub.storage.adoptVolume));
        const existing = owned().find((volume) => volume.hub === hub.name && volume.status !== 'deleting');
        return observedVolume(existing ?? create(hub));
      }),
    snapshot: async (volume) =>
      cloud.call('CreateSnapshot', true, () => {
        if (cloud.state.volumes[volume.id] === undefined) throw notFound(`volume ${volume.id}`);
        const snapshotId = cloud.newId('snap');
        cloud.state.snapshots[snapshotId] = { volumeId: volume.id };
        return { snapshotId };
      }),
    delete: async (volume) =>
      cloud.call('DeleteVolume', true, () => {
        const existing = cloud.state.volumes[volume.id];
        if (existing === undefined || existing.status === 'deleting') return;
        existing.status = 'deleting';
        existing.transition = { to: null, at: cloud.finishesAt('DeleteVolume') };
      }),
    attachment: (volume) => ({
      csiDriver: IN_MEMORY_CSI_DRIVER,
      volumeHandle: volume.id,
      ...(volume.zone === undefined ? {} : { zone: volume.zone }),
    }),
  };
}
