import { atLeast } from '../shared/microversion.js';
import type { CinderContext } from './cinder-settings.js';
import type { BackupRecord, SnapshotRecord, VolumeRecord } from './cinder-state.js';

/** Cinder's time format: ISO 8601 with microseconds and no zone (`2024-01-01T10:00:00.000000`). */
export function cinderTime(epochMs: number | null): string | null {
  return epochMs === null ? null : new Date(epochMs).toISOString().replace(/\.(\d{3})Z$/, '.$1000');
}

function links(context: CinderContext, collection: string, id: string): unknown[] {
  return [
    { rel: 'self', href: `${context.baseUrl}/${collection}/${id}` },
    { rel: 'bookmark', href: `${context.baseUrl.replace(/\/v3\//, '/')}/${collection}/${id}` },
  ];
}

export function renderVolumeSummary(context: CinderContext, volume: VolumeRecord): Record<string, unknown> {
  return { id: volume.id, name: volume.name, links: links(context, 'volumes', volume.id) };
}

export function renderVolume(context: CinderContext, volume: VolumeRecord): Record<string, unknown> {
  return {
    ...renderVolumeSummary(context, volume),
    status: volume.status,
    size: volume.size,
    description: volume.description,
    availability_zone: volume.availabilityZone,
    volume_type: volume.volumeType,
    metadata: volume.metadata,
    bootable: String(volume.bootable),
    encrypted: false,
    multiattach: volume.multiattach,
    snapshot_id: volume.snapshotId,
    source_volid: volume.sourceVolid,
    user_id: volume.userId,
    replication_status: null,
    consistencygroup_id: null,
    attachments: volume.attachments
      .filter((attachment) => attachment.status === 'attached')
      .map((attachment) => ({
        id: volume.id,
        attachment_id: attachment.attachmentId,
        volume_id: volume.id,
        server_id: attachment.serverId,
        host_name: null,
        device: attachment.device,
        attached_at: cinderTime(attachment.attachedAt),
      })),
    ...(atLeast(context.version, '3.13') ? { group_id: null } : {}),
    ...(atLeast(context.version, '3.48') ? { shared_targets: false, service_uuid: null } : {}),
    created_at: cinderTime(volume.createdAt),
    updated_at: cinderTime(volume.updatedAt),
  };
}

export function renderSnapshot(context: CinderContext, snapshot: SnapshotRecord): Record<string, unknown> {
  return {
    id: snapshot.id,
    volume_id: snapshot.volumeId,
    name: snapshot.name,
    description: snapshot.description,
    status: snapshot.status,
    size: snapshot.size,
    metadata: snapshot.metadata,
    ...(atLeast(context.version, '3.41') ? { user_id: context.settings.userId } : {}),
    created_at: cinderTime(snapshot.createdAt),
    updated_at: cinderTime(snapshot.updatedAt),
  };
}

/** An incremental backup of the same volume was taken after this one, so this one cannot be deleted. */
export function hasDependentBackups(context: CinderContext, backup: BackupRecord): boolean {
  return Object.values(context.state.backups).some(
    (other) => other.incremental && other.volumeId === backup.volumeId && other.createdAt > backup.createdAt,
  );
}

/** What a create answers and `GET /backups` lists: id, links and name. */
export function renderBackupSummary(context: CinderContext, backup: BackupRecord): Record<string, unknown> {
  return { id: backup.id, links: links(context, 'backups', backup.id), name: backup.name };
}

/** `GET /backups/{id}` and `/backups/detail` (api-ref samples backups/v3.56). */
export function renderBackup(context: CinderContext, backup: BackupRecord): Record<string, unknown> {
  return {
    ...renderBackupSummary(context, backup),
    availability_zone: null,
    container: null,
    created_at: cinderTime(backup.createdAt),
    data_timestamp: cinderTime(backup.createdAt),
    description: backup.description,
    fail_reason: backup.failReason,
    has_dependent_backups: hasDependentBackups(context, backup),
    is_incremental: backup.incremental,
    object_count: backup.status === 'available' ? backup.size : 0,
    size: backup.size,
    snapshot_id: null,
    status: backup.status,
    updated_at: cinderTime(backup.updatedAt),
    volume_id: backup.volumeId,
    ...(atLeast(context.version, '3.18') ? { 'os-backup-project-attr:project_id': backup.projectId } : {}),
    ...(atLeast(context.version, '3.43') ? { metadata: backup.metadata } : {}),
    ...(atLeast(context.version, '3.56') ? { user_id: backup.userId } : {}),
  };
}
