import { createHash } from 'node:crypto';
import type { ContainerState } from '../gke/container/container-state.js';
import type { MachineTypeRecord } from '../gke/machine-types.js';
import type { KubernetesNodeGroup, KubernetesTaint } from '../kubernetes/index.js';
import type { CapacityOf } from './sim-node-groups.js';

const EFFECTS: Record<string, KubernetesTaint['effect']> = {
  NO_SCHEDULE: 'NoSchedule',
  PREFER_NO_SCHEDULE: 'PreferNoSchedule',
  NO_EXECUTE: 'NoExecute',
};

/**
 * The Nodes a GKE cluster shows: per node pool and zone, `nodeCount` nodes named like GKE's
 * (`gke-<cluster>-<pool>-<hash>-…`), labelled `cloud.google.com/gke-nodepool` and with the pool's
 * labels and taints; GPU pools get `nvidia.com/gpu` capacity and GKE's own GPU taint.
 */
export function nodeGroupsFromGke(
  state: ContainerState,
  machineTypes: readonly MachineTypeRecord[],
  capacityOf: CapacityOf = () => undefined,
): KubernetesNodeGroup[] {
  const groups: KubernetesNodeGroup[] = [];
  for (const cluster of Object.values(state.clusters)) {
    if (cluster.status === 'PROVISIONING' || cluster.status === 'STOPPING') continue;
    for (const pool of Object.values(cluster.nodePools)) {
      if (pool.status === 'PROVISIONING' || pool.status === 'STOPPING' || pool.status === 'ERROR') continue;
      const machine = machineTypes.find((type) => type.name === pool.config.machineType);
      // The provider's catalog (when the CLI gives it) wins over the fake's small table.
      const catalog = capacityOf(pool.config.machineType);
      const accelerator = pool.config.accelerators[0];
      const gpus =
        accelerator?.acceleratorCount ??
        catalog?.gpu ??
        machine?.accelerators?.[0]?.guestAcceleratorCount ??
        0;
      const gpuType = accelerator?.acceleratorType ?? machine?.accelerators?.[0]?.guestAcceleratorType;
      const taints: KubernetesTaint[] = pool.config.taints.map((taint) => ({
        key: taint.key,
        value: taint.value,
        effect: EFFECTS[taint.effect] ?? 'NoSchedule',
      }));
      if (gpus > 0) taints.push({ key: 'nvidia.com/gpu', value: 'present', effect: 'NoSchedule' });
      for (const zone of pool.locations) {
        const hash = createHash('sha256')
          .update(`${cluster.id}/${pool.name}/${zone}`)
          .digest('hex')
          .slice(0, 8);
        groups.push({
          name: `gke-${cluster.name}-${pool.name}-${hash}`,
          desired: pool.nodeCount,
          instanceType: pool.config.machineType,
          zone,
          labels: {
            ...pool.config.labels,
            'cloud.google.com/gke-nodepool': pool.name,
            'cloud.google.com/gke-os-distribution': 'cos',
            'cloud.google.com/machine-family': pool.config.machineType.split('-')[0] ?? '',
            ...(gpus > 0 && gpuType ? { 'cloud.google.com/gke-accelerator': gpuType } : {}),
          },
          taints,
          capacity: {
            cpu: catalog?.cpu ?? machine?.guestCpus ?? 2,
            memory: `${Math.floor(catalog?.memoryGiB ?? (machine?.memoryMb ?? 4096) / 1024)}Gi`,
            ...(gpus > 0 ? { 'nvidia.com/gpu': gpus } : {}),
          },
        });
      }
    }
  }
  return groups;
}
