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
  mergeVolumeMetadata,
  type Volume,
} from '@hubfleet/openstack-client';
import { EXPORT_ROOT } from '../bootstrap/storage-steps.js';
import type { NectarCloud } from './nectar-cloud.js';
import { storageName } from './nectar-names.js';
import { ownedServers, privateAddress, serverNamed } from './nectar-servers.js';
import type { StorageState } from './nectar-storage-state.js';

const STATUS: Readonly<Record<string, ObservedVolumeV1['status']>> = {
  creating: 'creating',
  reserved: 'in-use',
  attaching: 'in-use',
  'in-use': 'in-use',
  detaching: 'in-use',
  deleting: 'deleting',
  error: 'error',
  error_deleting: 'error',
};

/**
 * Cinder's status in the contract's terms, as the hub sees it. Attached to the deployment's own
 * storage VM, a volume is `available` to its hub (served over NFS, which is what the hub mounts).
 * Detached (just made, or its storage VM lost or not made yet) it is `creating`: core's volume step
 * then waits until the storage node has attached and exported it, and records the export with the
 * storage VM's current address. Attached anywhere else it is `in-use`.
 */
function observed(volume: Volume, storageServerId?: string): ObservedVolumeV1 | undefined {
  const hub = volume.metadata[OwnershipTag.hub];
  if (hub === undefined) return undefined;
  const served =
    volume.status === 'in-use' &&
    volume.attachments.length > 0 &&
    volume.attachments.every((attachment) => attachment.serverId === storageServerId);
  return {
    id: volume.id,
    hub,
    sizeGiB: volume.size,
    ...(volume.availabilityZone ? { zone: volume.availabilityZone } : {}),
    status: served
      ? 'available'
      : volume.status === 'available'
        ? 'creating'
        : (STATUS[volume.status] ?? 'creating'),
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
export function ownedVolumes(cloud: NectarCloud, storageServerId?: string): Promise<ObservedVolumeV1[]> {
  return listVolumes(cloud.volume, { metadata: { [OwnershipTag.deployment]: cloud.config.name } }).then(
    (volumes) => volumes.flatMap((volume) => observed(volume, storageServerId) ?? []),
  );
}

/**
 * Hub storage on NeCTAR: one Cinder volume per shared-nfs hub in the configured availability zone,
 * carrying deployment, component and hub as metadata; the storage VM mounts and exports it, and the
 * hub's NFS server chart mounts that export (`nfsExport`).
 */
export function nectarVolumes(
  cloud: NectarCloud,
  storage: StorageState,
  serve: () => Promise<void>,
): VolumeApiV1 {
  const { config } = cloud;
  async function list(): Promise<ObservedVolumeV1[]> {
    const server = serverNamed(await ownedServers(cloud), storageName(config));
    const volumes = await ownedVolumes(cloud, server?.id);
    storage.serverAddress = server && privateAddress(server);
    return volumes;
  }
  return {
    list,
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
      const owned = ownershipTags(config.name, 'volume', { hub: hub.name });
      // An adopted volume takes the ownership metadata, so it is listed (and kept) like a made one.
      if (volume.metadata[OwnershipTag.hub] !== hub.name)
        await mergeVolumeMetadata(cloud.volume, volume.id, owned);
      await waitForVolume(cloud, volume.id, (current) => current?.status !== 'creating');
      // Attached to the storage VM, formatted once and exported before the hub's NFS server mounts it.
      await serve();
      const found = (await list()).find((listed) => listed.id === volume.id);
      if (!found) {
        throw new HubfleetError({
          kind: 'unavailable',
          message: `volume ${volume.id} of hub ${hub.name} is not listed by its metadata after it was made`,
          hint: 're-run up',
          subject: `volume/${hub.name}`,
        });
      }
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
    /**
     * The hub's export on the storage VM. While that VM does not exist (lost, about to be made again
     * by the storage node step) its name stands in for its address, and the next `up` renders the
     * hub's NFS server with the new address.
     */
    attachment(volume) {
      const server = storage.serverAddress ?? storageName(config);
      return { nfsExport: { server, path: `${EXPORT_ROOT}/${volume.hub}` } };
    },
  };
}
