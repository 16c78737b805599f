import type { ServiceClient } from '../session/service-client.js';
import { segment } from '../session/service-request.js';
import { asWire, wireStrings } from '../wire/wire-fields.js';

/** The resources whose tags hubfleet sets (Neutron's `standard-attr-tag`). */
export type TaggableResource =
  | 'networks'
  | 'subnets'
  | 'ports'
  | 'routers'
  | 'floatingips'
  | 'security-groups';

function tagsPath(resource: TaggableResource, id: string, tag?: string): string {
  return `/${resource}/${segment(id)}/tags${tag === undefined ? '' : `/${segment(tag)}`}`;
}

function subjectOf(resource: TaggableResource, id: string): string {
  return `${resource.replace(/s$/, '')}/${id}`;
}

export async function listTags(
  network: ServiceClient,
  resource: TaggableResource,
  id: string,
): Promise<string[]> {
  const response = await network.request({
    method: 'GET',
    path: tagsPath(resource, id),
    subject: subjectOf(resource, id),
  });
  return wireStrings(asWire(response.body), 'tags');
}

/** Adds a tag (idempotent: 201 either way). */
export async function addTag(
  network: ServiceClient,
  resource: TaggableResource,
  id: string,
  tag: string,
): Promise<void> {
  await network.request({
    method: 'PUT',
    path: tagsPath(resource, id, tag),
    subject: subjectOf(resource, id),
  });
}

export async function removeTag(
  network: ServiceClient,
  resource: TaggableResource,
  id: string,
  tag: string,
): Promise<void> {
  await network.request({
    method: 'DELETE',
    path: tagsPath(resource, id, tag),
    subject: subjectOf(resource, id),
  });
}

/** Replaces all of the resource's tags. */
export async function replaceTags(
  network: ServiceClient,
  resource: TaggableResource,
  id: string,
  tags: string[],
): Promise<string[]> {
  const response = await network.request({
    method: 'PUT',
    path: tagsPath(resource, id),
    body: { tags },
    subject: subjectOf(resource, id),
  });
  return wireStrings(asWire(response.body), 'tags');
}
