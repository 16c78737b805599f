import { randomUUID } from 'node:crypto';
import type { FakeResponse } from '../../framework/http-service.js';
import { type JsonObject, stringArrayField, stringField } from '../../framework/json-body.js';
import { jsonReply } from '../shared/openstack-http.js';
import { notFound, overQuota } from './neutron-errors.js';
import type { NeutronQuotas, NeutronSettings } from './neutron-settings.js';
import type { NeutronRecord, NeutronState } from './neutron-state.js';

export interface NeutronContext {
  state: NeutronState;
  settings: NeutronSettings;
  now: number;
  /** `http://host:port`, for links. */
  baseUrl: string;
}

export function reply(status: number, body?: unknown): FakeResponse {
  return jsonReply(status, body);
}

function iso(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** The standard attributes every Neutron resource shows. */
export function standardView(context: NeutronContext, record: Partial<NeutronRecord> & { id: string }) {
  return {
    id: record.id,
    ...(record.name === undefined ? {} : { name: record.name }),
    description: record.description ?? '',
    ...(record.tags === undefined ? {} : { tags: record.tags }),
    created_at: iso(record.created ?? context.now),
    updated_at: iso(record.updated ?? context.now),
    revision_number: record.revision ?? 0,
    project_id: context.settings.projectId,
    tenant_id: context.settings.projectId,
  };
}

/** The standard attributes of a new resource from its create body (`tags` too: tag-creation). */
export function newRecord(context: NeutronContext, body: JsonObject | undefined): NeutronRecord {
  return {
    id: randomUUID(),
    name: stringField(body, 'name') ?? '',
    description: stringField(body, 'description') ?? '',
    tags: [...new Set(stringArrayField(body, 'tags') ?? [])],
    created: context.now,
    updated: context.now,
    revision: 0,
  };
}

export function touch(context: NeutronContext, record: { updated: number; revision: number }): void {
  record.updated = context.now;
  record.revision += 1;
}

export function checkQuota(context: NeutronContext, resource: keyof NeutronQuotas, used: number): void {
  if (used + 1 > context.settings.quotas[resource]) throw overQuota(resource);
}

type Collection = 'networks' | 'subnets' | 'ports' | 'routers' | 'securityGroups' | 'floatingIps';

const NOT_FOUND: Record<Collection, [string, (id: string) => string]> = {
  networks: ['NetworkNotFound', (id) => `Network ${id} could not be found.`],
  subnets: ['SubnetNotFound', (id) => `Subnet ${id} could not be found.`],
  ports: ['PortNotFound', (id) => `Port ${id} could not be found.`],
  routers: ['RouterNotFound', (id) => `Router ${id} could not be found.`],
  securityGroups: ['SecurityGroupNotFound', (id) => `Security group ${id} does not exist`],
  floatingIps: ['FloatingIPNotFound', (id) => `Floating IP ${id} could not be found`],
};

export function lookup<C extends Collection>(
  context: NeutronContext,
  collection: C,
  id: string | undefined,
): NeutronState[C][string] {
  const record =
    id === undefined ? undefined : (context.state[collection][id] as NeutronState[C][string] | undefined);
  if (!record) {
    const [type, message] = NOT_FOUND[collection];
    throw notFound(type, message(id ?? ''));
  }
  return record;
}
