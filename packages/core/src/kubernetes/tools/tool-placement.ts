import type { NodeGroupConfig } from '../../config/cluster.js';
import type { HubfleetConfig } from '../../config/deployment.js';
import {
  NODE_GROUP_LABEL,
  nodeGroupTaints,
  placementOn,
  type Toleration,
  tolerationsFor,
  toolsNodeGroup,
} from '../placement.js';

/** Node selector and tolerations for a tool's pods: the `tools` nodegroup, or `core` when there is none. */
export function toolPlacement(config: Pick<HubfleetConfig, 'cluster'>): {
  nodeSelector: Record<string, string>;
  tolerations: ReturnType<typeof placementOn>['tolerations'];
} {
  return placementOn(toolsNodeGroup(config));
}

/** Nodegroups whose machines carry GPUs: role `gpu`, or any group that declares `gpu`. */
export function gpuNodeGroups(config: Pick<HubfleetConfig, 'cluster'>): NodeGroupConfig[] {
  return config.cluster.nodeGroups.filter((group) => group.role === 'gpu' || group.gpu !== undefined);
}

/** Tolerations for every taint any GPU nodegroup carries (role taints and the config's own), once each. */
export function gpuTolerations(config: Pick<HubfleetConfig, 'cluster'>): Toleration[] {
  const seen = new Set<string>();
  return tolerationsFor(gpuNodeGroups(config).flatMap(nodeGroupTaints)).filter((toleration) => {
    const key = `${toleration.key}=${toleration.value ?? ''}:${toleration.effect}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Node affinity that admits exactly the GPU nodegroups (replaces charts' NFD-label affinity). */
export function gpuNodeAffinity(config: Pick<HubfleetConfig, 'cluster'>): Record<string, unknown> {
  return {
    nodeAffinity: {
      requiredDuringSchedulingIgnoredDuringExecution: {
        nodeSelectorTerms: [
          {
            matchExpressions: [
              {
                key: NODE_GROUP_LABEL,
                operator: 'In',
                values: gpuNodeGroups(config).map((group) => group.name),
              },
            ],
          },
        ],
      },
    },
  };
}
