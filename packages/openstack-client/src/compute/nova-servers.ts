import { deleteIfPresent } from '../session/delete-if-present.js';
import type { ServiceClient } from '../session/service-client.js';
import { segment } from '../session/service-request.js';
import { asWire, wireString } from '../wire/wire-fields.js';
import { toServer } from './compute-mappers.js';
import type { Server } from './compute-types.js';

/** What `POST /servers` takes (api-ref compute "Create Server"), in Nova's field names. */
export interface ServerInput {
  name: string;
  flavorRef: string;
  /** Omit when booting from a volume (`block_device_mapping_v2`). */
  imageRef?: string;
  /** Required from 2.37: a list, `auto` or `none`. */
  networks: { uuid?: string; port?: string; fixed_ip?: string }[] | 'auto' | 'none';
  key_name?: string;
  availability_zone?: string;
  security_groups?: { name: string }[];
  metadata?: Record<string, string>;
  /** Base64 (the caller encodes cloud-init). */
  user_data?: string;
  /** At create from 2.52 (tags cannot be changed while the server builds). */
  tags?: string[];
  description?: string;
  block_device_mapping_v2?: Record<string, unknown>[];
}

export interface CreatedServer {
  id: string;
  /** Only in the create answer; never log it. */
  adminPass: string | undefined;
}

export async function createServer(compute: ServiceClient, input: ServerInput): Promise<CreatedServer> {
  const response = await compute.request({
    method: 'POST',
    path: '/servers',
    body: { server: input },
    subject: `server/${input.name}`,
  });
  const server = asWire(asWire(response.body).server);
  return { id: wireString(server, 'id') ?? '', adminPass: wireString(server, 'adminPass') };
}

export async function getServer(compute: ServiceClient, id: string): Promise<Server> {
  const response = await compute.request({
    method: 'GET',
    path: `/servers/${segment(id)}`,
    subject: `server/${id}`,
  });
  return toServer(asWire(response.body).server);
}

export interface ServerFilter {
  /** Exact name (Nova matches a regular expression; this is anchored and escaped for you). */
  name?: string;
  /** All of these tags. */
  tags?: string[];
  /** Any of these tags. */
  tagsAny?: string[];
  status?: string;
  /**
   * Metadata that must match. Nova has no metadata filter for project members, so this is applied
   * to what the other filters return.
   */
  metadata?: Record<string, string>;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Servers in detail, through every page (`servers_links`), filtered. */
export async function listServers(compute: ServiceClient, filter: ServerFilter = {}): Promise<Server[]> {
  const query: Record<string, string> = {};
  if (filter.name !== undefined) query.name = `^${escapeRegExp(filter.name)}$`;
  if (filter.tags?.length) query.tags = filter.tags.join(',');
  if (filter.tagsAny?.length) query['tags-any'] = filter.tagsAny.join(',');
  if (filter.status !== undefined) query.status = filter.status;
  const servers = (await compute.listAll<unknown>('/servers/detail', 'servers', query)).map(toServer);
  const wanted = Object.entries(filter.metadata ?? {});
  return servers.filter((server) => wanted.every(([key, value]) => server.metadata[key] === value));
}

/** DELETE → true; false when the server was already gone. The server lingers with task_state `deleting`. */
export function deleteServer(compute: ServiceClient, id: string): Promise<boolean> {
  return deleteIfPresent(compute, { path: `/servers/${segment(id)}`, subject: `server/${id}` });
}
