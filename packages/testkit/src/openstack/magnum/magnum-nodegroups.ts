import type { FakeResponse } from '../../framework/http-service.js';
import { numberField, stringArrayField, stringField, stringMapField } from '../../framework/json-body.js';
import { scheduleTransition } from '../../framework/lifecycle.js';
import type { OpenStackRequest } from '../shared/openstack-protocol.js';
import { invalid, magnumError } from './magnum-errors.js';
import { integerValue, parsePatch } from './magnum-json-patch.js';
import { magnumPage } from './magnum-list.js';
import { findCluster, findNodegroup } from './magnum-lookup.js';
import { newNodegroup } from './magnum-nodegroup-records.js';
import { magnumReply } from './magnum-reply.js';
import { dueAt, type MagnumContext, takeFailure } from './magnum-settings.js';
import { acceptsUpdate, type NodegroupRecord } from './magnum-state.js';
import { nodegroupsOf, renderNodegroup, renderNodegroupSummary } from './magnum-views.js';

const atLeast = (context: MagnumContext, minor: number) =>
  context.version.major === 1 && context.version.minor >= minor;

/** Fields introduced by a microversion are unknown attributes before it (wsme answers 400). */
function refuseNewerFields(context: MagnumContext, body: OpenStackRequest['body']): void {
  if (atLeast(context, 14)) return;
  for (const field of ['node_labels', 'node_taints'])
    if (field in body) throw invalid(`Unknown attribute for argument nodegroup: ${field}`);
}

/** magnum/api/controllers/v1/nodegroup.py _validate_node_count: 409 NodeGroupInvalidInput. */
function checkCounts(
  nodegroup: Pick<NodegroupRecord, 'name' | 'nodeCount' | 'minNodeCount' | 'maxNodeCount'>,
): void {
  const { nodeCount, minNodeCount, maxNodeCount, name } = nodegroup;
  const refuse = (attribute: string, explanation: string) =>
    magnumError(409, `${attribute} for ${name} is invalid (${explanation}).`);
  if (maxNodeCount) {
    if (maxNodeCount < minNodeCount)
      throw refuse(
        'max_node_count',
        `min_node_count (${minNodeCount}) should be less or equal to max_node_count (${maxNodeCount})`,
      );
    if (nodeCount > maxNodeCount)
      throw refuse(
        'max_node_count',
        `node_count (${nodeCount}) should be less or equal to max_node_count (${maxNodeCount})`,
      );
  }
  if (minNodeCount > nodeCount)
    throw refuse(
      'min_node_count',
      `min_node_count (${minNodeCount}) should be less or equal to node_count (${nodeCount})`,
    );
}

/** The cluster's labels unless given; merged into them with `merge_labels`. */
function labelsFor(
  clusterLabels: Record<string, string>,
  body: OpenStackRequest['body'],
): Record<string, string> {
  const given = stringMapField(body, 'labels');
  if (!given) return { ...clusterLabels };
  return body.merge_labels === true ? { ...clusterLabels, ...given } : given;
}

/** POST /v1/clusters/{ident}/nodegroups → 202 with the nodegroup (≥ 1.9; zero nodes ≥ 1.10; labels/taints 1.14). */
export function createNodegroup(context: MagnumContext, request: OpenStackRequest): FakeResponse {
  const cluster = findCluster(context, request.labels.ident as string);
  const body = request.body;
  refuseNewerFields(context, body);
  const name = stringField(body, 'name');
  if (!name) throw invalid('Invalid input for field/attribute name. Value: None. Mandatory field missing.');
  if ((stringField(body, 'role') ?? 'worker') === 'master')
    throw invalid('Creating master nodegroups is currently not supported.');
  // The API refuses before the cluster has an API address (it is still being created).
  if (!cluster.apiAddress) throw magnumError(409, 'Cluster API address is not available yet');
  if (nodegroupsOf(context, cluster.uuid).some((nodegroup) => nodegroup.name === name))
    throw magnumError(409, `A node group with name ${name} already exists in the cluster ${cluster.name}.`);
  const minimum = atLeast(context, 10) ? 0 : 1;
  const nodeCount = numberField(body, 'node_count') ?? 1;
  if (nodeCount < minimum)
    throw invalid(
      `Invalid input for field/attribute node_count. Value: ${nodeCount}. Value should be greater or equal to ${minimum}`,
    );
  const fields = {
    name,
    role: stringField(body, 'role') ?? 'worker',
    isDefault: false,
    flavorId: stringField(body, 'flavor_id') ?? cluster.flavorId,
    imageId:
      stringField(body, 'image_id') ??
      context.state.clusterTemplates[cluster.clusterTemplateId]?.imageId ??
      '',
    nodeCount,
    minNodeCount: numberField(body, 'min_node_count') ?? minimum,
    maxNodeCount: numberField(body, 'max_node_count') ?? null,
    dockerVolumeSize: numberField(body, 'docker_volume_size') ?? cluster.dockerVolumeSize,
    labels: labelsFor(cluster.labels, body),
    nodeLabels: stringMapField(body, 'node_labels') ?? {},
    nodeTaints: stringArrayField(body, 'node_taints') ?? [],
  };
  checkCounts(fields);
  const nodegroup = newNodegroup(context, cluster.uuid, fields, 'CREATE_IN_PROGRESS');
  const failure = takeFailure(context.settings, 'create-nodegroup');
  nodegroup.outcome = failure
    ? { to: 'CREATE_FAILED', reason: failure }
    : { to: 'CREATE_COMPLETE', reason: 'Stack CREATE completed successfully' };
  scheduleTransition(
    nodegroup,
    nodegroup.outcome.to,
    context.now,
    dueAt(context, context.settings.durations.createNodegroup) - context.now,
  );
  return magnumReply(context, 202, renderNodegroup(context, nodegroup));
}

