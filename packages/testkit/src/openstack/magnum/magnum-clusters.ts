import { randomUUID } from 'node:crypto';
import type { FakeResponse } from '../../framework/http-service.js';
import { booleanField, numberField, stringField, stringMapField } from '../../framework/json-body.js';
import { scheduleTransition } from '../../framework/lifecycle.js';
import type { OpenStackRequest } from '../shared/openstack-protocol.js';
import { invalid, magnumError } from './magnum-errors.js';
import { magnumPage } from './magnum-list.js';
import { findCluster, findTemplate } from './magnum-lookup.js';
import { newNodegroup } from './magnum-nodegroup-records.js';
import { magnumReply } from './magnum-reply.js';
import { dueAt, type MagnumContext, takeFailure } from './magnum-settings.js';
import type { ClusterRecord } from './magnum-state.js';
import { nodegroupsOf, renderCluster, renderClusterSummary } from './magnum-views.js';

function checkQuota(context: MagnumContext): void {
  const mine = Object.values(context.state.clusters).filter(
    (cluster) => cluster.projectId === context.settings.projectId,
  );
  const limit = context.settings.quotas.clustersPerProject;
  if (mine.length >= limit)
    throw magnumError(
      403,
      `Resource limit exceeded: You have reached the maximum clusters per project, ${limit}. You may delete a cluster to make room for a new one.`,
    );
}

function count(body: OpenStackRequest['body'], key: string, fallback: number): number {
  const value = numberField(body, key) ?? fallback;
  if (!Number.isInteger(value) || value < 0)
    throw invalid(
      `Invalid input for field/attribute ${key}. Value: ${value}. Value should be greater or equal to 0`,
    );
  return value;
}

/**
 * POST /v1/clusters → 202 `{uuid}`. Names are not unique: a second create with the same name makes
 * a second cluster. Its CA is made when first asked for (RSA keys are slow to make in a test).
 */
export async function createCluster(
  context: MagnumContext,
  request: OpenStackRequest,
): Promise<FakeResponse> {
  const body = request.body;
  const templateIdent = stringField(body, 'cluster_template_id');
  if (!templateIdent)
    throw invalid(
      'Invalid input for field/attribute cluster_template_id. Value: None. Mandatory field missing.',
    );
  const template = findTemplate(context, templateIdent);
  checkQuota(context);
  const keypair = stringField(body, 'keypair') ?? template.keypairId;
  if (keypair && context.settings.keypairExists && !context.settings.keypairExists(keypair))
    throw magnumError(404, `Unable to find keypair ${keypair}.`);
  const nodeCount = count(body, 'node_count', 1);
  const masterCount = count(body, 'master_count', 1);
  if (masterCount < 1)
    throw invalid(
      'Invalid input for field/attribute master_count. Value: 0. Value should be greater or equal to 1',
    );
  const given = stringMapField(body, 'labels');
  const labels = booleanField(body, 'merge_labels')
    ? { ...template.labels, ...given }
    : (given ?? { ...template.labels });
  const cluster: ClusterRecord = {
    uuid: randomUUID(),
    name: stringField(body, 'name') ?? `${template.name}-${randomUUID().slice(0, 12)}`,
    projectId: context.settings.projectId,
    userId: context.settings.userId,
    clusterTemplateId: template.uuid,
    keypair: keypair ?? null,
    flavorId: stringField(body, 'flavor_id') ?? template.flavorId,
    masterFlavorId: stringField(body, 'master_flavor_id') ?? template.masterFlavorId ?? template.flavorId,
    dockerVolumeSize: numberField(body, 'docker_volume_size') ?? template.dockerVolumeSize,
    labels,
    createTimeout: numberField(body, 'create_timeout') ?? 60,
    status: 'CREATE_IN_PROGRESS',
    statusReason: null,
    healthStatus: 'UNKNOWN',
    apiAddress: null,
    stackId: randomUUID(),
    coeVersion: null,
    fixedNetwork: stringField(body, 'fixed_network') ?? template.fixedNetwork,
    fixedSubnet: stringField(body, 'fixed_subnet') ?? template.fixedSubnet,
    floatingIpEnabled: booleanField(body, 'floating_ip_enabled') ?? template.floatingIpEnabled,
    masterLbEnabled: booleanField(body, 'master_lb_enabled') ?? template.masterLbEnabled,
    createdAt: context.now,
    updatedAt: null,
  };
  context.state.clusters[cluster.uuid] = cluster;
  const common = { imageId: template.imageId, isDefault: true };
  newNodegroup(
    context,
    cluster.uuid,
    {
      ...common,
      name: 'default-master',
      role: 'master',
      flavorId: cluster.masterFlavorId,
      nodeCount: masterCount,
    },
    'CREATE_IN_PROGRESS',
  );
  newNodegroup(
    context,
    cluster.uuid,
    { ...common, name: 'default-worker', role: 'worker', flavorId: cluster.flavorId, nodeCount },
    'CREATE_IN_PROGRESS',
  );
  const failure = takeFailure(context.settings, 'create-cluster');
  cluster.outcome = failure
    ? { to: 'CREATE_FAILED', reason: failure }
    : { to: 'CREATE_COMPLETE', reason: 'Stack CREATE completed successfully' };
  scheduleTransition(
    cluster,
    cluster.outcome.to,
    context.now,
    dueAt(context, context.settings.durations.createCluster) - context.now,
  );
  return magnumReply(context, 202, { uuid: cluster.uuid });
}

