import type { protos } from '@google-cloud/container';
import {
  type NodeGroupConfig,
  nodeGroupLabels,
  nodeGroupTaints,
  type ObservedNodeGroupV1,
  quantityToGiB,
  type Taint,
} from '@hubfleet/core';
import { fromGoogleLabels, ownershipLabels } from './gke-labels.js';
import { nodePoolStatus, taintEffectName } from './map-status.js';

type NodePool = protos.google.container.v1.INodePool;
type Effect = Taint['effect'];

const TO_GKE_EFFECT: Readonly<Record<Effect, 'NO_SCHEDULE' | 'PREFER_NO_SCHEDULE' | 'NO_EXECUTE'>> = {
  NoSchedule: 'NO_SCHEDULE',
  PreferNoSchedule: 'PREFER_NO_SCHEDULE',
  NoExecute: 'NO_EXECUTE',
};
const FROM_GKE_EFFECT: Readonly<Record<string, Effect>> = {
  NO_SCHEDULE: 'NoSchedule',
  PREFER_NO_SCHEDULE: 'PreferNoSchedule',
  NO_EXECUTE: 'NoExecute',
};

/** GKE's own taint on GPU nodes; core's nodegroup diff must not see it as drift. */
const GKE_GPU_TAINT = 'nvidia.com/gpu';

/** Accelerators attachable to N1 machines, by what the config's GPU role implies (T4 unless the type bundles one). */
const BUNDLED_GPU_FAMILIES = ['a2-', 'a3-', 'g2-'];

export function gkeTaints(taints: readonly Taint[]) {
  return taints.map((taint) => ({ key: taint.key, value: taint.value, effect: TO_GKE_EFFECT[taint.effect] }));
}

function accelerators(group: NodeGroupConfig) {
  if (
    group.gpu === undefined ||
    BUNDLED_GPU_FAMILIES.some((family) => group.instanceType.startsWith(family))
  ) {
    return [];
  }
  // GKE installs the NVIDIA driver itself when asked (gpuDriverInstallationConfig): no operator.
  return [
    {
      acceleratorCount: group.gpu.count,
      acceleratorType: 'nvidia-tesla-t4',
      gpuDriverInstallationConfig: { gpuDriverVersion: 'DEFAULT' as const },
    },
  ];
}

/**
 * A node pool for a nodegroup: machine type, disk, Kubernetes labels and taints from core's
 * placement rules, resource labels for ownership, and GKE's own autoscaler within min/max (no
 * cluster-autoscaler release). Starts at `min` nodes per zone; the autoscaler moves it within
 * min/max (0 is allowed with autoscaling on).
 */
export function nodePoolRequest(
  group: NodeGroupConfig,
  deployment: string,
  workloadIdentity: boolean,
): NodePool {
  const disk = group.diskSize === undefined ? undefined : quantityToGiB(group.diskSize);
  return {
    name: group.name,
    initialNodeCount: group.min,
    config: {
      machineType: group.instanceType,
      ...(disk === undefined ? {} : { diskSizeGb: disk }),
      diskType: 'pd-balanced',
      imageType: 'COS_CONTAINERD',
      labels: nodeGroupLabels(group),
      taints: gkeTaints(nodeGroupTaints(group)),
      resourceLabels: ownershipLabels(deployment, 'nodegroup', { nodeGroup: group.name }),
      accelerators: accelerators(group),
      oauthScopes: ['https://www.googleapis.com/auth/cloud-platform'],
      ...(workloadIdentity ? { workloadMetadataConfig: { mode: 'GKE_METADATA' as const } } : {}),
    },
    autoscaling: {
      enabled: true,
      minNodeCount: group.min,
      maxNodeCount: group.max,
      locationPolicy: 'BALANCED',
    },
    management: { autoUpgrade: true, autoRepair: true },
  };
}

/** A node pool as observed, with what only GKE knows: its etag and per-zone count. */
export interface GkeObservedNodeGroup extends ObservedNodeGroupV1 {
  accelerators: number;
}

/** A node pool in hubfleet's words; undefined when its resource labels do not say it is ours. */
export function observedNodePool(pool: NodePool, deployment: string): GkeObservedNodeGroup | undefined {
  const tags = fromGoogleLabels(pool.config?.resourceLabels);
  if (tags['hubfleet.io/deployment'] !== deployment || tags['hubfleet.io/component'] !== 'nodegroup') {
    return undefined;
  }
  const taints = (pool.config?.taints ?? []).flatMap((taint) => {
    const effect = FROM_GKE_EFFECT[taintEffectName(taint.effect)];
    return taint.key === undefined ||
      taint.key === null ||
      taint.key === GKE_GPU_TAINT ||
      effect === undefined
      ? []
      : [{ key: taint.key, value: taint.value ?? '', effect }];
  });
  const autoscaling = pool.autoscaling ?? {};
  const min = autoscaling.enabled ? (autoscaling.minNodeCount ?? 0) : Number(pool.initialNodeCount ?? 0);
  const max = autoscaling.enabled ? (autoscaling.maxNodeCount ?? 0) : Number(pool.initialNodeCount ?? 0);
  return {
    name: pool.name ?? '',
    status: nodePoolStatus(pool.status),
    instanceType: pool.config?.machineType ?? '',
    min,
    max,
    desired: Math.min(Math.max(Number(pool.initialNodeCount ?? 0), min), max),
    ...(pool.config?.diskSizeGb ? { diskSizeGiB: pool.config.diskSizeGb } : {}),
    labels: { ...(pool.config?.labels ?? {}) },
    taints,
    tags,
    accelerators: (pool.config?.accelerators ?? []).reduce(
      (sum, each) => sum + Number(each.acceleratorCount ?? 0),
      0,
    ),
  };
}
