import type { protos } from '@google-cloud/container';
import {
  HubfleetError,
  machineOrDiskChanged,
  type NodeGroupApiV1,
  type NodeGroupConfig,
  nodeGroupLabels,
  nodeGroupTaints,
  type ObservedNodeGroupV1,
  type ProviderWarningV1,
} from '@hubfleet/core';
import { type GkeDeployment, unlessNotFound } from './gke-deployment.js';
import { isGoogleAlreadyExists } from './gke-errors.js';
import type { ClusterOperations } from './gke-operations.js';
import { gkeTaints, nodePoolRequest, observedNodePool } from './map-node-pool.js';

type NodePool = protos.google.container.v1.INodePool;

function sameTaints(observed: ObservedNodeGroupV1['taints'], wanted: ObservedNodeGroupV1['taints']): boolean {
  const key = (taints: ObservedNodeGroupV1['taints']) =>
    JSON.stringify(taints.map((taint) => `${taint.key}=${taint.value}:${taint.effect}`).sort());
  return key(observed) === key(wanted);
}

function sameLabels(observed: Record<string, string>, wanted: Record<string, string>): boolean {
  const entries = (labels: Record<string, string>) => JSON.stringify(Object.entries(labels).sort());
  return entries(observed) === entries(wanted);
}

/**
 * The deployment's node pools, one per nodegroup and named like it (Rhodes: default-pool, user-pool),
 * found by their resource labels. Pools usually come with the cluster (CreateCluster carries them
 * all); a nodegroup added later gets CreateNodePool. GKE's autoscaler keeps each within min/max.
 */
export function gkeNodePools(gke: GkeDeployment, operations: ClusterOperations): NodeGroupApiV1 {
  const { clusters } = gke.clients;
  const subjectOf = (name: string) => `nodegroup/${name}`;
  const poolPath = (name: string) => `${gke.clusterPath}/nodePools/${name}`;

  async function get(name: string): Promise<NodePool | undefined> {
    const answer = await unlessNotFound(
      gke.call('container.nodePools.get', subjectOf(name), () =>
        clusters.getNodePool({ name: poolPath(name) }),
      ),
    );
    return answer?.[0];
  }

  async function list(): Promise<ObservedNodeGroupV1[]> {
    const answer = await unlessNotFound(
      gke.call('container.nodePools.list', `cluster/${gke.deployment}`, () =>
        clusters.listNodePools({ parent: gke.clusterPath }),
      ),
    );
    return (answer?.[0].nodePools ?? []).flatMap((pool) => observedNodePool(pool, gke.deployment) ?? []);
  }

  function checkOurs(pool: NodePool, group: string): void {
    if (observedNodePool(pool, gke.deployment) !== undefined) return;
    throw new HubfleetError({
      kind: 'conflict',
      message: `the node pool ${pool.name} exists in cluster ${gke.deployment} but its resource labels do not say it is deployment ${gke.deployment}'s`,
      hint: `rename nodegroup ${group} in the config, or delete the other node pool`,
      subject: subjectOf(group),
    });
  }

  async function create(group: NodeGroupConfig): Promise<void> {
    const subject = subjectOf(group.name);
    const existing = await get(group.name);
    if (existing !== undefined) return checkOurs(existing, group.name);
    try {
      await operations.run('create node pool', subject, async () => {
        const [operation] = await gke.call('container.nodePools.create', subject, () =>
          clusters.createNodePool({
            parent: gke.clusterPath,
            nodePool: nodePoolRequest(group, gke.deployment, true),
          }),
        );
        return operation;
      });
    } catch (error) {
      if (!isGoogleAlreadyExists(error)) throw error;
      const raced = await get(group.name);
      if (raced === undefined) throw error;
      checkOurs(raced, group.name);
    }
  }

  /** Labels and taints in one UpdateNodePool; the autoscaler's bounds with SetNodePoolAutoscaling. */
  async function update(group: NodeGroupConfig, observed: ObservedNodeGroupV1): Promise<ProviderWarningV1[]> {
    const subject = subjectOf(group.name);
    const labels = nodeGroupLabels(group);
    const taints = nodeGroupTaints(group);
    if (!sameLabels(observed.labels, labels) || !sameTaints(observed.taints, taints)) {
      await operations.run('update node pool', subject, async () => {
        const [operation] = await gke.call('container.nodePools.update', subject, () =>
          clusters.updateNodePool({
            name: poolPath(group.name),
            nodeVersion: '-',
            imageType: 'COS_CONTAINERD',
            labels: { labels },
            taints: { taints: gkeTaints(taints) },
          }),
        );
        return operation;
      });
    }
    if (observed.min !== group.min || observed.max !== group.max) {
      await operations.run('autoscale node pool', subject, async () => {
        const [operation] = await gke.call('container.nodePools.setAutoscaling', subject, () =>
          clusters.setNodePoolAutoscaling({
            name: poolPath(group.name),
            autoscaling: {
              enabled: true,
              minNodeCount: group.min,
              maxNodeCount: group.max,
              locationPolicy: 'BALANCED',
            },
          }),
        );
        return operation;
      });
    }
    return [];
  }

  async function remove(name: string): Promise<void> {
    const subject = subjectOf(name);
    const existing = await get(name);
    if (existing === undefined) return;
    const observed = observedNodePool(existing, gke.deployment);
    if (observed === undefined) {
      throw new HubfleetError({
        kind: 'refused',
        message: `the node pool ${name} is not labelled as deployment ${gke.deployment}'s; hubfleet does not delete it`,
        subject,
      });
    }
    if (observed.status === 'deleting') return;
    await operations.run('delete node pool', subject, async () => {
      const [operation] = await gke.call('container.nodePools.delete', subject, () =>
        clusters.deleteNodePool({ name: poolPath(name) }),
      );
      return operation;
    });
  }

  return {
    list,
    create,
    update,
    delete: remove,
    // Machine type and disk change by recreating the nodes; hubfleet replaces the pool instead,
    // behind core's safety gate for user pods.
    requiresReplacement: machineOrDiskChanged,
  };
}
