import type { protos } from '@google-cloud/container';
import { type GkeDeployment, unlessNotFound } from './gke-deployment.js';
import type { ClusterOperations } from './gke-operations.js';
import { workloadPool } from './map-cluster.js';
import { observedNodePool } from './map-node-pool.js';

type NodePool = protos.google.container.v1.INodePool;

/** Whether a pool's nodes run GKE's metadata server, through which pods get their Google identity. */
function servesWorkloadIdentity(pool: NodePool): boolean {
  const mode = pool.config?.workloadMetadataConfig?.mode as unknown;
  return mode === 'GKE_METADATA' || mode === 2;
}

/** Workload Identity as the cluster has it: its pool, and the deployment's node pools without the metadata server. */
export interface ObservedWorkloadIdentity {
  workloadPool: boolean;
  poolsWithoutMetadataServer: string[];
}

/**
 * Workload Identity on the deployment's cluster (`<project>.svc.id.goog`) and the GKE metadata
 * server on its node pools. hubfleet creates both with the cluster; an adopted cluster or pool made
 * without them is updated here (an UpdateCluster, then an UpdateNodePool per pool, which GKE rolls
 * out by recreating the pool's nodes).
 */
export function gkeWorkloadIdentity(gke: GkeDeployment, operations: ClusterOperations) {
  const { clusters } = gke.clients;
  const subject = `cluster/${gke.deployment}`;
  const pool = workloadPool(gke.project);

  async function observe(): Promise<ObservedWorkloadIdentity | undefined> {
    const cluster = (
      await unlessNotFound(
        gke.call('container.clusters.get', subject, () => clusters.getCluster({ name: gke.clusterPath })),
      )
    )?.[0];
    if (cluster === undefined) return undefined;
    const pools = (cluster.nodePools ?? []).filter(
      (each) => observedNodePool(each, gke.deployment) !== undefined && !servesWorkloadIdentity(each),
    );
    return {
      workloadPool: cluster.workloadIdentityConfig?.workloadPool === pool,
      poolsWithoutMetadataServer: pools.map((each) => each.name ?? ''),
    };
  }

  async function ensure(): Promise<void> {
    const observed = await observe();
    if (observed === undefined) return;
    if (!observed.workloadPool) {
      await operations.run('enable Workload Identity', subject, async () => {
        const [operation] = await gke.call('container.clusters.update', subject, () =>
          clusters.updateCluster({
            name: gke.clusterPath,
            update: { desiredWorkloadIdentityConfig: { workloadPool: pool } },
          }),
        );
        return operation;
      });
    }
    for (const name of observed.poolsWithoutMetadataServer) {
      const poolSubject = `nodegroup/${name}`;
      await operations.run('serve Workload Identity on node pool', poolSubject, async () => {
        const [operation] = await gke.call('container.nodePools.update', poolSubject, () =>
          clusters.updateNodePool({
            name: `${gke.clusterPath}/nodePools/${name}`,
            nodeVersion: '-',
            imageType: 'COS_CONTAINERD',
            workloadMetadataConfig: { mode: 'GKE_METADATA' },
          }),
        );
        return operation;
      });
    }
  }

  return { observe, ensure };
}
