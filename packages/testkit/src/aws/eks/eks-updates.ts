import { randomUUID } from 'node:crypto';
import {
  type JsonObject,
  objectArrayField,
  objectField,
  stringArrayField,
  stringMapField,
} from '../../framework/json-body.js';
import { findCluster } from './eks-clusters.js';
import { invalidParameter, resourceInUse, resourceNotFound } from './eks-errors.js';
import { findNodegroup } from './eks-nodegroups.js';
import { type EksRequest, isRetryOf, label, requestIdentityOf } from './eks-request.js';
import { updatedScaling } from './eks-scaling.js';
import { type EksContext, epochSeconds, finishTime } from './eks-settings.js';
import type { NodegroupConfigChange, NodegroupRecord, UpdateRecord } from './eks-state.js';
import { checkTaintCount, parseTaint, parseTaintToRemove } from './eks-taints.js';
import { applyNodegroupChange } from './eks-transitions.js';

export function renderUpdate(update: UpdateRecord): Record<string, unknown> {
  return {
    id: update.id,
    status: update.status,
    type: update.type,
    params: update.params,
    createdAt: epochSeconds(update.createdAt),
    errors: [],
  };
}

function parseChange(
  body: JsonObject,
  nodegroup: NodegroupRecord,
  fields: Record<string, string>,
): NodegroupConfigChange {
  const labels = objectField(body, 'labels');
  const taints = objectField(body, 'taints');
  const change: NodegroupConfigChange = {
    scalingConfig: updatedScaling(body, nodegroup.scalingConfig, fields),
    addOrUpdateLabels: stringMapField(labels, 'addOrUpdateLabels'),
    removeLabels: stringArrayField(labels, 'removeLabels'),
    addOrUpdateTaints: objectArrayField(taints, 'addOrUpdateTaints')?.map((taint) =>
      parseTaint(taint, fields),
    ),
    removeTaints: objectArrayField(taints, 'removeTaints')?.map((taint) => parseTaintToRemove(taint, fields)),
  };
  const conflicting = (change.removeLabels ?? []).filter((key) => key in (change.addOrUpdateLabels ?? {}));
  if (conflicting.length > 0) {
    throw invalidParameter(`Labels ${conflicting.join(', ')} cannot be both added and removed`, fields);
  }
  if (Object.values(change).every((part) => part === undefined)) {
    throw invalidParameter('The request specifies no configuration to update', fields);
  }
  const preview = structuredClone(nodegroup);
  applyNodegroupChange(preview, change);
  checkTaintCount(preview.taints, fields);
  return change;
}

/** The update's params as EKS reports them: sizes as numbers in strings, maps and lists as JSON. */
function paramsOf(change: NodegroupConfigChange): { type: string; value: string }[] {
  const params: { type: string; value: string }[] = [];
  const scaling = change.scalingConfig ?? {};
  if (scaling.minSize !== undefined) params.push({ type: 'MinSize', value: String(scaling.minSize) });
  if (scaling.maxSize !== undefined) params.push({ type: 'MaxSize', value: String(scaling.maxSize) });
  if (scaling.desiredSize !== undefined)
    params.push({ type: 'DesiredSize', value: String(scaling.desiredSize) });
  if (change.addOrUpdateLabels)
    params.push({ type: 'LabelsToAdd', value: JSON.stringify(change.addOrUpdateLabels) });
  if (change.removeLabels)
    params.push({ type: 'LabelsToRemove', value: JSON.stringify(change.removeLabels) });
  if (change.addOrUpdateTaints)
    params.push({ type: 'TaintsToAdd', value: JSON.stringify(change.addOrUpdateTaints) });
  if (change.removeTaints)
    params.push({ type: 'TaintsToRemove', value: JSON.stringify(change.removeTaints) });
  return params;
}

/** A nodegroup takes one update at a time, and none unless ACTIVE. */
export function refuseWhileBusy(
  nodegroup: NodegroupRecord,
  fields: Record<string, string>,
  updateType = 'ConfigUpdate',
): void {
  if (nodegroup.status === 'ACTIVE') return;
  if (nodegroup.status === 'UPDATING') {
    throw resourceInUse(
      `Cannot ${updateType} because nodegroup ${nodegroup.nodegroupName} currently has update ${nodegroup.activeUpdateId} in progress`,
      fields,
    );
  }
  throw resourceInUse(
    `Nodegroup ${nodegroup.nodegroupName} is in ${nodegroup.status} status and cannot be updated`,
    fields,
  );
}

export function updateNodegroupConfig(context: EksContext, request: EksRequest): unknown {
  const cluster = findCluster(context, label(request, 'clusterName'));
  const nodegroup = findNodegroup(cluster, label(request, 'nodegroupName'));
  const fields = { clusterName: cluster.name, nodegroupName: nodegroup.nodegroupName };
  const identity = requestIdentityOf(request);
  const retried = Object.values(cluster.updates).find(
    (update) => update.nodegroupName === nodegroup.nodegroupName && isRetryOf(update, identity),
  );
  if (retried) return { update: renderUpdate(retried) };
  refuseWhileBusy(nodegroup, fields);
  const change = parseChange(request.body, nodegroup, fields);
  const update: UpdateRecord = {
    ...identity,
    id: randomUUID(),
    type: 'ConfigUpdate',
    status: 'InProgress',
    params: paramsOf(change),
    createdAt: context.now,
    completesAt: finishTime(context, 'UpdateNodegroupConfig'),
    nodegroupName: nodegroup.nodegroupName,
    change,
  };
  cluster.updates[update.id] = update;
  nodegroup.status = 'UPDATING';
  nodegroup.activeUpdateId = update.id;
  nodegroup.modifiedAt = context.now;
  return { update: renderUpdate(update) };
}

export function describeUpdate(context: EksContext, request: EksRequest): unknown {
  const cluster = findCluster(context, label(request, 'name'));
  const updateId = label(request, 'updateId');
  const nodegroupName = request.query.get('nodegroupName') ?? undefined;
  if (nodegroupName !== undefined && !cluster.nodegroups[nodegroupName])
    findNodegroup(cluster, nodegroupName);
  const update = cluster.updates[updateId];
  if (!update || update.nodegroupName !== nodegroupName) {
    throw resourceNotFound(`No update found for ID: ${updateId}`, {
      clusterName: cluster.name,
      ...(nodegroupName ? { nodegroupName } : {}),
    });
  }
  return { update: renderUpdate(update) };
}
