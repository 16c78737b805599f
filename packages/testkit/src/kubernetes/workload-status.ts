import { createHash } from 'node:crypto';
import type { Cluster } from './cluster.js';
import { withTimes } from './conditions.js';
import { writeStatus } from './controller-writes.js';
import { asArray, asNumber, asRecord, type KubeObject, kubernetesTime } from './kube-object.js';
import { placementRejection } from './scheduling.js';
import { listStored, type StoredObject } from './store.js';

const MANAGER = 'kube-controller-manager';

/** Status counters the API server omits when zero (`omitempty`). */
function withoutZeros(status: Record<string, unknown>, fields: readonly string[]): Record<string, unknown> {
  for (const field of fields) if (status[field] === 0) delete status[field];
  return status;
}

function templateHash(object: KubeObject): string {
  const template = JSON.stringify(asRecord(object.spec)?.template ?? {});
  return createHash('sha256').update(template).digest('hex').slice(0, 10);
}

function replicasOf(object: KubeObject): number {
  return asNumber(asRecord(object.spec)?.replicas) ?? 1;
}

function previousCount(object: KubeObject, field: string): number {
  return asNumber(asRecord(object.status)?.[field]) ?? 0;
}

function generationOf(object: KubeObject): number | undefined {
  return asNumber(asRecord(object.metadata)?.generation);
}

function deploymentStatus(cluster: Cluster, stored: StoredObject): Record<string, unknown> {
  const object = stored.object;
  const replicas = replicasOf(object);
  const done = cluster.elapsed(stored.changedAt, 'kubernetes.Deployment');
  const ready = done ? replicas : Math.min(replicas, previousCount(object, 'readyReplicas'));
  const replicaSet = `${stored.name}-${templateHash(object)}`;
  const available = ready >= replicas;
  return withoutZeros(
    {
      observedGeneration: generationOf(object),
      replicas,
      updatedReplicas: done ? replicas : 0,
      readyReplicas: ready,
      availableReplicas: ready,
      unavailableReplicas: replicas - ready,
      conditions: withTimes(
        asRecord(object.status)?.conditions,
        [
          available
            ? {
                type: 'Available',
                status: 'True',
                reason: 'MinimumReplicasAvailable',
                message: 'Deployment has minimum availability.',
              }
            : {
                type: 'Available',
                status: 'False',
                reason: 'MinimumReplicasUnavailable',
                message: 'Deployment does not have minimum availability.',
              },
          done
            ? {
                type: 'Progressing',
                status: 'True',
                reason: 'NewReplicaSetAvailable',
                message: `ReplicaSet "${replicaSet}" has successfully progressed.`,
              }
            : {
                type: 'Progressing',
                status: 'True',
                reason: 'ReplicaSetUpdated',
                message: `ReplicaSet "${replicaSet}" is progressing.`,
              },
        ],
        cluster.clock.now(),
        ['lastUpdateTime'],
      ),
    },
    ['replicas', 'updatedReplicas', 'readyReplicas', 'availableReplicas', 'unavailableReplicas'],
  );
}

function replicaSetStatus(cluster: Cluster, stored: StoredObject): Record<string, unknown> {
  const replicas = replicasOf(stored.object);
  const done = cluster.elapsed(stored.changedAt, 'kubernetes.ReplicaSet');
  const ready = done ? replicas : Math.min(replicas, previousCount(stored.object, 'readyReplicas'));
  return withoutZeros(
    {
      replicas,
      fullyLabeledReplicas: replicas,
      readyReplicas: ready,
      availableReplicas: ready,
      observedGeneration: generationOf(stored.object),
    },
    ['fullyLabeledReplicas', 'readyReplicas', 'availableReplicas'],
  );
}

function statefulSetStatus(cluster: Cluster, stored: StoredObject): Record<string, unknown> {
  const object = stored.object;
  const replicas = replicasOf(object);
  const periods = cluster.periodsSince(stored.changedAt, 'kubernetes.StatefulSet');
  const parallel = asRecord(object.spec)?.podManagementPolicy === 'Parallel';
  const updated = Math.min(replicas, parallel ? (periods >= 1 ? replicas : 0) : periods);
  const ready = Math.min(replicas, Math.max(updated, previousCount(object, 'readyReplicas')));
  const revision = `${stored.name}-${templateHash(object)}`;
  const previousRevision = asRecord(object.status)?.currentRevision;
  return withoutZeros(
    {
      observedGeneration: generationOf(object),
      replicas,
      readyReplicas: ready,
      currentReplicas: updated === replicas ? replicas : ready - updated,
      updatedReplicas: updated,
      availableReplicas: ready,
      currentRevision:
        updated === replicas || typeof previousRevision !== 'string' ? revision : previousRevision,
      updateRevision: revision,
      collisionCount: 0,
    },
    ['readyReplicas', 'currentReplicas', 'updatedReplicas', 'availableReplicas'],
  );
}

