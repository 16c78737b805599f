import { type EksState, eksNodeGroups } from '../aws/eks/index.js';
import type { KubernetesNodeGroup } from '../kubernetes/index.js';

/** CPU, memory and GPUs of one machine, as Kubernetes writes them on a Node. */
export interface MachineCapacity {
  cpu: number;
  memoryGiB: number;
  gpu?: number;
}

export type CapacityOf = (instanceType: string) => MachineCapacity | undefined;

const UNKNOWN_MACHINE: MachineCapacity = { cpu: 2, memoryGiB: 8 };

/** The Nodes a real EKS cluster would show: one group per nodegroup that has instances. */
export function nodeGroupsFromEks(
  state: EksState,
  now: number,
  capacityOf: CapacityOf,
): KubernetesNodeGroup[] {
  return eksNodeGroups(state, { now })
    .filter((group) => group.hasNodes)
    .map((group) => {
      const instanceType = group.instanceTypes[0] ?? 't3.medium';
      const machine = capacityOf(instanceType) ?? UNKNOWN_MACHINE;
      const capacity: KubernetesNodeGroup['capacity'] = {
        cpu: machine.cpu,
        memory: `${machine.memoryGiB}Gi`,
      };
      if (machine.gpu) capacity['nvidia.com/gpu'] = machine.gpu;
      return {
        name: group.nodegroupName,
        desired: group.desiredSize,
        instanceType,
        labels: { ...group.labels, 'eks.amazonaws.com/nodegroup': group.nodegroupName },
        taints: group.kubernetesTaints.map((taint) => ({ ...taint, value: taint.value ?? '' })),
        capacity,
      };
    });
}