function mine(context: MagnumContext): ClusterRecord[] {
  return Object.values(context.state.clusters).filter(
    (cluster) => cluster.projectId === context.settings.projectId,
  );
}

/** GET /v1/clusters: summaries, paginated by `next`. */
export function listClusters(context: MagnumContext, request: OpenStackRequest): FakeResponse {
  const page = magnumPage(context, mine(context), request.query, 'clusters');
  return magnumReply(context, 200, {
    clusters: page.items.map((cluster) => renderClusterSummary(context, cluster)),
    ...(page.next ? { next: page.next } : {}),
  });
}

/** GET /v1/clusters/detail: full clusters. */
export function listClusterDetails(context: MagnumContext, request: OpenStackRequest): FakeResponse {
  const page = magnumPage(context, mine(context), request.query, 'clusters/detail');
  return magnumReply(context, 200, {
    clusters: page.items.map((cluster) => renderCluster(context, cluster)),
    ...(page.next ? { next: page.next } : {}),
  });
}

export function showCluster(context: MagnumContext, request: OpenStackRequest): FakeResponse {
  return magnumReply(
    context,
    200,
    renderCluster(context, findCluster(context, request.labels.ident as string)),
  );
}

/** DELETE /v1/clusters/{ident} → 204; DELETE_IN_PROGRESS, then gone (or DELETE_FAILED). */
export function deleteCluster(context: MagnumContext, request: OpenStackRequest): FakeResponse {
  const cluster = findCluster(context, request.labels.ident as string);
  if (cluster.status === 'DELETE_IN_PROGRESS') return magnumReply(context, 204);
  const failure = takeFailure(context.settings, 'delete-cluster');
  cluster.status = 'DELETE_IN_PROGRESS';
  cluster.statusReason = null;
  cluster.updatedAt = context.now;
  cluster.pendingResize = undefined;
  cluster.outcome = failure ? { to: 'DELETE_FAILED', reason: failure } : { to: null, reason: '' };
  for (const nodegroup of nodegroupsOf(context, cluster.uuid)) {
    nodegroup.status = 'DELETE_IN_PROGRESS';
    nodegroup.transition = undefined;
  }
  scheduleTransition(
    cluster,
    cluster.outcome.to,
    context.now,
    dueAt(context, context.settings.durations.deleteCluster) - context.now,
  );
  return magnumReply(context, 204);
}
