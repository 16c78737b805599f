import type { AMITypes, CreateNodegroupRequest, Taint as EksTaint, Nodegroup } from '@aws-sdk/client-eks';
import {
  type NodeGroupConfig,
  nodeGroupLabels,
  nodeGroupTaints,
  type ObservedNodeGroupV1,
  OwnershipTag,
  ownershipTags,
  quantityToGiB,
  type Taint,
} from '@hubfleet/core';
import { isOwnedBy } from './aws-tags.js';
import { autoscalerTags } from './map-autoscaler-tags.js';
import { nodeGroupStatus } from './map-status.js';

type Effect = Taint['effect'];
type EksEffect = NonNullable<EksTaint['effect']>;

const TO_EKS_EFFECT: Readonly<Record<Effect, EksEffect>> = {
  NoSchedule: 'NO_SCHEDULE',
  PreferNoSchedule: 'PREFER_NO_SCHEDULE',
  NoExecute: 'NO_EXECUTE',
};

const FROM_EKS_EFFECT: Readonly<Record<string, Effect>> = {
  NO_SCHEDULE: 'NoSchedule',
  PREFER_NO_SCHEDULE: 'PreferNoSchedule',
  NO_EXECUTE: 'NoExecute',
};

/** A nodegroup as observed, with what only AWS knows: its EKS name, ARN and AMI type. */
export interface AwsObservedNodeGroup extends ObservedNodeGroupV1 {
  eksName: string;
  arn?: string;
  amiType?: string;
  /** When EKS last changed it (epoch ms): part of the update token, so each update is a new request. */
  modifiedAt?: number;
}

/** Kubernetes taints in the EKS API's spelling (NoSchedule → NO_SCHEDULE). */
export function eksTaints(taints: readonly Taint[]): { key: string; value: string; effect: EksEffect }[] {
  return taints.map((taint) => ({ key: taint.key, value: taint.value, effect: TO_EKS_EFFECT[taint.effect] }));
}

/** Graviton families carry a `g` after the generation digit: m7g, c7gn, t4g, g5g. */
function isArm(instanceType: string): boolean {
  return /^[a-z]+\d+g[a-z]*\./.test(instanceType);
}

/** Amazon Linux 2023 images: the NVIDIA variant (driver included) for GPU groups. */
export function amiTypeFor(group: NodeGroupConfig): AMITypes {
  const gpu = group.role === 'gpu' || group.gpu !== undefined;
  if (isArm(group.instanceType)) return gpu ? 'AL2023_ARM_64_NVIDIA' : 'AL2023_ARM_64_STANDARD';
  return gpu ? 'AL2023_x86_64_NVIDIA' : 'AL2023_x86_64_STANDARD';
}

/** Root disk size in GiB, when the config sets one (EKS defaults to 20 GiB). */
export function diskSizeGiB(group: NodeGroupConfig): number | undefined {
  return group.diskSize === undefined ? undefined : quantityToGiB(group.diskSize);
}

/** Ownership tags plus cluster-autoscaler's, as the nodegroup should carry them. */
export function nodeGroupTags(
  deployment: string,
  clusterName: string,
  group: NodeGroupConfig,
): Record<string, string> {
  return {
    ...autoscalerTags(clusterName, group),
    ...ownershipTags(deployment, 'nodegroup', { nodeGroup: group.name }),
  };
}

export interface NodegroupPlacement {
  deployment: string;
  clusterName: string;
  eksName: string;
  subnetIds: readonly string[];
  nodeRoleArn: string;
}

/**
 * The CreateNodegroup request: sizes, image, labels and taints from core's placement rules, tags.
 * No `clientRequestToken`: the SDK fills in a new one per request and keeps it across its own
 * retries; a later run finds the nodegroup by name first.
 */
export function createNodegroupRequest(
  group: NodeGroupConfig,
  placement: NodegroupPlacement,
): CreateNodegroupRequest {
  const disk = diskSizeGiB(group);
  return {
    clusterName: placement.clusterName,
    nodegroupName: placement.eksName,
    nodeRole: placement.nodeRoleArn,
    subnets: [...placement.subnetIds],
    instanceTypes: [group.instanceType],
    amiType: amiTypeFor(group),
    capacityType: 'ON_DEMAND',
    scalingConfig: { minSize: group.min, maxSize: group.max, desiredSize: group.min },
    ...(disk === undefined ? {} : { diskSize: disk }),
    labels: nodeGroupLabels(group),
    taints: eksTaints(nodeGroupTaints(group)),
    tags: nodeGroupTags(placement.deployment, placement.clusterName, group),
  };
}

function observedTaints(taints: readonly EksTaint[] | undefined): ObservedNodeGroupV1['taints'] {
  return (taints ?? []).flatMap((taint) => {
    const effect = FROM_EKS_EFFECT[taint.effect ?? ''];
    return taint.key === undefined || effect === undefined
      ? []
      : [{ key: taint.key, value: taint.value ?? '', effect }];
  });
}

/** DescribeNodegroup's answer in hubfleet's words, or undefined when the nodegroup is not this deployment's. */
export function observedNodeGroup(
  nodegroup: Nodegroup,
  deployment: string,
): AwsObservedNodeGroup | undefined {
  const tags = { ...nodegroup.tags };
  const name = tags[OwnershipTag.nodeGroup];
  if (!isOwnedBy(tags, deployment, 'nodegroup') || name === undefined) return undefined;
  const scaling = nodegroup.scalingConfig ?? {};
  const observed: AwsObservedNodeGroup = {
    name,
    eksName: nodegroup.nodegroupName ?? '',
    status: nodeGroupStatus(nodegroup.status),
    instanceType: nodegroup.instanceTypes?.[0] ?? '',
    min: scaling.minSize ?? 0,
    max: scaling.maxSize ?? 0,
    desired: scaling.desiredSize ?? 0,
    labels: { ...nodegroup.labels },
    taints: observedTaints(nodegroup.taints),
    tags,
  };
  if (nodegroup.diskSize !== undefined) observed.diskSizeGiB = nodegroup.diskSize;
  if (nodegroup.version !== undefined) observed.kubernetesVersion = nodegroup.version;
  if (nodegroup.nodegroupArn !== undefined) observed.arn = nodegroup.nodegroupArn;
  if (nodegroup.amiType !== undefined) observed.amiType = nodegroup.amiType;
  if (nodegroup.modifiedAt !== undefined) observed.modifiedAt = nodegroup.modifiedAt.getTime();
  return observed;
}

/**
 * True when EKS cannot make the change in place: instance type, AMI type and root disk are part of
 * the nodegroup's launch template, so changing them means a new nodegroup.
 */
export function requiresReplacement(group: NodeGroupConfig, observed: ObservedNodeGroupV1): boolean {
  if (group.instanceType !== observed.instanceType) return true;
  const amiType = (observed as Partial<AwsObservedNodeGroup>).amiType;
  if (amiType !== undefined && amiType !== amiTypeFor(group)) return true;
  const disk = diskSizeGiB(group);
  return disk !== undefined && observed.diskSizeGiB !== undefined && disk !== observed.diskSizeGiB;
}
