import type { FakeResponse } from '../../framework/http-service.js';
import { numberField, stringField } from '../../framework/json-body.js';
import { scheduleTransition } from '../../framework/lifecycle.js';
import type { OpenStackRequest } from '../shared/openstack-protocol.js';
import { invalid } from './magnum-errors.js';
import { integerValue, parsePatch } from './magnum-json-patch.js';
import { findCluster, findNodegroup } from './magnum-lookup.js';
import { magnumReply } from './magnum-reply.js';
import { dueAt, type MagnumContext, takeFailure } from './magnum-settings.js';
import { acceptsUpdate, type ClusterRecord, type NodegroupRecord } from './magnum-state.js';
import { defaultNodegroup } from './magnum-views.js';

/**
 * What the API does with an update: validate, then *cast* it to the conductor and answer 202.
 * The conductor acts only from a *_COMPLETE status; otherwise it raises, and nobody hears it:
 * the request is silently dropped (magnum/conductor/handlers/cluster_conductor.py).
 */
function castResize(
  context: MagnumContext,
  cluster: ClusterRecord,
  nodegroup: NodegroupRecord,
  nodeCount: number,
): void {
  if (!acceptsUpdate(cluster.status)) return;
  const failure = takeFailure(context.settings, 'update-cluster');
  cluster.status = 'UPDATE_IN_PROGRESS';
  cluster.statusReason = null;
  cluster.updatedAt = context.now;
  nodegroup.status = 'UPDATE_IN_PROGRESS';
  cluster.pendingResize = { nodegroupId: nodegroup.uuid, nodeCount };
  cluster.outcome = failure
    ? { to: 'UPDATE_FAILED', reason: failure }
    : { to: 'UPDATE_COMPLETE', reason: 'Stack UPDATE completed successfully' };
  scheduleTransition(
    cluster,
    cluster.outcome.to,
    context.now,
    dueAt(context, context.settings.durations.updateCluster) - context.now,
  );
}

function checkBounds(context: MagnumContext, nodegroup: NodegroupRecord, nodeCount: number): void {
  if (nodeCount === 0 && context.version.minor < 10)
    throw invalid('Resizing a nodegroup to zero is not supported in the provided microversion.');
  const max = nodegroup.maxNodeCount;
  if (nodeCount < nodegroup.minNodeCount || (max !== null && nodeCount > max))
    throw invalid(
      `Resizing ${nodegroup.name} outside the allowed range: min_node_count = ${nodegroup.minNodeCount}, max_node_count = ${max ?? 'None'}`,
    );
}

/** PATCH /v1/clusters/{ident} (JSON patch of /node_count) → 202 `{uuid}`. */
export function updateCluster(context: MagnumContext, request: OpenStackRequest): FakeResponse {
  const cluster = findCluster(context, request.labels.ident as string);
  const operations = parsePatch(request.rawBody, ['node_count']);
  for (const operation of operations) {
    const worker = defaultNodegroup(context, cluster.uuid, 'worker');
    if (!worker) throw invalid(`Cluster ${cluster.uuid} has no default worker nodegroup.`);
    const nodeCount = integerValue(operation, context.version.minor >= 10 ? 0 : 1);
    castResize(context, cluster, worker, nodeCount);
  }
  return magnumReply(context, 202, { uuid: cluster.uuid });
}

/** POST /v1/clusters/{ident}/actions/resize {node_count, nodegroup?, nodes_to_remove?} → 202 `{uuid}` (≥ 1.7). */
export function resizeCluster(context: MagnumContext, request: OpenStackRequest): FakeResponse {
  const cluster = findCluster(context, request.labels.ident as string);
  const nodeCount = numberField(request.body, 'node_count');
  if (nodeCount === undefined || !Number.isInteger(nodeCount) || nodeCount < 0)
    throw invalid('Invalid input for field/attribute node_count. Value: None. Mandatory field missing.');
  const ident = stringField(request.body, 'nodegroup');
  const nodegroup = ident
    ? findNodegroup(context, cluster, ident)
    : defaultNodegroup(context, cluster.uuid, 'worker');
  if (!nodegroup) throw invalid(`Cluster ${cluster.uuid} has no default worker nodegroup.`);
  if (nodegroup.role === 'master')
    throw invalid('Resizing the master nodegroup is not supported by this driver.');
  checkBounds(context, nodegroup, nodeCount);
  castResize(context, cluster, nodegroup, nodeCount);
  return magnumReply(context, 202, { uuid: cluster.uuid });
}
