import { stringArrayField } from '../../framework/json-body.js';
import type { OpenStackRequest } from '../shared/openstack-protocol.js';
import {
  badRequest,
  type NovaContext,
  notFound,
  reply,
  requireState,
  requireVersion,
  serverOf,
} from './nova-context.js';
import type { ServerRecord } from './nova-state.js';
import { MAX_SERVER_TAGS, validateTag, validateTags } from './nova-tag-rules.js';

/**
 * Server tags (2.26+). Reads work in any state; changes only where Nova allows them: not while the
 * server is still building or in ERROR (create with `tags` at 2.52+ instead).
 */
const TAGGABLE: ServerRecord['status'][] = ['ACTIVE', 'SHUTOFF'];

function taggedServer(context: NovaContext, request: OpenStackRequest, change: boolean): ServerRecord {
  requireVersion(context, '2.26');
  const server = serverOf(context, request.labels.id);
  if (change) requireState(server, 'update tag', TAGGABLE);
  return server;
}

export function listServerTags(context: NovaContext, request: OpenStackRequest) {
  return reply(context, 200, { tags: taggedServer(context, request, false).tags });
}

export function replaceServerTags(context: NovaContext, request: OpenStackRequest) {
  const server = taggedServer(context, request, true);
  const tags = stringArrayField(request.body, 'tags');
  if (!tags) throw badRequest("Invalid input for field/attribute tags. 'tags' is a required property");
  validateTags(tags);
  server.tags = [...new Set(tags)];
  return reply(context, 200, { tags: server.tags });
}

export function deleteServerTags(context: NovaContext, request: OpenStackRequest) {
  taggedServer(context, request, true).tags = [];
  return reply(context, 204);
}

export function checkServerTag(context: NovaContext, request: OpenStackRequest) {
  const server = taggedServer(context, request, false);
  const tag = request.labels.tag ?? '';
  if (!server.tags.includes(tag)) throw notFound(`Tag ${tag} could not be found.`);
  return reply(context, 204);
}

/** PUT …/tags/{tag}: 201 with a Location when new, 204 when the server already had it. */
export function addServerTag(context: NovaContext, request: OpenStackRequest) {
  const server = taggedServer(context, request, true);
  const tag = request.labels.tag ?? '';
  validateTag(tag);
  if (server.tags.includes(tag)) return reply(context, 204);
  if (server.tags.length >= MAX_SERVER_TAGS)
    throw badRequest(`The number of tags exceeded the per-server limit ${MAX_SERVER_TAGS}`);
  server.tags.push(tag);
  return reply(context, 201, undefined, { location: `${context.baseUrl}/servers/${server.id}/tags/${tag}` });
}

export function deleteServerTag(context: NovaContext, request: OpenStackRequest) {
  const server = taggedServer(context, request, true);
  const tag = request.labels.tag ?? '';
  if (!server.tags.includes(tag)) throw notFound(`Tag ${tag} could not be found.`);
  server.tags = server.tags.filter((existing) => existing !== tag);
  return reply(context, 204);
}
