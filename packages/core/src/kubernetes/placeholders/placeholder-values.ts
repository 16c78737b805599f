import type { NodeGroupConfig } from '../../config/cluster.js';
import { cpuToCores } from '../../config/primitives.js';
import type { PlaceholderConfig } from '../../config/tools.js';
import { HubfleetError } from '../../errors/index.js';
import { placementOn, type Toleration } from '../placement.js';

/** One placeholder size as `charts/placeholders` takes it. */
export interface PlaceholderValues {
  name: string;
  replicas: number;
  /** Millicores, e.g. `100m`. */
  cpu: string;
  /** A Kubernetes quantity, as written in the config. */
  memory: string;
  /** GPUs each placeholder holds (`nvidia.com/gpu`); absent for CPU-only sizes. */
  gpu?: number;
  nodeSelector: Record<string, string>;
  tolerations: Toleration[];
}

/** CPU as whole millicores: `0.1` and `100m` both become `100m`. */
export function millicores(cpu: string | number): string {
  return `${Math.round(cpuToCores(cpu) * 1000)}m`;
}

/** A placeholder size, placed on its nodegroup exactly as that nodegroup's user servers are. */
export function placeholderValues(
  placeholder: PlaceholderConfig,
  nodeGroups: readonly NodeGroupConfig[],
): PlaceholderValues {
  const group = nodeGroups.find((candidate) => candidate.name === placeholder.nodeGroup);
  if (!group) {
    throw new HubfleetError({
      kind: 'invalid-config',
      message: `placeholder "${placeholder.name}" names nodegroup "${placeholder.nodeGroup}", which does not exist`,
      hint: 'point nodeGroup at a users or gpu nodegroup',
      subject: `tools.placeholders.${placeholder.name}.nodeGroup`,
    });
  }
  const { nodeSelector, tolerations } = placementOn(group);
  return {
    name: placeholder.name,
    replicas: placeholder.replicas,
    cpu: millicores(placeholder.cpu),
    memory: String(placeholder.memory),
    ...(placeholder.gpu === undefined ? {} : { gpu: placeholder.gpu }),
    nodeSelector,
    tolerations,
  };
}
