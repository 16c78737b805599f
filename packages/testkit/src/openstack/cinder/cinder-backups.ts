import { randomUUID } from 'node:crypto';
import type { FakeResponse } from '../../framework/http-service.js';
import { booleanField, objectField, stringField, stringMapField } from '../../framework/json-body.js';
import { scheduleTransition } from '../../framework/lifecycle.js';
import { atLeast } from '../shared/microversion.js';
import type { OpenStackRequest } from '../shared/openstack-protocol.js';
import { backupNotFound, badRequest, cinderError, overLimit } from './cinder-errors.js';
import { cinderPage } from './cinder-listing.js';
import { findInProject, inProject } from './cinder-project.js';
import { type CinderContext, dueIn, takeFailure } from './cinder-settings.js';
import type { BackupRecord, VolumeRecord } from './cinder-state.js';
import { hasDependentBackups, renderBackup, renderBackupSummary } from './cinder-views.js';
import { findVolume, reply } from './cinder-volumes.js';

/** The list filters a project member may use on backups (Cinder's resource_filters.json). */
const BACKUP_FILTERS = new Set(['name', 'status', 'volume_id']);
const PAGING = new Set(['limit', 'marker', 'sort', 'sort_key', 'sort_dir', 'offset', 'with_count']);

const mine = (context: CinderContext) => inProject(context, context.state.backups);
const findBackup = (context: CinderContext, id: string) =>
  findInProject(context, context.state.backups, id, backupNotFound);

/** cinder/backup/api.py create: available, or in-use with `force`. */
function checkVolumeStatus(volume: VolumeRecord, force: boolean): void {
  if (volume.status !== 'available' && volume.status !== 'in-use')
    throw badRequest(
      `Invalid volume: Volume to be backed up must be available or in-use, but the current status is "${volume.status}".`,
    );
  if (volume.status === 'in-use' && !force)
    throw badRequest('Invalid volume: Backing up an in-use volume must use the force flag.');
}

/** quota_backups and quota_backup_gigabytes: 413 overLimit, as QUOTAS.reserve raises them. */
function checkBackupQuota(context: CinderContext, size: number): void {
  const { quotas } = context.settings;
  const backups = mine(context);
  if (backups.length + 1 > quotas.backups)
    throw overLimit(`BackupLimitExceeded: Maximum number of backups allowed (${quotas.backups}) exceeded.`);
  const consumed = backups.reduce((total, backup) => total + backup.size, 0);
  if (consumed + size > quotas.backupGigabytes)
    throw overLimit(
      `VolumeBackupSizeExceedsAvailableQuota: Requested backup exceeds allowed Backup gigabytes quota. Requested ${size}G, quota is ${quotas.backupGigabytes}G and ${consumed}G has been consumed.`,
    );
}

/** An incremental backup needs an available full one of the same volume to build on. */
function checkIncremental(context: CinderContext, volumeId: string): void {
  const earlier = mine(context)
    .filter((backup) => backup.volumeId === volumeId)
    .sort((a, b) => b.createdAt - a.createdAt)[0];
  if (earlier === undefined)
    throw badRequest('Invalid backup: No backups available to do an incremental backup.');
  if (earlier.status !== 'available')
    throw badRequest('Invalid backup: The parent backup must be available for incremental backup.');
}

/**
 * POST /backups {"backup": {volume_id, name, description, incremental, force, metadata (≥ 3.43)}} → 202
 * with id, links and name only. The backup is `creating` and the volume `backing-up` until the copy is
 * made; then the backup is `available` (or `error` with `fail_reason`) and the volume back where it was.
 * 503 when no cinder-backup service runs.
 */
