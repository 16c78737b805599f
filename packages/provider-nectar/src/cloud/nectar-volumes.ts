import {
  type HubConfig,
  HubfleetError,
  type ObservedVolumeV1,
  OwnershipTag,
  ownershipTags,
  quantityToGiB,
  type VolumeApiV1,
} from '@hubfleet/core';
import {
  createSnapshot,
  createVolume,
  deleteVolume,
  detachVolume,
  getVolume,
  isOpenStackStatus,
  listVolumes,
  type Volume,
} from '@hubfleet/openstack-client';
import { EXPORT_ROOT } from '../bootstrap/storage-steps.js';
import type { NectarCloud } from './nectar-cloud.js';
import type { StorageState } from './nectar-storage-state.js';

const STATUS: Readonly<Record<string, ObservedVolumeV1['status']>> = {
  creating: 'creating',
  available: 'available',
  reserved: 'in-use',
  attaching: 'in-use',
  'in-use': 'in-use',
  detaching: 'in-use',
  deleting: 'deleting',
  error: 'error',
  error_deleting: 'error',
};

function observed(volume: Volume): ObservedVolumeV1 | undefined {
  const hub = volume.metadata[OwnershipTag.hub];
  if (hub === undefined) return undefined;
  return {
    id: volume.id,
    hub,
    sizeGiB: volume.size,
    ...(volume.availabilityZone ? { zone: volume.availabilityZone } : {}),
    status: STATUS[volume.status] ?? 'creating',
    tags: volume.metadata,
  };
}

/** Poll a volume until `done` says so (undefined: the volume is gone). */
export async function waitForVolume(
  cloud: NectarCloud,
  id: string,
  done: (volume: Volume | undefined) => boolean,
): Promise<Volume | undefined> {
  for (;;) {
    if (cloud.signal?.aborted)
      throw new HubfleetError({ kind: 'interrupted', message: `interrupted waiting for volume ${id}` });
    let volume: Volume | undefined;
    try {
      volume = await getVolume(cloud.volume, id);
    } catch (error) {
      if (!isOpenStackStatus(error, 404)) throw error;
    }
    if (volume?.status === 'error') {
      throw new HubfleetError({
        kind: 'unavailable',
        retryable: false,
        message: `Cinder volume ${id} is in error`,
        hint: 'look at the volume in the dashboard; delete it and re-run up if it holds no data',
        subject: `volume/${id}`,
      });
    }
    if (done(volume)) return volume;
    await cloud.sleep(cloud.pollIntervalMs);
  }
}

/** The deployment's hub volumes, by their Cinder metadata: listed even when the storage VM is gone. */
export function ownedVolumes(cloud: NectarCloud): Promise<ObservedVolumeV1[]> {
  return listVolumes(cloud.volume, { metadata: { [OwnershipTag.deployment]: cloud.config.name } }).then(
    (volumes) => volumes.flatMap((volume) => observed(volume) ?? []),
  );
}

/**
 * Hub storage on NeCTAR: one Cinder volume per shared-nfs hub in the configured availability zone,
 * carrying deployment, component and hub as metadata; the storage VM mounts and exports it, and the
 * hub's NFS server chart mounts that export (`nfsExport`).
 */
export function nectarVolumes(cloud: NectarCloud, storage: StorageState): VolumeApiV1 {
  const { config } = cloud;
  return {
    list: () => ownedVolumes(cloud),
    async create(hub: HubConfig) {
      const adopt = hub.storage.adoptVolume;
      const existing = adopt
        ? await getVolume(cloud.volume, adopt)
        : (
            await listVolumes(cloud.volume, {
              metadata: { [OwnershipTag.deployment]: config.name, [OwnershipTag.hub]: hub.name },
            })
          )[0];
      const volume =
        existing ??
        (await createVolume(cloud.volume, {
          size: Math.ceil(quantityToGiB(hub.storage.size)),
          name: `${config.name}-${hub.name}`,
          description: `hubfleet ${config.name}: home directories of hub ${hub.name}`,
          availability_zone: config.provider.availabilityZone,
          metadata: ownershipTags(config.name, 'volume', { hub: hub.name }),
        }));
      const ready = await waitForVolume(cloud, volume.id, (current) => current?.status !== 'creating');
      const found =
        ready &&
        observed({
          ...ready,
          metadata: { ...ownershipTags(config.name, 'volume', { hub: hub.name }), ...ready.metadata },
        });
      if (!found)
        throw new HubfleetError({
          kind: 'internal',
          message: `volume ${volume.id} vanished while it was created`,
        });
      return found;
    },
    async snapshot(volume) {
      const snapshot = await createSnapshot(cloud.volume, {
        volume_id: volume.id,
        name: `${config.name}-${volume.hub}`,
        force: true,
        metadata: ownershipTags(config.name, 'volume', { hub: volume.hub }),
      });
      return { snapshotId: snapshot.id };
    },
    /** Detached from the storage VM first (Cinder refuses to delete an attached volume). */
    async delete(volume) {
      const current = await getVolume(cloud.volume, volume.id).catch((error: unknown) => {
        if (isOpenStackStatus(error, 404)) return undefined;
        throw error;
      });
      if (current === undefined) return;
      for (const attachment of current.attachments) {
        await detachVolume(cloud.compute, attachment.serverId, volume.id);
      }
      await waitForVolume(
        cloud,
        volume.id,
        (now) => now === undefined || ['available', 'error'].includes(now.status),
      );
      await deleteVolume(cloud.volume, volume.id);
      await waitForVolume(cloud, volume.id, (now) => now === undefined);
    },
    attachment(volume) {
      if (storage.serverAddress === undefined) {
        throw new HubfleetError({
          kind: 'unavailable',
          message: `hub ${volume.hub}'s export has no server yet: the storage VM is not up`,
          hint: 're-run up: the storage node step runs before the hubs',
          subject: `volume/${volume.hub}`,
        });
      }
      return { nfsExport: { server: storage.serverAddress, path: `${EXPORT_ROOT}/${volume.hub}` } };
    },
  };
}
