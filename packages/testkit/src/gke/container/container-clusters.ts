import {
  objectArrayField,
  objectField,
  stringArrayField,
  stringField,
  stringMapField,
} from '../../framework/json-body.js';
import { invalidArgument } from '../google-errors.js';
import { labelFingerprint, numericId } from '../google-ids.js';
import type { GoogleRequest } from '../google-protocol.js';
import { enumFromWire, enumWriter } from './container-enums.js';
import { alreadyExists, containerNotFound, failedPrecondition } from './container-errors.js';
import { clusterKey } from './container-links.js';
import { zonesOf } from './container-locations.js';
import { newNodePool } from './container-node-pools.js';
import { renderOperation, requireNoOperation, startOperation } from './container-operations.js';
import { renderCluster } from './container-render.js';
import type { ContainerContext } from './container-settings.js';
import type { ClusterChange, ClusterRecord } from './container-state.js';
import { checkLabels, checkName, resolveVersion } from './container-validation.js';
import { int64Field } from './container-wire.js';

export function findCluster(context: ContainerContext, labels: Record<string, string>): ClusterRecord {
  const key = clusterKey(labels.project ?? '', labels.location ?? '', labels.cluster ?? '');
  const cluster = context.state.clusters[key];
  if (!cluster) throw containerNotFound(key);
  return cluster;
}

function endpointFor(id: string): string {
  const n = Number(BigInt(id) % 65_000n);
  return `34.${118 + (n % 10)}.${Math.floor(n / 256) % 256}.${n % 256}`;
}

export function createCluster(context: ContainerContext, request: GoogleRequest): unknown {
  const { project = '', location = '' } = request.labels;
  const body = objectField(request.body, 'cluster');
  const name = checkName('Cluster', stringField(body, 'name'));
  const key = clusterKey(project, location, name);
  if (context.state.clusters[key]) throw alreadyExists(key);
  const locations = stringArrayField(body, 'locations')?.length
    ? (stringArrayField(body, 'locations') ?? [])
    : zonesOf(location);
  const version = resolveVersion(context.settings, stringField(body, 'initialClusterVersion'));
  const resourceLabels = stringMapField(body, 'resourceLabels') ?? {};
  checkLabels(resourceLabels);
  const poolBodies = objectArrayField(body, 'nodePools') ?? [];
  const initialNodeCount = int64Field(body, 'initialNodeCount') ?? 0;
  if (poolBodies.length === 0 && initialNodeCount <= 0) {
    throw invalidArgument('Cluster.initial_node_count must be greater than zero.');
  }
  const id = numericId();
  const cluster: ClusterRecord = {
    project,
    location,
    name,
    id,
    createTime: context.now,
    status: 'PROVISIONING',
    releaseChannel: enumFromWire('releaseChannel', objectField(body, 'releaseChannel')?.channel) ?? 'REGULAR',
    initialClusterVersion: version,
    currentMasterVersion: version,
    resourceLabels,
    labelFingerprint: labelFingerprint(resourceLabels),
    endpoint: endpointFor(id),
    clusterCaCertificate: context.settings.clusterCaCertificate,
    servicesIpv4Cidr: context.settings.servicesIpv4Cidr,
    clusterIpv4Cidr: '10.4.0.0/14',
    locations,
    network: stringField(body, 'network') ?? 'default',
    subnetwork: stringField(body, 'subnetwork') ?? 'default',
    ...(stringField(objectField(body, 'workloadIdentityConfig'), 'workloadPool') === undefined
      ? {}
      : { workloadPool: stringField(objectField(body, 'workloadIdentityConfig'), 'workloadPool') }),
    nodePools: {},
  };
  const pools =
    poolBodies.length > 0
      ? poolBodies.map((pool) => newNodePool(context, cluster, pool))
      : [
          newNodePool(context, cluster, {
            name: 'default-pool',
            initialNodeCount,
            ...(objectField(body, 'nodeConfig') ? { config: objectField(body, 'nodeConfig') } : {}),
          }),
        ];
  for (const pool of pools) {
    if (cluster.nodePools[pool.name]) throw alreadyExists(`${key}/nodePools/${pool.name}`);
    cluster.nodePools[pool.name] = pool;
  }
  context.state.clusters[key] = cluster;
  const operation = startOperation(
    context,
    cluster,
    'CREATE_CLUSTER',
    { kind: 'cluster-created' },
    'gke.CreateCluster',
  );
  return renderOperation(operation, context.now, enumWriter(request.query));
}

