import type { EksState, NodegroupStatus, Taint } from './eks-state.js';
import { kubernetesTaintEffect } from './eks-taints.js';
import { settleEks } from './eks-transitions.js';

/** A nodegroup as another fake (the Kubernetes fake) needs it to create Nodes. */
export interface EksNodeGroupView {
  clusterName: string;
  nodegroupName: string;
  status: NodegroupStatus;
  /** True while the nodegroup's instances exist: ACTIVE, UPDATING, or DEGRADED. */
  hasNodes: boolean;
  desiredSize: number;
  minSize: number;
  maxSize: number;
  instanceTypes: string[];
  capacityType: string;
  diskSize: number;
  labels: Record<string, string>;
  /** As EKS reports them (NO_SCHEDULE). */
  taints: Taint[];
  /** The same taints as Kubernetes spells them (NoSchedule), ready for a Node's spec. */
  kubernetesTaints: {
    key: string;
    value?: string;
    effect: 'NoSchedule' | 'NoExecute' | 'PreferNoSchedule';
  }[];
  kubernetesVersion: string;
}

const WITH_NODES: readonly NodegroupStatus[] = ['ACTIVE', 'UPDATING', 'DEGRADED'];

/**
 * Every nodegroup in the state, optionally of one cluster. Pass `now` (the EKS fake's clock) to
 * bring statuses up to date first; without it the state is read as last settled.
 */
export function eksNodeGroups(
  state: EksState,
  options: { now?: number; clusterName?: string } = {},
): EksNodeGroupView[] {
  if (options.now !== undefined) settleEks(state, options.now);
  return Object.values(state.clusters)
    .filter((cluster) => options.clusterName === undefined || cluster.name === options.clusterName)
    .flatMap((cluster) => Object.values(cluster.nodegroups))
    .map((nodegroup) => ({
      clusterName: nodegroup.clusterName,
      nodegroupName: nodegroup.nodegroupName,
      status: nodegroup.status,
      hasNodes: WITH_NODES.includes(nodegroup.status),
      desiredSize: nodegroup.scalingConfig.desiredSize,
      minSize: nodegroup.scalingConfig.minSize,
      maxSize: nodegroup.scalingConfig.maxSize,
      instanceTypes: [...nodegroup.instanceTypes],
      capacityType: nodegroup.capacityType,
      diskSize: nodegroup.diskSize,
      labels: { ...nodegroup.labels },
      taints: nodegroup.taints.map((taint) => ({ ...taint })),
      kubernetesTaints: nodegroup.taints.map((taint) => ({
        ...taint,
        effect: kubernetesTaintEffect(taint.effect),
      })),
      kubernetesVersion: nodegroup.version,
    }));
}
