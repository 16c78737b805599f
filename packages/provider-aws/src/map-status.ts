import type { ResourceStatusV1 } from '@hubfleet/core';

/** EKS cluster statuses → hubfleet's. PENDING is a cluster EKS has accepted but not started. */
const CLUSTER_STATUS: Readonly<Record<string, ResourceStatusV1>> = {
  CREATING: 'creating',
  PENDING: 'creating',
  ACTIVE: 'active',
  UPDATING: 'updating',
  DELETING: 'deleting',
  FAILED: 'failed',
};

/**
 * EKS nodegroup statuses → hubfleet's. DEGRADED (health issues such as a missing IAM permission or
 * an exhausted subnet) is `failed`: it needs an operator, not more waiting.
 */
const NODEGROUP_STATUS: Readonly<Record<string, ResourceStatusV1>> = {
  CREATING: 'creating',
  ACTIVE: 'active',
  UPDATING: 'updating',
  DELETING: 'deleting',
  CREATE_FAILED: 'failed',
  DELETE_FAILED: 'failed',
  DEGRADED: 'failed',
};

/** EBS volume states → hubfleet's; `deleted` volumes are not listed at all. */
const VOLUME_STATUS: Readonly<Record<string, 'creating' | 'available' | 'in-use' | 'deleting' | 'error'>> = {
  creating: 'creating',
  available: 'available',
  'in-use': 'in-use',
  deleting: 'deleting',
  error: 'error',
};

export function clusterStatus(status: string | undefined): ResourceStatusV1 {
  return CLUSTER_STATUS[status ?? ''] ?? 'failed';
}

export function nodeGroupStatus(status: string | undefined): ResourceStatusV1 {
  return NODEGROUP_STATUS[status ?? ''] ?? 'failed';
}

export function volumeStatus(
  state: string | undefined,
): 'creating' | 'available' | 'in-use' | 'deleting' | 'error' | undefined {
  return VOLUME_STATUS[state ?? ''];
}
