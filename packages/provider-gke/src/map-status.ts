import type { ResourceStatusV1 } from '@hubfleet/core';

/** Enums arrive as names or numbers depending on decoding: both read the same here. */
function named(value: unknown, names: readonly string[]): string {
  return typeof value === 'number' ? (names[value] ?? '') : String(value ?? '');
}

const CLUSTER = [
  'STATUS_UNSPECIFIED',
  'PROVISIONING',
  'RUNNING',
  'RECONCILING',
  'STOPPING',
  'ERROR',
  'DEGRADED',
];
const NODE_POOL = [
  'STATUS_UNSPECIFIED',
  'PROVISIONING',
  'RUNNING',
  'RUNNING_WITH_ERROR',
  'RECONCILING',
  'STOPPING',
  'ERROR',
];

/** GKE cluster status → hubfleet's. DEGRADED still serves (GKE is repairing it): active. */
const CLUSTER_STATUS: Readonly<Record<string, ResourceStatusV1>> = {
  PROVISIONING: 'creating',
  RUNNING: 'active',
  DEGRADED: 'active',
  RECONCILING: 'updating',
  STOPPING: 'deleting',
  ERROR: 'failed',
};

/** GKE node pool status → hubfleet's. RUNNING_WITH_ERROR (some nodes failed) needs an operator. */
const NODE_POOL_STATUS: Readonly<Record<string, ResourceStatusV1>> = {
  PROVISIONING: 'creating',
  RUNNING: 'active',
  RECONCILING: 'updating',
  STOPPING: 'deleting',
  RUNNING_WITH_ERROR: 'failed',
  ERROR: 'failed',
};

export function clusterStatus(status: unknown): ResourceStatusV1 {
  return CLUSTER_STATUS[named(status, CLUSTER)] ?? 'failed';
}

export function nodePoolStatus(status: unknown): ResourceStatusV1 {
  return NODE_POOL_STATUS[named(status, NODE_POOL)] ?? 'failed';
}

export function taintEffectName(effect: unknown): string {
  return named(effect, ['EFFECT_UNSPECIFIED', 'NO_SCHEDULE', 'PREFER_NO_SCHEDULE', 'NO_EXECUTE']);
}