/** GET /v1/clusters/{ident}/nodegroups[?role=] */
export function listNodegroups(context: MagnumContext, request: OpenStackRequest): FakeResponse {
  const cluster = findCluster(context, request.labels.ident as string);
  const role = request.query.get('role');
  const groups = nodegroupsOf(context, cluster.uuid).filter(
    (nodegroup) => role === null || nodegroup.role === role,
  );
  const page = magnumPage(context, groups, request.query, `clusters/${cluster.uuid}/nodegroups`);
  return magnumReply(context, 200, {
    nodegroups: page.items.map((nodegroup) => renderNodegroupSummary(nodegroup)),
    ...(page.next ? { next: page.next } : {}),
  });
}

export function showNodegroup(context: MagnumContext, request: OpenStackRequest): FakeResponse {
  const cluster = findCluster(context, request.labels.ident as string);
  return magnumReply(
    context,
    200,
    renderNodegroup(context, findNodegroup(context, cluster, request.labels.nodegroup as string)),
  );
}

/**
 * PATCH /v1/clusters/{ident}/nodegroups/{ng} (JSON patch) → 202 with the nodegroup. Only
 * min_node_count and max_node_count may change (and node_labels/node_taints from 1.14); like
 * every update it is cast, so a busy nodegroup drops it.
 */
export function updateNodegroup(context: MagnumContext, request: OpenStackRequest): FakeResponse {
  const cluster = findCluster(context, request.labels.ident as string);
  const nodegroup = findNodegroup(context, cluster, request.labels.nodegroup as string);
  const updatable = [
    'min_node_count',
    'max_node_count',
    ...(atLeast(context, 14) ? ['node_labels', 'node_taints'] : []),
  ];
  const operations = parsePatch(request.rawBody, updatable);
  const next = {
    name: nodegroup.name,
    nodeCount: nodegroup.nodeCount,
    minNodeCount: nodegroup.minNodeCount,
    maxNodeCount: nodegroup.maxNodeCount,
    nodeLabels: nodegroup.nodeLabels,
    nodeTaints: nodegroup.nodeTaints,
  };
  for (const operation of operations) {
    if (operation.attribute === 'min_node_count')
      next.minNodeCount = operation.op === 'remove' ? 0 : integerValue(operation, 0);
    if (operation.attribute === 'max_node_count')
      next.maxNodeCount = operation.op === 'remove' ? null : integerValue(operation, 0);
    if (operation.attribute === 'node_labels')
      next.nodeLabels =
        operation.op === 'remove' ? {} : (stringMapField({ value: operation.value }, 'value') ?? {});
    if (operation.attribute === 'node_taints')
      next.nodeTaints =
        operation.op === 'remove' ? [] : (stringArrayField({ value: operation.value }, 'value') ?? []);
  }
  checkCounts(next);
  if (acceptsUpdate(nodegroup.status) && acceptsUpdate(cluster.status)) {
    Object.assign(nodegroup, {
      minNodeCount: next.minNodeCount,
      maxNodeCount: next.maxNodeCount,
      nodeLabels: next.nodeLabels,
      nodeTaints: next.nodeTaints,
    });
    nodegroup.status = 'UPDATE_IN_PROGRESS';
    nodegroup.updatedAt = context.now;
    nodegroup.outcome = { to: 'UPDATE_COMPLETE', reason: 'Stack UPDATE completed successfully' };
    scheduleTransition(
      nodegroup,
      'UPDATE_COMPLETE',
      context.now,
      dueAt(context, context.settings.durations.updateNodegroup) - context.now,
    );
  }
  return magnumReply(context, 202, renderNodegroup(context, nodegroup));
}

/** DELETE → 204, DELETE_IN_PROGRESS then gone; the default nodegroups cannot be deleted (400). */
export function deleteNodegroup(context: MagnumContext, request: OpenStackRequest): FakeResponse {
  const cluster = findCluster(context, request.labels.ident as string);
  const nodegroup = findNodegroup(context, cluster, request.labels.nodegroup as string);
  if (nodegroup.isDefault) throw invalid('Deleting a default nodegroup is not supported.');
  if (nodegroup.status === 'DELETE_IN_PROGRESS') return magnumReply(context, 204);
  const failure = takeFailure(context.settings, 'delete-nodegroup');
  nodegroup.status = 'DELETE_IN_PROGRESS';
  nodegroup.updatedAt = context.now;
  nodegroup.outcome = failure ? { to: 'DELETE_FAILED', reason: failure } : { to: null, reason: '' };
  scheduleTransition(
    nodegroup,
    nodegroup.outcome.to,
    context.now,
    dueAt(context, context.settings.durations.deleteNodegroup) - context.now,
  );
  return magnumReply(context, 204);
}
