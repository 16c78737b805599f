import type { ServiceClient } from '../session/service-client.js';
import { segment } from '../session/service-request.js';
import { asWire, wireStringMap } from '../wire/wire-fields.js';

function metadataPath(serverId: string, key?: string): string {
  return `/servers/${segment(serverId)}/metadata${key === undefined ? '' : `/${segment(key)}`}`;
}

export async function getServerMetadata(
  compute: ServiceClient,
  serverId: string,
): Promise<Record<string, string>> {
  const response = await compute.request({
    method: 'GET',
    path: metadataPath(serverId),
    subject: `server/${serverId}`,
  });
  return wireStringMap(asWire(response.body), 'metadata');
}

/** POST: merges `metadata` into the server's; answers the whole set. */
export async function mergeServerMetadata(
  compute: ServiceClient,
  serverId: string,
  metadata: Record<string, string>,
): Promise<Record<string, string>> {
  const response = await compute.request({
    method: 'POST',
    path: metadataPath(serverId),
    body: { metadata },
    subject: `server/${serverId}`,
  });
  return wireStringMap(asWire(response.body), 'metadata');
}

/** PUT: the server's metadata becomes exactly `metadata`. */
export async function replaceServerMetadata(
  compute: ServiceClient,
  serverId: string,
  metadata: Record<string, string>,
): Promise<Record<string, string>> {
  const response = await compute.request({
    method: 'PUT',
    path: metadataPath(serverId),
    body: { metadata },
    subject: `server/${serverId}`,
  });
  return wireStringMap(asWire(response.body), 'metadata');
}

export async function setServerMetadataItem(
  compute: ServiceClient,
  serverId: string,
  key: string,
  value: string,
): Promise<void> {
  await compute.request({
    method: 'PUT',
    path: metadataPath(serverId, key),
    body: { meta: { [key]: value } },
    subject: `server/${serverId}`,
  });
}

export async function deleteServerMetadataItem(
  compute: ServiceClient,
  serverId: string,
  key: string,
): Promise<void> {
  await compute.request({
    method: 'DELETE',
    path: metadataPath(serverId, key),
    subject: `server/${serverId}`,
  });
}
