import { markerPage } from '../shared/marker-pagination.js';
import type { OpenStackRequest } from '../shared/openstack-protocol.js';
import { matchesTagFilters } from '../shared/tag-filters.js';
import { badRequest, type NovaContext, reply, serverOf } from './nova-context.js';
import { serverDetail, serverSummary } from './nova-server-view.js';
import type { ServerRecord } from './nova-state.js';

/** `name` is a regular expression Nova matches anywhere in the name (a literal if it does not parse). */
function nameMatches(pattern: string, name: string): boolean {
  try {
    return new RegExp(pattern).test(name);
  } catch {
    return name.includes(pattern);
  }
}

/**
 * The filters a project member may use (api-ref "List Servers"); others, `metadata` among them, are
 * accepted and ignored, as Nova does for non-admins.
 */
function matches(server: ServerRecord, query: URLSearchParams): boolean {
  const name = query.get('name');
  if (name !== null && !nameMatches(name, server.name)) return false;
  const status = query.get('status');
  if (status !== null && server.status !== status.toUpperCase()) return false;
  const flavor = query.get('flavor');
  if (flavor !== null && server.flavorId !== flavor) return false;
  const image = query.get('image');
  if (image !== null && server.imageId !== image) return false;
  const zone = query.get('availability_zone');
  if (zone !== null && server.availabilityZone !== zone) return false;
  return matchesTagFilters(server.tags, query);
}

function listServers(context: NovaContext, request: OpenStackRequest, detailed: boolean) {
  // Newest first, as Nova sorts by created_at desc by default.
  const servers = Object.values(context.state.servers)
    .filter((server) => matches(server, request.query))
    .sort((a, b) => b.created - a.created || (a.id < b.id ? -1 : 1));
  const page = markerPage(servers, request.query, context.settings.maxLimit);
  if ('markerNotFound' in page) throw badRequest(`marker [${page.markerNotFound}] not found`);
  const render = detailed ? serverDetail : serverSummary;
  const path = detailed ? 'servers/detail' : 'servers';
  // Nova links a next page whenever a page is full (the limit asked for, or its `max_limit`).
  const next = page.items.length === page.limit ? page.items.at(-1)?.id : undefined;
  const params = new URLSearchParams(request.query);
  if (next) params.set('marker', next);
  return reply(context, 200, {
    servers: page.items.map((server) => render(context, server)),
    ...(next
      ? { servers_links: [{ rel: 'next', href: `${context.baseUrl}/${path}?${params.toString()}` }] }
      : {}),
  });
}

export const listServerSummaries = (context: NovaContext, request: OpenStackRequest) =>
  listServers(context, request, false);

export const listServerDetails = (context: NovaContext, request: OpenStackRequest) =>
  listServers(context, request, true);

export function getServer(context: NovaContext, request: OpenStackRequest) {
  return reply(context, 200, { server: serverDetail(context, serverOf(context, request.labels.id)) });
}

/** DELETE → 204; the server keeps its status with task_state `deleting` until it is gone. */
export function deleteServer(context: NovaContext, request: OpenStackRequest) {
  const server = serverOf(context, request.labels.id);
  if (server.taskState !== 'deleting') {
    server.taskState = 'deleting';
    server.updated = context.now;
    server.transition = {
      to: null,
      at: context.now + context.settings.clock.scaled(context.settings.durations.delete),
    };
    for (const attachment of server.attachments) {
      context.settings.volumes?.detach(attachment.volumeId, server.id);
      if (attachment.deleteOnTermination) context.settings.volumes?.remove?.(attachment.volumeId);
    }
    server.attachments = [];
    if (server.neutronPorts) context.settings.ports?.release(server.id);
  }
  return reply(context, 204);
}
