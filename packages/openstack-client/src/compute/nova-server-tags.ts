import type { ServiceClient } from '../session/service-client.js';
import { segment } from '../session/service-request.js';
import { asWire, wireStrings } from '../wire/wire-fields.js';

/** Server tags (2.26+). Changing them while the server is BUILD is 409: tag at create (2.52+). */
function tagsPath(serverId: string, tag?: string): string {
  return `/servers/${segment(serverId)}/tags${tag === undefined ? '' : `/${segment(tag)}`}`;
}

export async function listServerTags(compute: ServiceClient, serverId: string): Promise<string[]> {
  const response = await compute.request({
    method: 'GET',
    path: tagsPath(serverId),
    subject: `server/${serverId}`,
  });
  return wireStrings(asWire(response.body), 'tags');
}

export async function replaceServerTags(
  compute: ServiceClient,
  serverId: string,
  tags: string[],
): Promise<string[]> {
  const response = await compute.request({
    method: 'PUT',
    path: tagsPath(serverId),
    body: { tags },
    subject: `server/${serverId}`,
  });
  return wireStrings(asWire(response.body), 'tags');
}

/** Adds one tag (201 new, 204 already there: both fine). */
export async function addServerTag(compute: ServiceClient, serverId: string, tag: string): Promise<void> {
  await compute.request({ method: 'PUT', path: tagsPath(serverId, tag), subject: `server/${serverId}` });
}

export async function removeServerTag(compute: ServiceClient, serverId: string, tag: string): Promise<void> {
  await compute.request({ method: 'DELETE', path: tagsPath(serverId, tag), subject: `server/${serverId}` });
}
