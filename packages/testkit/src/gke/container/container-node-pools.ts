import {
  type JsonObject,
  objectArrayField,
  objectField,
  stringArrayField,
  stringField,
  stringMapField,
} from '../../framework/json-body.js';
import { invalidArgument } from '../google-errors.js';
import type { GoogleRequest } from '../google-protocol.js';
import { enumWriter } from './container-enums.js';
import { alreadyExists, containerNotFound, failedPrecondition } from './container-errors.js';
import { clusterKey, nodePoolKey } from './container-links.js';
import { renderOperation, requireNoOperation, startOperation } from './container-operations.js';
import { renderNodePool } from './container-render.js';
import type { ContainerContext } from './container-settings.js';
import type { ClusterRecord, NodePoolChange, NodePoolRecord } from './container-state.js';
import { checkLabels, checkName, checkNodeConfig, resolveVersion } from './container-validation.js';
import {
  acceleratorsFromWire,
  autoscalingFromWire,
  int64Field,
  nodeConfigFromWire,
  taintsFromWire,
  workloadMetadataFromWire,
} from './container-wire.js';

/** A node pool from a request body (in CreateCluster's `nodePools` or CreateNodePool's `nodePool`). */
export function newNodePool(
  context: ContainerContext,
  cluster: ClusterRecord,
  body: JsonObject,
): NodePoolRecord {
  const name = checkName('Node pool', stringField(body, 'name'));
  const config = nodeConfigFromWire(objectField(body, 'config'));
  checkNodeConfig(context.settings, config, cluster.locations[0] ?? cluster.location);
  const autoscaling = autoscalingFromWire(objectField(body, 'autoscaling'));
  const initialNodeCount = int64Field(body, 'initialNodeCount') ?? 0;
  if (initialNodeCount < 0) throw invalidArgument('initial_node_count must not be negative.');
  if (initialNodeCount === 0 && !autoscaling?.enabled) {
    throw invalidArgument(
      `Node pool "${name}": initial_node_count must be greater than zero without autoscaling.`,
    );
  }
  const nodeCount = autoscaling?.enabled
    ? Math.min(Math.max(initialNodeCount, autoscaling.minNodeCount), autoscaling.maxNodeCount)
    : initialNodeCount;
  const locations = stringArrayField(body, 'locations')?.length
    ? (stringArrayField(body, 'locations') ?? [])
    : cluster.locations;
  return {
    name,
    status: 'PROVISIONING',
    config,
    initialNodeCount,
    nodeCount,
    ...(autoscaling ? { autoscaling } : {}),
    locations,
    version: stringField(body, 'version')
      ? resolveVersion(context.settings, stringField(body, 'version'))
      : cluster.currentMasterVersion,
    etag: '1',
  };
}

function clusterOf(context: ContainerContext, labels: Record<string, string>): ClusterRecord {
  const key = clusterKey(labels.project ?? '', labels.location ?? '', labels.cluster ?? '');
  const cluster = context.state.clusters[key];
  if (!cluster) throw containerNotFound(key);
  return cluster;
}

function poolOf(
  context: ContainerContext,
  labels: Record<string, string>,
): { cluster: ClusterRecord; pool: NodePoolRecord } {
  const cluster = clusterOf(context, labels);
  const pool = cluster.nodePools[labels.nodePool ?? ''];
  if (!pool) {
    throw containerNotFound(
      nodePoolKey(clusterKey(cluster.project, cluster.location, cluster.name), labels.nodePool ?? ''),
    );
  }
  return { cluster, pool };
}

function requireClusterRunning(cluster: ClusterRecord): void {
  if (cluster.status !== 'RUNNING' && cluster.status !== 'RECONCILING') {
    throw failedPrecondition(
      `Cluster "${cluster.name}" is not ready for node pool changes (${cluster.status}).`,
    );
  }
}

export function createNodePool(context: ContainerContext, request: GoogleRequest): unknown {
  const cluster = clusterOf(context, request.labels);
  requireNoOperation(context.state, cluster);
  requireClusterRunning(cluster);
  const pool = newNodePool(context, cluster, objectField(request.body, 'nodePool') ?? {});
  if (cluster.nodePools[pool.name]) {
    throw alreadyExists(nodePoolKey(clusterKey(cluster.project, cluster.location, cluster.name), pool.name));
  }
  const operation = startOperation(
    context,
    cluster,
    'CREATE_NODE_POOL',
    { kind: 'node-pool-created', nodePool: pool.name },
    'gke.CreateNodePool',
  );
  cluster.nodePools[pool.name] = pool;
  return renderOperation(operation, context.now, enumWriter(request.query));
}