function daemonSetStatus(cluster: Cluster, stored: StoredObject): Record<string, unknown> {
  const object = stored.object;
  const podSpec = asRecord(asRecord(asRecord(object.spec)?.template)?.spec) ?? {};
  const nodes = listStored(cluster.state, { group: '', plural: 'nodes' });
  const desired = nodes.filter((node) => placementRejection(node.object, podSpec) === undefined).length;
  const done = cluster.elapsed(stored.changedAt, 'kubernetes.DaemonSet');
  const ready = done ? desired : Math.min(desired, previousCount(object, 'numberReady'));
  return withoutZeros(
    {
      currentNumberScheduled: desired,
      desiredNumberScheduled: desired,
      numberMisscheduled: 0,
      numberReady: ready,
      numberAvailable: ready,
      numberUnavailable: desired - ready,
      updatedNumberScheduled: done ? desired : 0,
      observedGeneration: generationOf(object),
    },
    ['numberAvailable', 'numberUnavailable', 'updatedNumberScheduled'],
  );
}

function jobStatus(cluster: Cluster, stored: StoredObject): Record<string, unknown> | undefined {
  const object = stored.object;
  const status = asRecord(object.status) ?? {};
  const complete = asArray(status.conditions).some((condition) => asRecord(condition)?.type === 'Complete');
  if (complete) return undefined;
  const spec = asRecord(object.spec) ?? {};
  if (spec.suspend === true) return { ...status, active: undefined };
  const now = cluster.clock.now();
  const startTime =
    typeof status.startTime === 'string' ? status.startTime : kubernetesTime(stored.changedAt);
  if (!cluster.elapsed(stored.changedAt, 'kubernetes.Job')) {
    return {
      startTime,
      active: asNumber(spec.parallelism) ?? 1,
      ready: 0,
      terminating: 0,
      uncountedTerminatedPods: {},
    };
  }
  return {
    startTime,
    completionTime: kubernetesTime(now),
    succeeded: asNumber(spec.completions) ?? 1,
    ready: 0,
    terminating: 0,
    uncountedTerminatedPods: {},
    conditions: withTimes(
      undefined,
      [
        {
          type: 'SuccessCriteriaMet',
          status: 'True',
          reason: 'CompletionsReached',
          message: 'Reached expected number of succeeded pods',
        },
        {
          type: 'Complete',
          status: 'True',
          reason: 'CompletionsReached',
          message: 'Reached expected number of succeeded pods',
        },
      ],
      now,
      ['lastProbeTime'],
    ),
  };
}

const WORKLOADS: readonly {
  group: string;
  plural: string;
  status(cluster: Cluster, stored: StoredObject): Record<string, unknown> | undefined;
}[] = [
  { group: 'apps', plural: 'deployments', status: deploymentStatus },
  { group: 'apps', plural: 'replicasets', status: replicaSetStatus },
  { group: 'apps', plural: 'statefulsets', status: statefulSetStatus },
  { group: 'apps', plural: 'daemonsets', status: daemonSetStatus },
  { group: 'batch', plural: 'jobs', status: jobStatus },
];

/**
 * The workload controllers, as status computed from time: a Deployment, ReplicaSet or DaemonSet
 * is fully updated and ready once its modelled duration has passed since its last spec change (the
 * replicas ready before stay ready meanwhile); a StatefulSet readies one pod per duration (all at
 * once with podManagementPolicy Parallel); a Job completes after `kubernetes.Job`.
 */
export function progressWorkloads(cluster: Cluster): void {
  for (const workload of WORKLOADS) {
    for (const stored of listStored(cluster.state, workload)) {
      if (stored.deletingAt !== undefined) continue;
      const status = workload.status(cluster, stored);
      if (status) writeStatus(cluster, stored, status, MANAGER);
    }
  }
}
