import {
  HubfleetError,
  type ObservedSnapshotV1,
  type ObservedVolumeV1,
  OwnershipTag,
  ownershipTags,
  type SnapshotStatusV1,
} from '@hubfleet/core';
import {
  BACKUP_METADATA_MICROVERSION,
  type Backup,
  createBackup,
  getBackup,
  isOpenStackStatus,
  listBackups,
} from '@hubfleet/openstack-client';
import type { OpenstackDeployment } from './openstack-deployment.js';

/** The backup's metadata key naming the volume it holds. */
const SOURCE_KEY = 'hubfleet.io/source-volume';

/**
 * Where a backup stands. `restoring` and `error_restoring` are a finished backup being (or failing
 * to be) restored somewhere: its copy is whole. A `deleting` one is on its way out: as if gone.
 */
export function backupStatus(status: string): SnapshotStatusV1 | undefined {
  if (status === 'available' || status === 'restoring' || status === 'error_restoring') return 'completed';
  if (status === 'error') return 'error';
  return status === 'deleting' ? undefined : 'pending';
}

/** `<deployment>-<hub>-`: every backup hubfleet takes of a hub's volume is named so, then a UTC time. */
function namePrefix(os: OpenstackDeployment, hub: string): string {
  return `${os.deployment}-${hub}-`;
}

/** Ours: by metadata where Cinder keeps it (3.43), else by name (the volume is already the filter). */
function isOurs(os: OpenstackDeployment, volume: ObservedVolumeV1, backup: Backup): boolean {
  if (Object.keys(backup.metadata).length > 0) {
    return (
      backup.metadata[OwnershipTag.deployment] === os.deployment && backup.metadata[SOURCE_KEY] === volume.id
    );
  }
  return backup.name?.startsWith(namePrefix(os, volume.hub)) === true;
}

/** The newest backup hubfleet took of `volume` that is not being deleted, if any. */
export async function findVolumeBackup(
  os: OpenstackDeployment,
  volume: ObservedVolumeV1,
): Promise<ObservedSnapshotV1 | undefined> {
  const backups = await listBackups(await os.services.cinder(), { volumeId: volume.id });
  const newest = backups
    .filter((backup) => isOurs(os, volume, backup))
    .flatMap((backup) => {
      const status = backupStatus(backup.status);
      return status === undefined ? [] : [{ backup, status }];
    })
    .sort((a, b) => (b.backup.createdAt ?? 0) - (a.backup.createdAt ?? 0))[0];
  return newest === undefined
    ? undefined
    : { id: newest.backup.id, volumeId: volume.id, status: newest.status };
}

/** Where backup `id` stands; undefined once it is gone or going. */
export async function volumeBackupStatus(
  os: OpenstackDeployment,
  id: string,
): Promise<SnapshotStatusV1 | undefined> {
  try {
    return backupStatus((await getBackup(await os.services.cinder(), id)).status);
  } catch (error) {
    if (isOpenStackStatus(error, 404)) return undefined;
    throw error;
  }
}

/** Cinder's refusals of a backup, said for the hub whose volume it is, with what to do. */
function explainBackupError(error: unknown, volume: ObservedVolumeV1): unknown {
  if (!HubfleetError.is(error)) return error;
  const subject = `volume/${volume.hub}`;
  const what = `hub ${volume.hub}'s Cinder volume ${volume.id} was not backed up, so it was kept`;
  if (error.kind === 'quota') {
    return new HubfleetError({
      kind: 'quota',
      retryable: false,
      message: `${what}: the project's Cinder backup quota is used up (${error.message})`,
      hint: `delete backups no longer needed (openstack volume backup list), or ask the cloud's administrators to raise the backups or backup_gigabytes quota; or set hubs.${volume.hub}.storage.onDelete: retain`,
      subject,
      cause: error,
    });
  }
  if (isOpenStackStatus(error, 503) && /cinder-backup/.test(error.message)) {
    return new HubfleetError({
      kind: 'unavailable',
      retryable: false,
      message: `${what}: this cloud runs no Cinder backup service (cinder-backup), which storage.onDelete: snapshot needs`,
      hint: `set hubs.${volume.hub}.storage.onDelete: retain to keep the volume, or ask the cloud's administrators to enable volume backups`,
      subject,
      cause: error,
    });
  }
  if (error.kind === 'conflict') {
    return new HubfleetError({
      kind: 'conflict',
      retryable: true,
      message: `${what} yet: Cinder says the volume is busy (${error.message})`,
      hint: 'it is being attached, detached or backed up; hubfleet tries again',
      subject,
      cause: error,
    });
  }
  return error;
}

/**
 * `storage.onDelete: snapshot` on Cinder is a volume **backup**: a Cinder snapshot lives on the
 * volume's backend and cannot outlive it (Cinder refuses to delete a volume with snapshots), while a
 * backup is a copy in the backup store that stays after the volume is deleted. Forced, since the NFS
 * server's node may still hold the volume; named `<deployment>-<hub>-<UTC time>` and, from 3.43,
 * tagged with the ownership and the source volume, so `openstack volume backup list` shows whose it is.
 */
export async function takeVolumeBackup(
  os: OpenstackDeployment,
  volume: ObservedVolumeV1,
): Promise<{ snapshotId: string }> {
  const cinder = await os.services.cinder();
  const time = new Date()
    .toISOString()
    .replace(/[^0-9]/g, '')
    .slice(0, 14);
  const metadata = {
    ...ownershipTags(os.deployment, 'volume', { hub: volume.hub }),
    [SOURCE_KEY]: volume.id,
  };
  const made = await createBackup(cinder, {
    volume_id: volume.id,
    name: `${namePrefix(os, volume.hub)}${time}`,
    description: `hubfleet: hub ${volume.hub} of deployment ${os.deployment}, taken before its volume ${volume.id} was deleted (storage.onDelete: snapshot)`,
    incremental: false,
    force: true,
    ...(cinder.supports(BACKUP_METADATA_MICROVERSION) ? { metadata } : {}),
  }).catch((error: unknown) => {
    throw explainBackupError(error, volume);
  });
  return { snapshotId: made.id };
}
