import type { ResourceStatusV1 } from '@hubfleet/core';
import type { MagnumStatus } from '@hubfleet/openstack-client';

/**
 * Magnum's status (api-ref container-infra: `<ACTION>_<STATE>`) in hubfleet's words. A failed
 * create, update or delete is `failed` (with `status_reason`); core retries a failed delete. A
 * finished rollback, resume, restore, snapshot, check or adopt leaves a cluster that serves.
 */
export function magnumStatus(status: MagnumStatus): ResourceStatusV1 {
  if (status.endsWith('_FAILED')) return 'failed';
  if (status === 'CREATE_IN_PROGRESS') return 'creating';
  if (status === 'DELETE_IN_PROGRESS' || status === 'DELETE_COMPLETE') return 'deleting';
  if (status.endsWith('_IN_PROGRESS')) return 'updating';
  return 'active';
}
