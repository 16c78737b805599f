import { operationName, rfc3339 } from '../google-ids.js';
import type { EnumWriter } from './container-enums.js';
import { clusterHasOperation } from './container-errors.js';
import { containerLink, nodePoolKey, operationKey } from './container-links.js';
import type { ContainerContext } from './container-settings.js';
import type {
  ClusterRecord,
  ContainerState,
  OperationEffect,
  OperationRecord,
  OperationType,
} from './container-state.js';

/** Refuse a mutation while another operation runs on the cluster, as GKE does. */
export function requireNoOperation(state: ContainerState, cluster: ClusterRecord): void {
  const active =
    cluster.activeOperation === undefined ? undefined : state.operations[cluster.activeOperation];
  if (active !== undefined && active.status !== 'DONE') throw clusterHasOperation(active.name);
}

/** Start an operation on `cluster`; it finishes after the modelled duration of `durationKey`. */
export function startOperation(
  context: ContainerContext,
  cluster: ClusterRecord,
  operationType: OperationType,
  effect: OperationEffect,
  durationKey: string,
): OperationRecord {
  requireNoOperation(context.state, cluster);
  const name = operationName(context.now);
  const key = operationKey(cluster.project, cluster.location, name);
  const clusterName = `projects/${cluster.project}/locations/${cluster.location}/clusters/${cluster.name}`;
  const target =
    effect.kind === 'cluster-created' ||
    effect.kind === 'cluster-deleted' ||
    effect.kind === 'cluster-changed'
      ? clusterName
      : nodePoolKey(clusterName, effect.nodePool);
  const failureIndex = context.state.failures.findIndex((failure) => failure.operationType === operationType);
  const failure = failureIndex < 0 ? undefined : context.state.failures.splice(failureIndex, 1)[0];
  const operation: OperationRecord = {
    key,
    name,
    project: cluster.project,
    location: cluster.location,
    operationType,
    cluster: clusterName,
    targetLink: containerLink(target),
    selfLink: containerLink(key),
    startTime: context.now,
    runningAt: context.now + context.duration('gke.OperationPending'),
    doneAt: context.now + context.duration(durationKey),
    status: 'PENDING',
    effect,
    ...(failure === undefined ? {} : { failWith: failure.message }),
  };
  context.state.operations[key] = operation;
  cluster.activeOperation = key;
  return operation;
}

function applyEffect(state: ContainerState, operation: OperationRecord, cluster: ClusterRecord): void {
  const effect = operation.effect;
  const failed = operation.failWith !== undefined;
  switch (effect.kind) {
    case 'cluster-created':
      cluster.status = failed ? 'ERROR' : 'RUNNING';
      if (failed) cluster.statusMessage = operation.failWith;
      for (const pool of Object.values(cluster.nodePools)) pool.status = failed ? 'ERROR' : 'RUNNING';
      return;
    case 'cluster-deleted':
      delete state.clusters[operation.cluster];
      return;
    case 'node-pool-created': {
      const pool = cluster.nodePools[effect.nodePool];
      if (pool) pool.status = failed ? 'ERROR' : 'RUNNING';
      return;
    }
    case 'node-pool-deleted':
      delete cluster.nodePools[effect.nodePool];
      return;
    case 'node-pool-changed': {
      const pool = cluster.nodePools[effect.nodePool];
      if (!pool) return;
      pool.status = 'RUNNING';
      if (failed) return;
      const { config, nodeCount, autoscaling, version, locations } = effect.change;
      if (config) pool.config = { ...pool.config, ...config };
      if (autoscaling) pool.autoscaling = autoscaling;
      if (nodeCount !== undefined) pool.nodeCount = nodeCount;
      if (pool.autoscaling?.enabled) {
        const { minNodeCount, maxNodeCount } = pool.autoscaling;
        pool.nodeCount = Math.min(Math.max(pool.nodeCount, minNodeCount), maxNodeCount);
      }
      if (version) pool.version = version;
      if (locations) pool.locations = locations;
      pool.etag = `${Number.parseInt(pool.etag, 10) + 1}`;
      return;
    }
    case 'cluster-changed': {
      cluster.status = 'RUNNING';
      if (failed) return;
      Object.assign(cluster, effect.change);
      return;
    }
  }
}

/** Move every operation on to where the clock says it is, applying what finished. */
export function settleContainer(state: ContainerState, now: number): void {
  const due = Object.values(state.operations)
    .filter((operation) => operation.status !== 'DONE')
    .sort((a, b) => a.doneAt - b.doneAt);
  for (const operation of due) {
    if (now < operation.runningAt) continue;
    operation.status = 'RUNNING';
    if (now < operation.doneAt) continue;
    operation.status = 'DONE';
    operation.endTime = operation.doneAt;
    if (operation.failWith !== undefined) operation.error = { code: 13, message: operation.failWith };
    const cluster = state.clusters[operation.cluster];
    if (cluster) {
      if (cluster.activeOperation === operation.key) cluster.activeOperation = undefined;
      applyEffect(state, operation, cluster);
    }
  }
}

/** An Operation as GET operations/{op} and every mutating call return it. */
export function renderOperation(
  operation: OperationRecord,
  now: number,
  enums: EnumWriter,
): Record<string, unknown> {
  const done = operation.status === 'DONE';
  const total = Math.max(1, operation.doneAt - operation.startTime);
  return {
    name: operation.name,
    zone: operation.location,
    location: operation.location,
    operationType: enums('operationType', operation.operationType),
    status: enums('operationStatus', operation.status),
    selfLink: operation.selfLink,
    targetLink: operation.targetLink,
    startTime: rfc3339(operation.startTime),
    ...(done && operation.endTime !== undefined ? { endTime: rfc3339(operation.endTime) } : {}),
    progress: {
      metrics: [
        {
          name: 'PROGRESS',
          intValue: String(done ? 100 : Math.floor((100 * (now - operation.startTime)) / total)),
        },
      ],
    },
    ...(operation.error === undefined
      ? {}
      : { error: operation.error, statusMessage: operation.error.message }),
  };
}
