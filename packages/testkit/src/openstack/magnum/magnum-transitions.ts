import type { MagnumSettings } from './magnum-settings.js';
import type { ClusterRecord, MagnumState, MagnumStatus, NodegroupRecord } from './magnum-state.js';

function groupsOf(state: MagnumState, clusterId: string): NodegroupRecord[] {
  return Object.values(state.nodegroups).filter((nodegroup) => nodegroup.clusterId === clusterId);
}

function forget(state: MagnumState, cluster: ClusterRecord): void {
  for (const nodegroup of groupsOf(state, cluster.uuid)) delete state.nodegroups[nodegroup.uuid];
  delete state.certificateAuthorities[cluster.uuid];
  delete state.clusters[cluster.uuid];
}

/** The cluster's default nodegroups follow its create and delete. */
function followDefaults(state: MagnumState, cluster: ClusterRecord, status: MagnumStatus, at: number): void {
  for (const nodegroup of groupsOf(state, cluster.uuid)) {
    if (!nodegroup.isDefault && status !== 'DELETE_FAILED') continue;
    nodegroup.status = status;
    nodegroup.updatedAt = at;
  }
}

function completeCluster(
  state: MagnumState,
  settings: MagnumSettings,
  cluster: ClusterRecord,
  at: number,
): void {
  const outcome = cluster.outcome;
  const to = cluster.transition?.to;
  cluster.transition = undefined;
  cluster.outcome = undefined;
  if (to === null || to === undefined) {
    forget(state, cluster);
    return;
  }
  cluster.status = to;
  cluster.statusReason = outcome?.reason ?? null;
  cluster.updatedAt = at;
  if (to === 'CREATE_COMPLETE') {
    // A sim settling a cluster while it starts may not know its Kubernetes URL yet (''); the view
    // asks `apiAddressFor` again on every read, so any address marks the cluster as up.
    cluster.apiAddress =
      settings.apiAddressFor?.(cluster) || `https://10.0.${state.nextAddress++ % 250}.5:6443`;
    // Magnum reports the Kubernetes the cluster runs: the kube_tag label's, else the driver's default.
    cluster.coeVersion = cluster.labels.kube_tag ?? settings.coeVersion;
    cluster.healthStatus = 'HEALTHY';
  }
  if (to === 'CREATE_COMPLETE' || to === 'CREATE_FAILED' || to === 'DELETE_FAILED')
    followDefaults(state, cluster, to, at);
  const resize = cluster.pendingResize;
  cluster.pendingResize = undefined;
  const resized = resize ? state.nodegroups[resize.nodegroupId] : undefined;
  if (resize && resized) {
    if (to === 'UPDATE_COMPLETE') resized.nodeCount = resize.nodeCount;
    resized.status = to;
    resized.updatedAt = at;
  }
}

function completeNodegroup(state: MagnumState, nodegroup: NodegroupRecord, at: number): void {
  const to = nodegroup.transition?.to;
  const reason = nodegroup.outcome?.reason ?? null;
  nodegroup.transition = undefined;
  nodegroup.outcome = undefined;
  if (to === null || to === undefined) {
    delete state.nodegroups[nodegroup.uuid];
    return;
  }
  nodegroup.status = to;
  nodegroup.statusReason = reason;
  nodegroup.updatedAt = at;
}

/** Applies every operation whose modelled time has passed (before each request, and on reads). */
export function settleMagnum(state: MagnumState, settings: MagnumSettings, now: number): void {
  for (const cluster of Object.values(state.clusters)) {
    const due = cluster.transition?.at;
    if (due !== undefined && due <= now) completeCluster(state, settings, cluster, due);
  }
  for (const nodegroup of Object.values(state.nodegroups)) {
    const due = nodegroup.transition?.at;
    if (due !== undefined && due <= now) completeNodegroup(state, nodegroup, due);
  }
}
