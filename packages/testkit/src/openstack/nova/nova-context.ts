import type { FakeResponse } from '../../framework/http-service.js';
import { computeStyleError } from '../shared/compute-style-errors.js';
import { atLeast, type Microversion } from '../shared/microversion.js';
import { jsonReply, type OpenStackFakeError } from '../shared/openstack-http.js';
import type { NovaSettings } from './nova-settings.js';
import type { NovaState, ServerRecord } from './nova-state.js';

/** What every Nova handler works with. */
export interface NovaContext {
  state: NovaState;
  settings: NovaSettings;
  now: number;
  version: Microversion;
  /** Headers every answer carries (the negotiated microversion). */
  versionHeaders: Record<string, string>;
  /** `http://host:port/v2.1`, for links. */
  baseUrl: string;
}

export function reply(
  context: NovaContext,
  status: number,
  body?: unknown,
  headers: Record<string, string> = {},
): FakeResponse {
  return jsonReply(status, body, { ...context.versionHeaders, ...headers });
}

export function badRequest(message: string): OpenStackFakeError {
  return computeStyleError(400, message);
}

export function notFound(message: string): OpenStackFakeError {
  return computeStyleError(404, message);
}

export function conflict(message: string): OpenStackFakeError {
  return computeStyleError(409, message);
}

export function forbidden(message: string): OpenStackFakeError {
  return computeStyleError(403, message);
}

/** A route that exists only from `version` on answers 404 below it, as Nova's router does. */
export function requireVersion(context: NovaContext, version: string): void {
  if (!atLeast(context.version, version)) throw notFound('The resource could not be found.');
}

export function serverOf(context: NovaContext, id: string | undefined): ServerRecord {
  const server = id === undefined ? undefined : context.state.servers[id];
  if (!server) throw notFound(`Instance ${id} could not be found.`);
  return server;
}

const VM_STATES: Readonly<Record<ServerRecord['status'], string>> = {
  BUILD: 'building',
  ACTIVE: 'active',
  ERROR: 'error',
  SHUTOFF: 'stopped',
};

export function vmStateOf(server: ServerRecord): string {
  return VM_STATES[server.status];
}

/** Nova's `check_instance_state`: 409 when the server's vm_state does not allow the action. */
export function requireState(server: ServerRecord, action: string, allowed: ServerRecord['status'][]): void {
  if (!allowed.includes(server.status) || server.taskState === 'deleting')
    throw conflict(
      `Cannot '${action}' instance ${server.id} while it is in ${server.taskState === 'deleting' ? 'task_state deleting' : `vm_state ${vmStateOf(server)}`}`,
    );
}

export function isoTime(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