export function createBackup(context: CinderContext, request: OpenStackRequest): FakeResponse {
  const body = objectField(request.body, 'backup');
  const volumeId = stringField(body, 'volume_id');
  if (!body || !volumeId)
    throw badRequest("Invalid input for field/attribute backup. 'volume_id' is a required property.");
  if (body.metadata !== undefined && !atLeast(context.version, '3.43'))
    throw badRequest(
      "Invalid input for field/attribute backup. Additional properties are not allowed ('metadata' was unexpected).",
    );
  const volume = findVolume(context, volumeId);
  const force = booleanField(body, 'force') ?? false;
  const incremental = booleanField(body, 'incremental') ?? false;
  checkVolumeStatus(volume, force);
  if (!context.settings.backupService) throw cinderError(503, 'Service cinder-backup could not be found.');
  checkBackupQuota(context, volume.size);
  if (incremental) checkIncremental(context, volume.id);
  const failed = takeFailure(context.settings, 'create-backup');
  const backup: BackupRecord = {
    id: randomUUID(),
    volumeId: volume.id,
    name: stringField(body, 'name') ?? null,
    description: stringField(body, 'description') ?? null,
    size: volume.size,
    metadata: stringMapField(body, 'metadata') ?? {},
    incremental,
    projectId: context.settings.projectId,
    userId: context.settings.userId,
    status: 'creating',
    createdAt: context.now,
    updatedAt: null,
    failReason: failed ? 'scripted failure: the backup driver could not write the backup' : null,
  };
  context.state.backups[backup.id] = backup;
  const due = dueIn(context, context.settings.durations.createBackup);
  scheduleTransition(backup, failed ? 'error' : 'available', context.now, due);
  volume.previousStatus = volume.status;
  volume.status = 'backing-up';
  volume.updatedAt = context.now;
  scheduleTransition(volume, volume.previousStatus, context.now, due);
  return reply(context, 202, { backup: renderBackupSummary(context, backup) });
}

/** From 3.31 a filter a member may not use is refused; before, it is dropped (remove_invalid_filter_options). */
function filtered(context: CinderContext, query: URLSearchParams): BackupRecord[] {
  const unknown = [...query.keys()].filter((key) => !BACKUP_FILTERS.has(key) && !PAGING.has(key));
  if (unknown.length > 0 && atLeast(context.version, '3.31'))
    throw badRequest(`Invalid filters ${unknown.join(', ')} are found in query options.`);
  return mine(context).filter((backup) =>
    [
      ['name', backup.name],
      ['status', backup.status],
      ['volume_id', backup.volumeId],
    ].every(([key, value]) => query.get(key as string) === null || query.get(key as string) === value),
  );
}

/** GET /backups/detail?name=&status=&volume_id=&limit=&marker= */
export function listBackupDetails(context: CinderContext, request: OpenStackRequest): FakeResponse {
  const { query } = request;
  const { page, links } = cinderPage(context, filtered(context, query), query, 'backups/detail', 'backups');
  return reply(context, 200, { backups: page.map((backup) => renderBackup(context, backup)), ...links });
}

/** GET /backups: id, name and links only. */
export function listBackups(context: CinderContext, request: OpenStackRequest): FakeResponse {
  const { query } = request;
  const { page, links } = cinderPage(context, filtered(context, query), query, 'backups', 'backups');
  return reply(context, 200, {
    backups: page.map((backup) => renderBackupSummary(context, backup)),
    ...links,
  });
}

export function showBackup(context: CinderContext, request: OpenStackRequest): FakeResponse {
  const backup = findBackup(context, request.labels.backupId as string);
  return reply(context, 200, { backup: renderBackup(context, backup) });
}

/** DELETE /backups/{id} → 202, `deleting`, then gone; only from available or error, and not under an incremental. */
export function deleteBackup(context: CinderContext, request: OpenStackRequest): FakeResponse {
  const backup = findBackup(context, request.labels.backupId as string);
  if (backup.status !== 'available' && backup.status !== 'error')
    throw badRequest('Invalid backup: Backup status must be available or error');
  if (hasDependentBackups(context, backup))
    throw badRequest('Invalid backup: Incremental backups exist for this backup.');
  backup.status = 'deleting';
  backup.updatedAt = context.now;
  scheduleTransition(backup, null, context.now, dueIn(context, context.settings.durations.deleteBackup));
  return reply(context, 202);
}
