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
  createVolume,
  deleteVolume,
  getVolume,
  isOpenStackStatus,
  listVolumes,
  mergeVolumeMetadata,
  type Volume,
} from '@hubfleet/openstack-client';
import { findVolumeBackup, takeVolumeBackup, volumeBackupStatus } from './cinder-backups.js';
import type { OpenstackDeployment } from './openstack-deployment.js';

/** The Cinder CSI driver (cloud-provider-openstack), which the NFS server's PersistentVolume names. */
export const CINDER_CSI_DRIVER = 'cinder.csi.openstack.org';

const STATUS: Readonly<Record<string, ObservedVolumeV1['status']>> = {
  creating: 'creating',
  downloading: 'creating',
  available: 'available',
  reserved: 'in-use',
  attaching: 'in-use',
  detaching: 'in-use',
  'in-use': 'in-use',
  // Being copied to the backup store (onDelete: snapshot): busy, not deletable until it is done.
  'backing-up': 'in-use',
  extending: 'available',
  deleting: 'deleting',
};

export function observedVolume(volume: Volume): ObservedVolumeV1 | undefined {
  const hub = volume.metadata[OwnershipTag.hub];
  if (hub === undefined) return undefined;
  return {
    id: volume.id,
    hub,
    sizeGiB: volume.size,
    ...(volume.availabilityZone ? { zone: volume.availabilityZone } : {}),
    status: STATUS[volume.status] ?? 'error',
    tags: volume.metadata,
  };
}

/**
 * Hubs' data volumes as Cinder volumes. Per-user homes are made by the Cinder CSI driver through the
 * StorageClass (`openstack-addons.ts`); a `shared-nfs` hub gets one volume here, `<deployment>-<hub>`,
 * served by hubfleet's NFS server. Ownership rides in the volume's metadata, which a retained volume
 * keeps: the next `up` finds it, and `storage.adoptVolume` labels an existing one as the hub's.
 */
export function cinderVolumes(os: OpenstackDeployment): VolumeApiV1 {
  const subjectOf = (hub: string) => `volume/${hub}`;
  const metadataFor = (hub: string) => ownershipTags(os.deployment, 'volume', { hub });

  async function list(): Promise<ObservedVolumeV1[]> {
    const volumes = await listVolumes(await os.services.cinder(), {
      metadata: ownershipTags(os.deployment, 'volume'),
    });
    return volumes.flatMap((volume) => observedVolume(volume) ?? []);
  }

  async function adopt(hub: HubConfig, id: string): Promise<ObservedVolumeV1> {
    const cinder = await os.services.cinder();
    const subject = `hubs.${hub.name}.storage.adoptVolume`;
    const refuse = (why: string, hint: string): never => {
      throw new HubfleetError({
        kind: 'invalid-config',
        message: `hub ${hub.name} cannot adopt Cinder volume ${id}: ${why}`,
        hint,
        subject,
      });
    };
    let volume: Volume;
    try {
      volume = await getVolume(cinder, id);
    } catch (error) {
      if (!isOpenStackStatus(error, 404)) throw error;
      return refuse('it does not exist in this project', 'check the id with `openstack volume list`');
    }
    const owner = volume.metadata[OwnershipTag.deployment];
    const ownerHub = volume.metadata[OwnershipTag.hub];
    if (
      (owner !== undefined && owner !== os.deployment) ||
      (ownerHub !== undefined && ownerHub !== hub.name)
    ) {
      refuse(
        `it belongs to deployment ${owner}, hub ${ownerHub ?? '(none)'}`,
        'adopt a volume no other hub owns',
      );
    }
    const wanted = metadataFor(hub.name);
    if (Object.entries(wanted).some(([key, value]) => volume.metadata[key] !== value)) {
      await mergeVolumeMetadata(cinder, id, wanted);
    }
    const adopted = observedVolume({ ...volume, metadata: { ...volume.metadata, ...wanted } });
    if (adopted === undefined || adopted.status === 'error')
      return refuse(`it is ${volume.status}`, 'adopt an available volume');
    return adopted;
  }

  async function create(hub: HubConfig): Promise<ObservedVolumeV1> {
    if (hub.storage.adoptVolume !== undefined) return adopt(hub, hub.storage.adoptVolume);
    const existing = (await list()).find((volume) => volume.hub === hub.name && volume.status !== 'deleting');
    if (existing !== undefined) return existing;
    const created = await createVolume(await os.services.cinder(), {
      name: `${os.deployment}-${hub.name}`,
      description: `hubfleet: hub ${hub.name} of deployment ${os.deployment}`,
      size: Math.max(1, Math.ceil(quantityToGiB(hub.storage.size))),
      metadata: metadataFor(hub.name),
    });
    const observed = observedVolume(created);
    if (observed === undefined) throw new Error(`Cinder answered volume ${created.id} without its metadata`);
    return observed;
  }

  async function remove(volume: ObservedVolumeV1): Promise<void> {
    try {
      await deleteVolume(await os.services.cinder(), volume.id);
    } catch (error) {
      // 400 "Invalid volume": still attached (the NFS server's node lets go of it), or busy (backing-up).
      if (!HubfleetError.is(error) || error.kind !== 'conflict') throw error;
      throw new HubfleetError({
        kind: 'conflict',
        retryable: true,
        message: `Cinder volume ${volume.id} of hub ${volume.hub} is still attached or busy`,
        hint: 'the NFS server that mounts it is still being removed; hubfleet retries',
        subject: subjectOf(volume.hub),
        cause: error,
      });
    }
  }

  return {
    list,
    create,
    // onDelete: snapshot is a Cinder backup, which outlives the volume (cinder-backups.ts).
    snapshot: (volume) => takeVolumeBackup(os, volume),
    findSnapshot: (volume) => findVolumeBackup(os, volume),
    snapshotStatus: (backupId) => volumeBackupStatus(os, backupId),
    delete: remove,
    // No zone: Cinder's availability zones (STFC: ceph) are not Nova's, and a volume attaches across them.
    attachment: (volume) => ({ csiDriver: CINDER_CSI_DRIVER, volumeHandle: volume.id }),
  };
}
