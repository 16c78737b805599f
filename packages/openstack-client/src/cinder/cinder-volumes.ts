import { deleteIfPresent } from '../session/delete-if-present.js';
import type { ServiceClient } from '../session/service-client.js';
import { segment } from '../session/service-request.js';
import { asWire } from '../wire/wire-fields.js';
import { metadataFilter, toVolume } from './cinder-mappers.js';
import type { Volume } from './cinder-types.js';

/** What `POST /volumes` takes (api-ref block-storage v3 "Create a volume"). */
export interface VolumeInput {
  /** GiB. */
  size: number;
  name?: string;
  description?: string;
  volume_type?: string;
  availability_zone?: string;
  /** Ownership lives here: names repeat and Cinder has no idempotency token. */
  metadata?: Record<string, string>;
  snapshot_id?: string;
  multiattach?: boolean;
}

export interface VolumeFilter {
  name?: string;
  status?: string;
  /** Only volumes carrying all of these metadata pairs. */
  metadata?: Record<string, string>;
}

const volumePath = (id: string) => `/volumes/${segment(id)}`;

/** 202: the volume is `creating`. Calling twice makes two volumes: look for one by metadata first. */
export async function createVolume(cinder: ServiceClient, input: VolumeInput): Promise<Volume> {
  const response = await cinder.request({
    method: 'POST',
    path: '/volumes',
    body: { volume: input },
    subject: `volume/${input.name ?? 'unnamed'}`,
  });
  return toVolume(asWire(response.body).volume);
}

export async function getVolume(cinder: ServiceClient, id: string): Promise<Volume> {
  const response = await cinder.request({ method: 'GET', path: volumePath(id), subject: `volume/${id}` });
  return toVolume(asWire(response.body).volume);
}

/** Every matching volume (`/volumes/detail`, through `volumes_links`). */
export async function listVolumes(cinder: ServiceClient, filter: VolumeFilter = {}): Promise<Volume[]> {
  const items = await cinder.listAll<unknown>('/volumes/detail', 'volumes', {
    name: filter.name,
    status: filter.status,
    metadata: metadataFilter(filter.metadata),
  });
  return items.map(toVolume);
}

export async function updateVolume(
  cinder: ServiceClient,
  id: string,
  changes: { name?: string; description?: string },
): Promise<Volume> {
  const response = await cinder.request({
    method: 'PUT',
    path: volumePath(id),
    body: { volume: changes },
    subject: `volume/${id}`,
  });
  return toVolume(asWire(response.body).volume);
}

/**
 * 202: `deleting`, then gone. Cinder refuses (400 "Invalid volume", mapped to `conflict`) while
 * the volume is attached, busy or has snapshots. False when it was already gone.
 */
export function deleteVolume(
  cinder: ServiceClient,
  id: string,
  options: { cascade?: boolean } = {},
): Promise<boolean> {
  return deleteIfPresent(cinder, {
    path: volumePath(id),
    ...(options.cascade ? { query: { cascade: 'true' } } : {}),
    subject: `volume/${id}`,
  });
}

/** os-extend → 202: `extending`, then `available` at the new size (GiB). */
export async function extendVolume(cinder: ServiceClient, id: string, newSize: number): Promise<void> {
  await cinder.request({
    method: 'POST',
    path: `${volumePath(id)}/action`,
    body: { 'os-extend': { new_size: newSize } },
    subject: `volume/${id}`,
  });
}
