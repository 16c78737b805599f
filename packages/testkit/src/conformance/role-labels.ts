import {
  type NodeGroupConfig,
  nodeGroupLabels,
  nodeGroupTaints,
  type ObservedNodeGroupV1,
} from '@hubfleet/core';

type Taint = ObservedNodeGroupV1['taints'][number];

/**
 * The node labels a nodegroup must carry: core's definition of what its role means (config reference:
 * `core` → node-purpose=core, `users` and `gpu` → node-purpose=user), its name, and the config's own.
 */
export function expectedNodeGroupLabels(nodeGroup: NodeGroupConfig): Record<string, string> {
  return nodeGroupLabels(nodeGroup);
}

/** The taints a nodegroup must carry: its role's, then the config's own. */
export function expectedNodeGroupTaints(nodeGroup: NodeGroupConfig): Taint[] {
  return nodeGroupTaints(nodeGroup);
}
