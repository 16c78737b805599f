import type { NodeGroupConfig, NodeGroupRole } from '../config/cluster.js';
import type { HubfleetConfig } from '../config/deployment.js';

export interface Toleration {
  key: string;
  operator: 'Equal' | 'Exists';
  value?: string;
  effect: 'NoSchedule' | 'PreferNoSchedule' | 'NoExecute';
}

export interface Taint {
  key: string;
  value: string;
  effect: 'NoSchedule' | 'PreferNoSchedule' | 'NoExecute';
}

/** The label every hubfleet node carries with its nodegroup's name, for node selectors. */
export const NODE_GROUP_LABEL = 'hubfleet.io/nodegroup';
const PURPOSE = 'hub.jupyter.org/node-purpose';
const DEDICATED = 'hub.jupyter.org/dedicated';

/**
 * What a role means on the nodes (config reference): `core` → node-purpose=core; `users` and `gpu` →
 * node-purpose=user plus the dedicated=user taint; `gpu` also nvidia.com/gpu=present:NoSchedule.
 */
export function roleLabels(role: NodeGroupRole): Record<string, string> {
  if (role === 'core') return { [PURPOSE]: 'core' };
  if (role === 'users' || role === 'gpu') return { [PURPOSE]: 'user' };
  return { 'hubfleet.io/role': 'tools' };
}

export function roleTaints(role: NodeGroupRole): Taint[] {
  const user: Taint = { key: DEDICATED, value: 'user', effect: 'NoSchedule' };
  if (role === 'users') return [user];
  if (role === 'gpu') return [user, { key: 'nvidia.com/gpu', value: 'present', effect: 'NoSchedule' }];
  return [];
}

/** Every label and taint a nodegroup's nodes carry: the role's, the group name, then the config's extras. */
export function nodeGroupLabels(group: NodeGroupConfig): Record<string, string> {
  return { ...roleLabels(group.role), [NODE_GROUP_LABEL]: group.name, ...(group.labels ?? {}) };
}

export function nodeGroupTaints(group: NodeGroupConfig): Taint[] {
  return [
    ...roleTaints(group.role),
    ...(group.taints ?? []).map((taint) => ({ ...taint, value: taint.value ?? '' })),
  ];
}

export function tolerationsFor(taints: readonly Taint[]): Toleration[] {
  return taints.map((taint) => ({
    key: taint.key,
    operator: 'Equal',
    value: taint.value,
    effect: taint.effect,
  }));
}

/** Pods that must land on one nodegroup: its name as node selector, and tolerations for its taints. */
export function placementOn(group: NodeGroupConfig): {
  nodeSelector: Record<string, string>;
  tolerations: Toleration[];
} {
  return {
    nodeSelector: { [NODE_GROUP_LABEL]: group.name },
    tolerations: tolerationsFor(nodeGroupTaints(group)),
  };
}

/** Where cluster tools run: the `tools` nodegroup, or `core` when there is none (config reference). */
export function toolsNodeGroup(config: Pick<HubfleetConfig, 'cluster'>): NodeGroupConfig {
  const groups = config.cluster.nodeGroups;
  const group =
    groups.find((candidate) => candidate.role === 'tools') ??
    groups.find((candidate) => candidate.role === 'core');
  if (!group) throw new Error('a validated config always has a core nodegroup');
  return group;
}

export function coreNodeGroup(config: Pick<HubfleetConfig, 'cluster'>): NodeGroupConfig {
  const group = config.cluster.nodeGroups.find((candidate) => candidate.role === 'core');
  if (!group) throw new Error('a validated config always has a core nodegroup');
  return group;
}
