import {
  type NodeGroupConfig,
  nodeGroupLabels,
  nodeGroupTaints,
  type ObservedNodeGroupV1,
  OwnershipTag,
  quantityToGiB,
} from '@hubfleet/core';
import type { MagnumNodegroup, NodegroupInput } from '@hubfleet/openstack-client';
import { magnumNodegroupName } from './magnum-default-worker.js';
import { ownershipLabels } from './magnum-labels.js';
import { magnumStatus } from './magnum-status.js';

type Taint = ObservedNodeGroupV1['taints'][number];
const EFFECTS = new Set(['NoSchedule', 'PreferNoSchedule', 'NoExecute']);

/** `key=value:Effect`, as Magnum's node_taints carry them. */
export function magnumTaint(taint: Taint): string {
  return `${taint.key}=${taint.value}:${taint.effect}`;
}

export function parseMagnumTaint(text: string): Taint | undefined {
  const match = /^([^=:]+)(?:=([^:]*))?:(\w+)$/.exec(text.trim());
  if (!match || !EFFECTS.has(match[3] as string)) return undefined;
  return { key: match[1] as string, value: match[2] ?? '', effect: match[3] as Taint['effect'] };
}

/**
 * The nodegroup hubfleet asks Magnum for: flavor, bounds, role (the config's: core, users, gpu),
 * ownership in its labels (merged into the cluster's), and with `nodeLabels` (container-infra 1.14)
 * the Kubernetes labels and taints the nodes boot with.
 */
export function nodegroupRequest(
  group: NodeGroupConfig,
  deployment: string,
  nodeLabels: boolean,
): NodegroupInput {
  return {
    name: magnumNodegroupName(group.name),
    flavor_id: group.instanceType,
    node_count: group.min,
    min_node_count: group.min,
    max_node_count: group.max,
    role: group.role,
    ...(group.diskSize === undefined ? {} : { docker_volume_size: quantityToGiB(group.diskSize) }),
    labels: ownershipLabels(deployment, 'nodegroup', { nodeGroup: group.name }),
    merge_labels: true,
    ...(nodeLabels
      ? { node_labels: nodeGroupLabels(group), node_taints: nodeGroupTaints(group).map(magnumTaint) }
      : {}),
  };
}

/** A Magnum nodegroup in hubfleet's words, named as the config names it (its ownership label). */
export function observedNodegroup(
  nodegroup: MagnumNodegroup,
  deployment: string,
): ObservedNodeGroupV1 | undefined {
  const labels = nodegroup.labels;
  if (labels[OwnershipTag.deployment] !== deployment) return undefined;
  const name = labels[OwnershipTag.nodeGroup];
  if (name === undefined) return undefined;
  return {
    name,
    status: magnumStatus(nodegroup.status),
    instanceType: nodegroup.flavorId ?? '',
    min: nodegroup.minNodeCount,
    max: nodegroup.maxNodeCount ?? nodegroup.nodeCount,
    desired: nodegroup.nodeCount,
    ...(nodegroup.dockerVolumeSize === null ? {} : { diskSizeGiB: nodegroup.dockerVolumeSize }),
    labels: nodegroup.nodeLabels ?? {},
    taints: (nodegroup.nodeTaints ?? []).flatMap((text) => parseMagnumTaint(text) ?? []),
    tags: labels,
  };
}
