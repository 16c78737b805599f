import { deleteIfPresent } from '../session/delete-if-present.js';
import type { ServiceClient } from '../session/service-client.js';
import { segment } from '../session/service-request.js';
import { asWire, wireNullableString, wireString } from '../wire/wire-fields.js';
import { toBackup } from './cinder-mappers.js';
import type { Backup } from './cinder-types.js';

/** From volume 3.43 a backup carries metadata (create, show, list). */
export const BACKUP_METADATA_MICROVERSION = '3.43';

/** What `POST /backups` takes (api-ref block-storage v3 "Create a backup"). */
export interface BackupInput {
  volume_id: string;
  name?: string;
  description?: string;
  /** Build on the newest available backup of the volume instead of copying it whole. */
  incremental?: boolean;
  /** Back up an in-use volume (crash-consistent only). */
  force?: boolean;
  /** Needs volume 3.43 (`BACKUP_METADATA_MICROVERSION`). */
  metadata?: Record<string, string>;
}

/** What a create answers: the id and name only; read the rest with `getBackup`. */
export interface CreatedBackup {
  id: string;
  name: string | null;
}

/**
 * 202: the backup is `creating` and the volume `backing-up` (not deletable) until the copy is made.
 * Cinder has no idempotency token: look for an earlier backup of the volume before calling twice.
 */
export async function createBackup(cinder: ServiceClient, input: BackupInput): Promise<CreatedBackup> {
  const response = await cinder.request({
    method: 'POST',
    path: '/backups',
    body: { backup: input },
    subject: `volume/${input.volume_id}`,
  });
  const backup = asWire(asWire(response.body).backup);
  return { id: wireString(backup, 'id') ?? '', name: wireNullableString(backup, 'name') };
}

export async function getBackup(cinder: ServiceClient, id: string): Promise<Backup> {
  const response = await cinder.request({
    method: 'GET',
    path: `/backups/${segment(id)}`,
    subject: `backup/${id}`,
  });
  return toBackup(asWire(response.body).backup);
}

/**
 * Every matching backup (`/backups/detail`, through `backups_links`). A project member may filter on
 * name, status and volume_id only (Cinder refuses a metadata filter from 3.31): match metadata here.
 */
export async function listBackups(
  cinder: ServiceClient,
  filter: { volumeId?: string; name?: string; status?: string } = {},
): Promise<Backup[]> {
  const items = await cinder.listAll<unknown>('/backups/detail', 'backups', {
    volume_id: filter.volumeId,
    name: filter.name,
    status: filter.status,
  });
  return items.map(toBackup);
}

/** 202: `deleting`, then gone (only from available or error); false when it was already gone. */
export function deleteBackup(cinder: ServiceClient, id: string): Promise<boolean> {
  return deleteIfPresent(cinder, { path: `/backups/${segment(id)}`, subject: `backup/${id}` });
}