export function getNodePool(context: ContainerContext, request: GoogleRequest): unknown {
  const { cluster, pool } = poolOf(context, request.labels);
  return renderNodePool(cluster, pool, enumWriter(request.query));
}

export function listNodePools(context: ContainerContext, request: GoogleRequest): unknown {
  const cluster = clusterOf(context, request.labels);
  const enums = enumWriter(request.query);
  return { nodePools: Object.values(cluster.nodePools).map((pool) => renderNodePool(cluster, pool, enums)) };
}

export function deleteNodePool(context: ContainerContext, request: GoogleRequest): unknown {
  const { cluster, pool } = poolOf(context, request.labels);
  const operation = startOperation(
    context,
    cluster,
    'DELETE_NODE_POOL',
    { kind: 'node-pool-deleted', nodePool: pool.name },
    'gke.DeleteNodePool',
  );
  pool.status = 'STOPPING';
  return renderOperation(operation, context.now, enumWriter(request.query));
}

function changePool(
  context: ContainerContext,
  request: GoogleRequest,
  operationType: 'UPGRADE_NODES' | 'UPDATE_CLUSTER' | 'SET_NODE_POOL_SIZE',
  durationKey: string,
  change: NodePoolChange,
): unknown {
  const { cluster, pool } = poolOf(context, request.labels);
  requireNoOperation(context.state, cluster);
  requireClusterRunning(cluster);
  if (pool.status !== 'RUNNING') {
    throw failedPrecondition(`Node pool "${pool.name}" is not ready for changes (${pool.status}).`);
  }
  const operation = startOperation(
    context,
    cluster,
    operationType,
    { kind: 'node-pool-changed', nodePool: pool.name, change },
    durationKey,
  );
  pool.status = 'RECONCILING';
  return renderOperation(operation, context.now, enumWriter(request.query));
}

/** UpdateNodePool (PUT): labels, taints, resource labels, machine type, disk, accelerators, metadata mode, version. */
export function updateNodePool(context: ContainerContext, request: GoogleRequest): unknown {
  const body = request.body;
  const config: NodePoolChange['config'] = {};
  const labels = objectField(body, 'labels');
  if (labels) config.labels = stringMapField(labels, 'labels') ?? {};
  const taints = objectField(body, 'taints');
  if (taints) config.taints = taintsFromWire(objectArrayField(taints, 'taints'));
  const resourceLabels = objectField(body, 'resourceLabels');
  if (resourceLabels) {
    config.resourceLabels = stringMapField(resourceLabels, 'labels') ?? {};
    checkLabels(config.resourceLabels);
  }
  const machineType = stringField(body, 'machineType');
  if (machineType) config.machineType = machineType;
  const diskSizeGb = int64Field(body, 'diskSizeGb');
  if (diskSizeGb) config.diskSizeGb = diskSizeGb;
  const diskType = stringField(body, 'diskType');
  if (diskType) config.diskType = diskType;
  const accelerators = objectArrayField(body, 'accelerators');
  if (accelerators) config.accelerators = acceleratorsFromWire(accelerators);
  Object.assign(config, workloadMetadataFromWire(objectField(body, 'workloadMetadataConfig')));
  const nodeVersion = stringField(body, 'nodeVersion');
  const version =
    nodeVersion && nodeVersion !== '-' ? resolveVersion(context.settings, nodeVersion) : undefined;
  const recreates =
    machineType !== undefined || diskSizeGb !== undefined || diskType !== undefined || version !== undefined;
  if (Object.keys(config).length === 0 && version === undefined) {
    throw invalidArgument('UpdateNodePool has no changes.');
  }
  const { cluster, pool } = poolOf(context, request.labels);
  if (config.machineType !== undefined) {
    checkNodeConfig(
      context.settings,
      { ...pool.config, ...config },
      cluster.locations[0] ?? cluster.location,
    );
  }
  return changePool(context, request, recreates ? 'UPGRADE_NODES' : 'UPDATE_CLUSTER', 'gke.UpdateNodePool', {
    config,
    ...(version ? { version } : {}),
  });
}

export function setNodePoolSize(context: ContainerContext, request: GoogleRequest): unknown {
  const nodeCount = int64Field(request.body, 'nodeCount');
  if (nodeCount === undefined || nodeCount < 0) throw invalidArgument('node_count must be zero or more.');
  return changePool(context, request, 'SET_NODE_POOL_SIZE', 'gke.SetNodePoolSize', { nodeCount });
}

export function setNodePoolAutoscaling(context: ContainerContext, request: GoogleRequest): unknown {
  const autoscaling = autoscalingFromWire(objectField(request.body, 'autoscaling') ?? {});
  return changePool(context, request, 'UPDATE_CLUSTER', 'gke.SetNodePoolAutoscaling', {
    ...(autoscaling ? { autoscaling } : {}),
  });
}
