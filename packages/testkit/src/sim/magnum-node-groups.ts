import type { KubernetesNodeGroup, KubernetesTaint } from '../kubernetes/index.js';
import type { ClusterRecord, MagnumState } from '../openstack/magnum/magnum-state.js';
import type { FlavorRecord } from '../openstack/nova/nova-state.js';
import type { CapacityOf } from './sim-node-groups.js';

const WITH_NODES = new Set([
  'CREATE_COMPLETE',
  'UPDATE_IN_PROGRESS',
  'UPDATE_COMPLETE',
  'UPDATE_FAILED',
  'DELETE_FAILED',
]);
const EFFECTS = new Set(['NoSchedule', 'PreferNoSchedule', 'NoExecute']);

/** `key=value:Effect` (or `key:Effect`), as Magnum's node_taints carry them. */
export function parseTaint(text: string): KubernetesTaint | undefined {
  const match = /^([^=:]+)(?:=([^:]*))?:(\w+)$/.exec(text.trim());
  if (!match || !EFFECTS.has(match[3] as string)) return undefined;
  return {
    key: match[1] as string,
    ...(match[2] === undefined ? {} : { value: match[2] }),
    effect: match[3] as KubernetesTaint['effect'],
  };
}

/**
 * The Nodes a Magnum cluster shows: one group per nodegroup that has servers, labelled as Magnum
 * labels its nodes (`magnum.openstack.org/nodegroup`, `magnum.openstack.org/role`) plus the
 * nodegroup's node_labels; masters carry the control-plane taint. Sized by the Nova flavor.
 */
export function nodeGroupsFromMagnum(
  state: MagnumState,
  cluster: ClusterRecord,
  flavors: readonly FlavorRecord[],
  capacityOf: CapacityOf = () => undefined,
): KubernetesNodeGroup[] {
  return Object.values(state.nodegroups)
    .filter(
      (group) => group.clusterId === cluster.uuid && WITH_NODES.has(group.status) && group.nodeCount > 0,
    )
    .map((group) => {
      const flavor = flavors.find(
        (candidate) => candidate.name === group.flavorId || candidate.id === group.flavorId,
      );
      const taints = group.nodeTaints
        .map(parseTaint)
        .filter((taint): taint is KubernetesTaint => taint !== undefined);
      if (group.role === 'master')
        taints.push({ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' });
      return {
        name: `${cluster.name}-${group.name}`,
        desired: group.nodeCount,
        instanceType: group.flavorId ?? 'unknown',
        labels: {
          ...group.nodeLabels,
          'magnum.openstack.org/nodegroup': group.name,
          'magnum.openstack.org/role': group.role,
        },
        taints,
        capacity: capacityFor(group.flavorId ?? '', flavor, capacityOf),
      };
    });
}

/** The provider catalog's size for the flavor when it knows one (GPUs too), else Nova's flavor record. */
function capacityFor(
  name: string,
  flavor: FlavorRecord | undefined,
  capacityOf: CapacityOf,
): KubernetesNodeGroup['capacity'] {
  const machine = capacityOf(name) ?? {
    cpu: flavor?.vcpus ?? 2,
    memoryGiB: Math.round((flavor?.ram ?? 8192) / 1024),
  };
  const capacity: KubernetesNodeGroup['capacity'] = { cpu: machine.cpu, memory: `${machine.memoryGiB}Gi` };
  if (machine.gpu) capacity['nvidia.com/gpu'] = machine.gpu;
  return capacity;
}

/** The cluster the simulated Kubernetes API is: the newest Magnum cluster that has come up. */
export function servedCluster(state: MagnumState): ClusterRecord | undefined {
  return Object.values(state.clusters)
    .filter((cluster) => cluster.apiAddress !== null)
    .sort((a, b) => b.createdAt - a.createdAt)[0];
}
