import type { ObservedClusterV1, ObservedNodeGroupV1, ObservedVolumeV1 } from '@hubfleet/core';

/** A status change the in-memory cloud makes when its clock reaches `at`; `to: null` removes the resource. */
export interface InMemoryTransition<Status> {
  to: Status | null;
  at: number;
}

/** A nodegroup change accepted by update(), applied when its transition completes. */
export type InMemoryNodeGroupChange = Partial<
  Pick<ObservedNodeGroupV1, 'min' | 'max' | 'desired' | 'labels' | 'taints'>
>;

export interface InMemoryNodeGroup extends ObservedNodeGroupV1 {
  transition?: InMemoryTransition<ObservedNodeGroupV1['status']>;
  pendingChange?: InMemoryNodeGroupChange;
}

export interface InMemoryCluster extends ObservedClusterV1 {
  transition?: InMemoryTransition<ObservedClusterV1['status']>;
  nodeGroups: Record<string, InMemoryNodeGroup>;
}

export interface InMemoryVolume extends ObservedVolumeV1 {
  transition?: InMemoryTransition<ObservedVolumeV1['status']>;
}

/** The whole in-memory cloud: plain data, so tests can read it and seed it. */
export interface InMemoryCloudState {
  /** By cluster name (the deployment's name). */
  clusters: Record<string, InMemoryCluster>;
  /** By volume id. */
  volumes: Record<string, InMemoryVolume>;
  snapshots: Record<string, { volumeId: string }>;
  nextId: number;
}

export function createInMemoryCloudState(): InMemoryCloudState {
  return { clusters: {}, volumes: {}, snapshots: {}, nextId: 1 };
}

interface Transitioning {
  status: string;
  transition?: InMemoryTransition<string>;
}

/** Applies a due transition; true when the resource is now gone. */
function completeTransition(record: Transitioning, now: number): boolean {
  const transition = record.transition;
  if (transition === undefined || transition.at > now) return false;
  if (transition.to === null) return true;
  record.status = transition.to;
  record.transition = undefined;
  return false;
}

function settleNodeGroup(nodeGroup: InMemoryNodeGroup, now: number): boolean {
  const due = nodeGroup.transition !== undefined && nodeGroup.transition.at <= now;
  if (due && nodeGroup.pendingChange !== undefined) {
    Object.assign(nodeGroup, nodeGroup.pendingChange);
    nodeGroup.pendingChange = undefined;
  }
  return completeTransition(nodeGroup, now);
}

/** Finishes every operation whose modelled duration has passed by `now`. Idempotent. */
export function settleInMemoryCloud(state: InMemoryCloudState, now: number): void {
  for (const [name, cluster] of Object.entries(state.clusters)) {
    for (const [groupName, nodeGroup] of Object.entries(cluster.nodeGroups)) {
      if (settleNodeGroup(nodeGroup, now)) delete cluster.nodeGroups[groupName];
    }
    if (completeTransition(cluster, now)) delete state.clusters[name];
  }
  for (const [id, volume] of Object.entries(state.volumes)) {
    if (completeTransition(volume, now)) delete state.volumes[id];
  }
}

/** A copy without the in-memory bookkeeping, as a provider would return it. */
export function observedCluster(cluster: InMemoryCluster): ObservedClusterV1 {
  const { transition: _transition, nodeGroups: _nodeGroups, ...observed } = structuredClone(cluster);
  return observed;
}

export function observedNodeGroup(nodeGroup: InMemoryNodeGroup): ObservedNodeGroupV1 {
  const { transition: _transition, pendingChange: _pendingChange, ...observed } = structuredClone(nodeGroup);
  return observed;
}

export function observedVolume(volume: InMemoryVolume): ObservedVolumeV1 {
  const { transition: _transition, ...observed } = structuredClone(volume);
  return observed;
}
