import { applyTransition, settleAll } from '../../framework/lifecycle.js';
import type {
  ClusterRecord,
  EksState,
  NodegroupConfigChange,
  NodegroupRecord,
  Taint,
  UpdateRecord,
} from './eks-state.js';

/** Kubernetes identifies a taint by key and effect; a removal without an effect removes every effect. */
function matchesTaint(taint: Taint, pattern: { key: string; effect?: string }): boolean {
  return taint.key === pattern.key && (pattern.effect === undefined || taint.effect === pattern.effect);
}

/** Applies an UpdateNodegroupConfig change to a nodegroup (labels, taints, scaling). */
export function applyNodegroupChange(nodegroup: NodegroupRecord, change: NodegroupConfigChange): void {
  nodegroup.scalingConfig = { ...nodegroup.scalingConfig, ...change.scalingConfig };
  const labels = { ...nodegroup.labels, ...change.addOrUpdateLabels };
  for (const key of change.removeLabels ?? []) delete labels[key];
  nodegroup.labels = labels;
  let taints = nodegroup.taints.filter(
    (taint) => !(change.removeTaints ?? []).some((removed) => matchesTaint(taint, removed)),
  );
  for (const added of change.addOrUpdateTaints ?? []) {
    taints = [...taints.filter((taint) => !matchesTaint(taint, added)), added];
  }
  nodegroup.taints = taints;
}

/** A finished control-plane VersionUpdate: the cluster runs the new version and is ACTIVE again. */
function settleClusterUpdate(cluster: ClusterRecord, update: UpdateRecord): void {
  if (cluster.activeUpdateId !== update.id) return;
  if (update.version) cluster.version = update.version.kubernetesVersion;
  cluster.activeUpdateId = undefined;
  if (cluster.status === 'UPDATING') cluster.status = 'ACTIVE';
}

function settleUpdates(cluster: ClusterRecord, now: number): void {
  for (const update of Object.values(cluster.updates)) {
    if (update.status !== 'InProgress' || update.completesAt > now) continue;
    update.status = 'Successful';
    if (update.nodegroupName === undefined) {
      settleClusterUpdate(cluster, update);
      continue;
    }
    const nodegroup = cluster.nodegroups[update.nodegroupName];
    if (!nodegroup || nodegroup.activeUpdateId !== update.id) continue;
    if (update.change) applyNodegroupChange(nodegroup, update.change);
    if (update.version) {
      nodegroup.version = update.version.kubernetesVersion;
      nodegroup.releaseVersion = update.version.releaseVersion ?? nodegroup.releaseVersion;
    }
    nodegroup.activeUpdateId = undefined;
    nodegroup.modifiedAt = update.completesAt;
    if (nodegroup.status === 'UPDATING') nodegroup.status = 'ACTIVE';
  }
}

/**
 * Moves every resource whose modelled operation has finished to its next status, and removes the
 * ones whose delete finished. Idempotent; run before every request and by state readers.
 */
export function settleEks(state: EksState, now: number): void {
  for (const [name, cluster] of Object.entries(state.clusters)) {
    settleUpdates(cluster, now);
    settleAll(cluster.nodegroups, now);
    settleAll(cluster.addons, now);
    if (applyTransition(cluster, now)) delete state.clusters[name];
  }
}
