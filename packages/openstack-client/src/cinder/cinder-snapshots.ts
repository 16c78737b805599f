import { deleteIfPresent } from '../session/delete-if-present.js';
import type { ServiceClient } from '../session/service-client.js';
import { segment } from '../session/service-request.js';
import { asWire } from '../wire/wire-fields.js';
import { metadataFilter, toSnapshot } from './cinder-mappers.js';
import type { Snapshot } from './cinder-types.js';

export interface SnapshotInput {
  volume_id: string;
  name?: string;
  description?: string;
  /** Snapshot an in-use volume (crash-consistent only). */
  force?: boolean;
  metadata?: Record<string, string>;
}

export async function createSnapshot(cinder: ServiceClient, input: SnapshotInput): Promise<Snapshot> {
  const response = await cinder.request({
    method: 'POST',
    path: '/snapshots',
    body: { snapshot: input },
    subject: `volume/${input.volume_id}`,
  });
  return toSnapshot(asWire(response.body).snapshot);
}

export async function getSnapshot(cinder: ServiceClient, id: string): Promise<Snapshot> {
  const response = await cinder.request({
    method: 'GET',
    path: `/snapshots/${segment(id)}`,
    subject: `snapshot/${id}`,
  });
  return toSnapshot(asWire(response.body).snapshot);
}

export async function listSnapshots(
  cinder: ServiceClient,
  filter: { volumeId?: string; name?: string; metadata?: Record<string, string> } = {},
): Promise<Snapshot[]> {
  const items = await cinder.listAll<unknown>('/snapshots/detail', 'snapshots', {
    volume_id: filter.volumeId,
    name: filter.name,
    metadata: metadataFilter(filter.metadata),
  });
  return items.map(toSnapshot);
}

/** 202: `deleting`, then gone; false when it was already gone. */
export function deleteSnapshot(cinder: ServiceClient, id: string): Promise<boolean> {
  return deleteIfPresent(cinder, { path: `/snapshots/${segment(id)}`, subject: `snapshot/${id}` });
}
