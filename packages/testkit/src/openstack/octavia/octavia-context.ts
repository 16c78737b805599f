import { randomUUID } from 'node:crypto';
import type { FakeResponse } from '../../framework/http-service.js';
import { booleanField, type JsonObject, stringArrayField, stringField } from '../../framework/json-body.js';
import { jsonReply } from '../shared/openstack-http.js';
import { immutable, notFound } from './octavia-errors.js';
import type { OctaviaSettings } from './octavia-settings.js';
import type { LoadBalancerRecord, OctaviaRecord, OctaviaState, ProvisioningStatus } from './octavia-state.js';

export interface OctaviaContext {
  state: OctaviaState;
  settings: OctaviaSettings;
  now: number;
  baseUrl: string;
}

export function reply(status: number, body?: unknown): FakeResponse {
  return jsonReply(status, body);
}

export function iso(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, '');
}

export function newRecord(context: OctaviaContext, body: JsonObject, status: ProvisioningStatus) {
  return {
    id: randomUUID(),
    name: stringField(body, 'name') ?? '',
    description: stringField(body, 'description') ?? '',
    tags: [...new Set(stringArrayField(body, 'tags') ?? [])],
    adminStateUp: booleanField(body, 'admin_state_up') ?? true,
    created: context.now,
    updated: context.now,
    status,
  };
}

export function standardView(context: OctaviaContext, record: OctaviaRecord) {
  return {
    id: record.id,
    name: record.name,
    description: record.description,
    tags: record.tags,
    admin_state_up: record.adminStateUp,
    provisioning_status: record.status,
    created_at: iso(record.created),
    updated_at: record.updated === record.created ? null : iso(record.updated),
    project_id: context.settings.projectId,
    tenant_id: context.settings.projectId,
  };
}

export function loadBalancerOf(context: OctaviaContext, id: string | undefined): LoadBalancerRecord {
  const lb = id === undefined ? undefined : context.state.loadBalancers[id];
  if (!lb) throw notFound('Load Balancer', id ?? '');
  return lb;
}

/** Every change needs the load balancer ACTIVE (or ERROR); while PENDING_* it is 409 immutable. */
export function requireMutable(lb: LoadBalancerRecord): void {
  if (lb.status.startsWith('PENDING_')) throw immutable('Load Balancer', lb.id);
}

/** The load balancer goes PENDING_UPDATE and back to ACTIVE after `durations.update`. */
export function markUpdating(context: OctaviaContext, lb: LoadBalancerRecord): void {
  lb.status = 'PENDING_UPDATE';
  lb.updated = context.now;
  lb.transition = {
    to: 'ACTIVE',
    at: context.now + context.settings.clock.scaled(context.settings.durations.update),
  };
}

export function afterUpdate(context: OctaviaContext): number {
  return context.now + context.settings.clock.scaled(context.settings.durations.update);
}
