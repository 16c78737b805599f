import { type NodeGroupConfig, nodeGroupLabels, nodeGroupTaints } from '@hubfleet/core';

/** Every tag cluster-autoscaler reads starts with this. */
export const AUTOSCALER_PREFIX = 'k8s.io/cluster-autoscaler/';
/** Tags that describe the nodes a group would start, for scaling up from zero. */
export const NODE_TEMPLATE_PREFIX = `${AUTOSCALER_PREFIX}node-template/`;

/**
 * cluster-autoscaler's tags for one nodegroup: the two auto-discovery tags, and node-template tags
 * for every label, taint and GPU count, so that a group at zero nodes can still be chosen for a pod
 * that needs exactly those (seeds/000 step 02 describes the scale-from-zero trouble without them).
 * EKS itself puts the auto-discovery tags on the Auto Scaling group; cluster-autoscaler 1.24+ also
 * reads managed nodegroups' labels and taints from DescribeNodegroup. The tags keep the template
 * visible on the nodegroup either way.
 */
export function autoscalerTags(clusterName: string, group: NodeGroupConfig): Record<string, string> {
  const tags: Record<string, string> = {
    [`${AUTOSCALER_PREFIX}enabled`]: 'true',
    [`${AUTOSCALER_PREFIX}${clusterName}`]: 'owned',
  };
  for (const [key, value] of Object.entries(nodeGroupLabels(group))) {
    tags[`${NODE_TEMPLATE_PREFIX}label/${key}`] = value;
  }
  for (const taint of nodeGroupTaints(group)) {
    tags[`${NODE_TEMPLATE_PREFIX}taint/${taint.key}`] = `${taint.value}:${taint.effect}`;
  }
  if (group.gpu !== undefined) {
    tags[`${NODE_TEMPLATE_PREFIX}resources/nvidia.com/gpu`] = String(group.gpu.count);
  }
  return tags;
}
