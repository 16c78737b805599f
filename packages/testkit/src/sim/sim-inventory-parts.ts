import type { ResourceStatusV1 } from '@hubfleet/core';
import type { CallRecord } from '../framework/call-log.js';
import type { KubernetesState } from '../kubernetes/index.js';
import { asArray, asRecord } from '../kubernetes/kube-object.js';
import { listStored } from '../kubernetes/store.js';
import type { SimCallCounts, SimLoadBalancer } from './sim-cloud.js';

/** The counts every sim reports from its call log. */
export function callCounts(calls: readonly CallRecord[]): SimCallCounts {
  return {
    total: calls.length,
    mutating: calls.filter((call) => call.mutating).length,
    failed: calls.filter((call) => call.status === 0 || call.status >= 400).length,
  };
}

/**
 * A cloud's status word in core's vocabulary: `*_FAILED` (any case) is failed, `PENDING` and
 * `PROVISIONING` are creating, `DEGRADED` and `RUNNING` still serve, so active.
 */
export function neutralStatus(status: string): ResourceStatusV1 {
  const word = status.toUpperCase();
  if (word.includes('FAIL') || word === 'ERROR') return 'failed';
  if (['CREATING', 'PENDING', 'PROVISIONING'].includes(word)) return 'creating';
  if (['UPDATING', 'RECONCILING'].includes(word)) return 'updating';
  if (['DELETING', 'STOPPING'].includes(word)) return 'deleting';
  return 'active';
}

/**
 * The load balancers the cloud made for the cluster's LoadBalancer Services (its cloud controller's
 * work, which the Kubernetes fake models): one per Service that has an address.
 */
export function loadBalancersOf(state: KubernetesState): SimLoadBalancer[] {
  return listStored(state, { group: '', plural: 'services' }).flatMap((stored) => {
    const ingress = asRecord(asArray(asRecord(asRecord(stored.object.status)?.loadBalancer)?.ingress)[0]);
    if (ingress === undefined) return [];
    const { hostname, ip } = ingress;
    return [
      {
        service: `${stored.namespace}/${stored.name}`,
        ...(typeof hostname === 'string' ? { hostname } : {}),
        ...(typeof ip === 'string' ? { ip } : {}),
      },
    ];
  });
}
