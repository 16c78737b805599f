import type { KubeObject } from './manifest-applier.js';

/** The workload kinds whose readiness a release's readiness is made of. */
export const WORKLOAD_KINDS = [
  { apiVersion: 'apps/v1', kind: 'Deployment' },
  { apiVersion: 'apps/v1', kind: 'StatefulSet' },
  { apiVersion: 'apps/v1', kind: 'DaemonSet' },
] as const;

function numberAt(object: KubeObject, section: 'spec' | 'status', field: string): number | undefined {
  const value = (object[section] as Record<string, unknown> | undefined)?.[field];
  return typeof value === 'number' ? value : undefined;
}

/**
 * Whether a Deployment, StatefulSet or DaemonSet is ready as `helm --wait` and `kubectl rollout
 * status` judge it: the controller has seen the latest spec and every wanted replica is ready.
 */
export function isWorkloadReady(object: KubeObject): boolean {
  const generation = (object.metadata as { generation?: number }).generation;
  const observed = numberAt(object, 'status', 'observedGeneration');
  if (generation !== undefined && observed !== undefined && observed < generation) return false;
  if (object.kind === 'DaemonSet') {
    return (
      (numberAt(object, 'status', 'numberReady') ?? 0) >=
      (numberAt(object, 'status', 'desiredNumberScheduled') ?? 0)
    );
  }
  const wanted = numberAt(object, 'spec', 'replicas') ?? 1;
  return (numberAt(object, 'status', 'readyReplicas') ?? 0) >= wanted;
}

/** Whether `object` belongs to a helm release: the standard instance label, or charts' older `release` label. */
export function belongsToRelease(
  object: KubeObject,
  target: { release: string; namespace: string },
): boolean {
  if (object.metadata.namespace !== target.namespace) return false;
  const labels = object.metadata.labels ?? {};
  return labels['app.kubernetes.io/instance'] === target.release || labels.release === target.release;
}