export function getCluster(context: ContainerContext, request: GoogleRequest): unknown {
  return renderCluster(findCluster(context, request.labels), enumWriter(request.query));
}

/** `locations/-` lists every location of the project. */
export function listClusters(context: ContainerContext, request: GoogleRequest): unknown {
  const { project, location } = request.labels;
  const enums = enumWriter(request.query);
  return {
    clusters: Object.values(context.state.clusters)
      .filter((cluster) => cluster.project === project && (location === '-' || cluster.location === location))
      .map((cluster) => renderCluster(cluster, enums)),
  };
}

export function deleteCluster(context: ContainerContext, request: GoogleRequest): unknown {
  const cluster = findCluster(context, request.labels);
  requireNoOperation(context.state, cluster);
  const operation = startOperation(
    context,
    cluster,
    'DELETE_CLUSTER',
    { kind: 'cluster-deleted' },
    'gke.DeleteCluster',
  );
  cluster.status = 'STOPPING';
  for (const pool of Object.values(cluster.nodePools)) pool.status = 'STOPPING';
  return renderOperation(operation, context.now, enumWriter(request.query));
}

function requireRunning(cluster: ClusterRecord): void {
  if (cluster.status !== 'RUNNING') {
    throw failedPrecondition(
      `Cluster "${cluster.name}" is not in a state that allows this operation (${cluster.status}).`,
    );
  }
}

/** SetLabels: replaces the resource labels when the fingerprint is the current one. */
export function setResourceLabels(context: ContainerContext, request: GoogleRequest): unknown {
  const cluster = findCluster(context, request.labels);
  requireNoOperation(context.state, cluster);
  requireRunning(cluster);
  const labels = stringMapField(request.body, 'resourceLabels') ?? {};
  checkLabels(labels);
  if (stringField(request.body, 'labelFingerprint') !== cluster.labelFingerprint) {
    throw failedPrecondition('Labels could not be set due to fingerprint mismatch.');
  }
  // The fingerprint moves at once, so a second caller with the old one is refused.
  cluster.labelFingerprint = labelFingerprint(labels);
  const change: ClusterChange = { resourceLabels: labels };
  const operation = startOperation(
    context,
    cluster,
    'SET_LABELS',
    { kind: 'cluster-changed', change },
    'gke.SetLabels',
  );
  cluster.status = 'RECONCILING';
  return renderOperation(operation, context.now, enumWriter(request.query));
}

/** UpdateCluster: the master version, release channel and Workload Identity pool. */
export function updateCluster(context: ContainerContext, request: GoogleRequest): unknown {
  const cluster = findCluster(context, request.labels);
  requireNoOperation(context.state, cluster);
  requireRunning(cluster);
  const update = objectField(request.body, 'update');
  const change: ClusterChange = {};
  const version = stringField(update, 'desiredMasterVersion');
  if (version !== undefined) change.currentMasterVersion = resolveVersion(context.settings, version);
  const channel = enumFromWire('releaseChannel', objectField(update, 'desiredReleaseChannel')?.channel);
  if (channel !== undefined) change.releaseChannel = channel;
  const pool = stringField(objectField(update, 'desiredWorkloadIdentityConfig'), 'workloadPool');
  if (pool !== undefined) change.workloadPool = pool;
  if (Object.keys(change).length === 0) throw invalidArgument('Update has no changes.');
  const type = change.currentMasterVersion === undefined ? 'UPDATE_CLUSTER' : 'UPGRADE_MASTER';
  const operation = startOperation(
    context,
    cluster,
    type,
    { kind: 'cluster-changed', change },
    'gke.UpdateCluster',
  );
  cluster.status = 'RECONCILING';
  return renderOperation(operation, context.now, enumWriter(request.query));
}
