import { stringArrayField } from '../../framework/json-body.js';
import type { OpenStackRequest } from '../shared/openstack-protocol.js';
import { lookup, type NeutronContext, reply, touch } from './neutron-context.js';
import { badRequest, notFound } from './neutron-errors.js';

/** The `standard-attr-tag` API: `/v2.0/{resource_type}/{id}/tags[/{tag}]`. */
const TAGGABLE = {
  networks: 'networks',
  subnets: 'subnets',
  ports: 'ports',
  routers: 'routers',
  floatingips: 'floatingIps',
  'security-groups': 'securityGroups',
} as const;

const MAX_TAG_LENGTH = 255;

function taggedRecord(context: NeutronContext, request: OpenStackRequest) {
  const type = request.labels.resource ?? '';
  const collection = TAGGABLE[type as keyof typeof TAGGABLE];
  if (!collection) throw notFound('HTTPNotFound', 'The resource could not be found.');
  return lookup(context, collection, request.labels.id);
}

function validTag(tag: string): string {
  if (tag.length === 0 || tag.length > MAX_TAG_LENGTH || tag.includes(','))
    throw badRequest('tag', `'${tag}' is not a valid tag`);
  return tag;
}

export function listTags(context: NeutronContext, request: OpenStackRequest) {
  return reply(200, { tags: taggedRecord(context, request).tags });
}

export function replaceTags(context: NeutronContext, request: OpenStackRequest) {
  const record = taggedRecord(context, request);
  const tags = stringArrayField(request.body, 'tags');
  if (!tags) throw badRequest('tags', "Invalid tags body, 'tags' is required");
  record.tags = [...new Set(tags.map(validTag))];
  touch(context, record);
  return reply(200, { tags: record.tags });
}

export function deleteTags(context: NeutronContext, request: OpenStackRequest) {
  const record = taggedRecord(context, request);
  record.tags = [];
  touch(context, record);
  return reply(204);
}

/** The record and the path's tag, which it must carry (404 TagNotFound otherwise). */
function taggedWith(context: NeutronContext, request: OpenStackRequest) {
  const record = taggedRecord(context, request);
  const tag = request.labels.tag ?? '';
  if (!record.tags.includes(tag))
    throw notFound(
      'TagNotFound',
      `Tag ${tag} could not be found for ${request.labels.resource} ${record.id}.`,
    );
  return { record, tag };
}

export function checkTag(context: NeutronContext, request: OpenStackRequest) {
  taggedWith(context, request);
  return reply(204);
}

export function addTag(context: NeutronContext, request: OpenStackRequest) {
  const record = taggedRecord(context, request);
  const tag = validTag(request.labels.tag ?? '');
  if (!record.tags.includes(tag)) {
    record.tags.push(tag);
    touch(context, record);
  }
  return reply(201);
}

export function deleteTag(context: NeutronContext, request: OpenStackRequest) {
  const { record, tag } = taggedWith(context, request);
  record.tags = record.tags.filter((existing) => existing !== tag);
  touch(context, record);
  return reply(204);
}
