import type { NodeGroupConfig, NodeGroupRole, ObservedNodeGroupV1 } from '@hubfleet/core';

type Taint = ObservedNodeGroupV1['taints'][number];

/** The label zero-to-jupyterhub's node affinities look for. */
export const NODE_PURPOSE_LABEL = 'hub.jupyter.org/node-purpose';

/** The taint that keeps everything but user servers off user nodes. */
export const USER_DEDICATED_TAINT: Taint = {
  key: 'hub.jupyter.org/dedicated',
  value: 'user',
  effect: 'NoSchedule',
};

/** The taint that keeps CPU-only pods off GPU nodes. */
export const GPU_TAINT: Taint = { key: 'nvidia.com/gpu', value: 'present', effect: 'NoSchedule' };

const ROLE_LABELS: Readonly<Record<NodeGroupRole, Readonly<Record<string, string>>>> = {
  tools: {},
  core: { [NODE_PURPOSE_LABEL]: 'core' },
  users: { [NODE_PURPOSE_LABEL]: 'user' },
  gpu: { [NODE_PURPOSE_LABEL]: 'user' },
};

const ROLE_TAINTS: Readonly<Record<NodeGroupRole, readonly Taint[]>> = {
  tools: [],
  core: [],
  users: [USER_DEDICATED_TAINT],
  gpu: [USER_DEDICATED_TAINT, GPU_TAINT],
};

/**
 * The node labels a nodegroup must carry: its role's (config-reference: `core` → node-purpose=core,
 * `users` and `gpu` → node-purpose=user) with the config's own labels on top.
 */
export function expectedNodeGroupLabels(nodeGroup: NodeGroupConfig): Record<string, string> {
  return { ...ROLE_LABELS[nodeGroup.role], ...nodeGroup.labels };
}

/** The taints a nodegroup must carry: its role's, then the config's own. */
export function expectedNodeGroupTaints(nodeGroup: NodeGroupConfig): Taint[] {
  return [...ROLE_TAINTS[nodeGroup.role], ...(nodeGroup.taints ?? [])];
}
