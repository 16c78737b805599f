import type { CallRecord } from '../framework/call-log.js';
import { settleCompute } from '../gke/compute/compute-settle.js';
import type { ComputeState } from '../gke/compute/compute-state.js';
import { settleContainer } from '../gke/container/container-operations.js';
import type { ContainerState } from '../gke/container/container-state.js';
import type { GoogleIamState } from '../gke/iam/iam-state.js';
import type { KubernetesState } from '../kubernetes/index.js';
import type { SimInventory, SimOwned } from './sim-cloud.js';
import { callCounts, loadBalancersOf, neutralStatus } from './sim-inventory-parts.js';

export interface GkeSimStates {
  region: string;
  container: ContainerState;
  compute: ComputeState;
  iam: GoogleIamState;
  kubernetes: KubernetesState;
  calls: readonly CallRecord[];
  now: number;
}

/** GKE labels carry hubfleet's ownership as `hubfleet-deployment` (Google label keys take no `/`). */
function owner(labels: Record<string, string> | undefined): SimOwned {
  const deployment = labels?.['hubfleet-deployment'];
  return deployment === undefined ? {} : { deployment };
}

const DISK_STATUS: Record<string, SimInventory['volumes'][number]['status']> = {
  CREATING: 'creating',
  RESTORING: 'creating',
  READY: 'available',
  DELETING: 'deleting',
  FAILED: 'error',
};

/**
 * The simulated project in the inventory's terms: GKE clusters and node pools (nodes per zone × zones),
 * persistent disks, reserved addresses, and the load balancers of LoadBalancer Services. GKE runs in the
 * project's default VPC network, which hubfleet does not create: no networks, subnets or gateways.
 */
export function gkeSimInventory(states: GkeSimStates): SimInventory {
  settleContainer(states.container, states.now);
  settleCompute(states.compute, states.now);
  const clusters = Object.values(states.container.clusters);
  return {
    provider: 'gke',
    region: states.region,
    clusters: clusters.map((cluster) => ({
      name: cluster.name,
      status: neutralStatus(cluster.status),
      kubernetesVersion: cluster.currentMasterVersion,
      ...owner(cluster.resourceLabels),
    })),
    nodeGroups: clusters.flatMap((cluster) =>
      Object.values(cluster.nodePools).map((pool) => {
        const nodeGroup = pool.config.resourceLabels['hubfleet-nodegroup'];
        const nodes = pool.nodeCount * pool.locations.length;
        const serving = pool.status === 'RUNNING' || pool.status === 'RECONCILING';
        return {
          cluster: cluster.name,
          name: pool.name,
          ...(nodeGroup === undefined ? {} : { nodeGroup }),
          status: neutralStatus(pool.status),
          machineType: pool.config.machineType,
          desiredNodes: nodes,
          readyNodes: serving && cluster.status !== 'PROVISIONING' ? nodes : 0,
          ...owner(pool.config.resourceLabels),
        };
      }),
    ),
    addons: [],
    volumes: Object.values(states.compute.disks).map((disk) => {
      const hub = disk.labels['hubfleet-hub'];
      return {
        id: disk.name,
        ...(hub === undefined ? {} : { hub }),
        sizeGiB: disk.sizeGb,
        zone: disk.zone,
        status:
          disk.status === 'READY' && disk.users.length > 0 ? 'in-use' : (DISK_STATUS[disk.status] ?? 'error'),
        ...owner(disk.labels),
      };
    }),
    networks: [],
    subnets: [],
    gateways: [],
    // Google service accounts have no labels: velero's is known by its name, velero-<deployment>.
    identities: Object.values(states.iam.serviceAccounts).map((account) => ({
      name: account.email,
      kind: 'service-account' as const,
      ...(account.accountId.startsWith('velero-')
        ? { deployment: account.accountId.slice('velero-'.length) }
        : {}),
    })),
    loadBalancers: loadBalancersOf(states.kubernetes),
    addresses: Object.values(states.compute.addresses).map((address) => ({
      name: address.name,
      ip: address.address,
      ...owner(address.labels),
    })),
    calls: callCounts(states.calls),
  };
}
