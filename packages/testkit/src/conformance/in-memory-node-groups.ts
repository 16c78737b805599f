import {
  type HubfleetConfig,
  HubfleetError,
  type NodeGroupApiV1,
  type NodeGroupConfig,
  type ObservedNodeGroupV1,
  ownershipTags,
  quantityToGiB,
} from '@hubfleet/core';
import type { InMemoryCloud } from './in-memory-cloud.js';
import { conflict, notFound } from './in-memory-errors.js';
import { ownedBy } from './in-memory-ownership.js';
import { type InMemoryCluster, type InMemoryNodeGroup, observedNodeGroup } from './in-memory-state.js';
import { expectedNodeGroupLabels, expectedNodeGroupTaints } from './role-labels.js';

function diskSizeGiB(nodeGroup: NodeGroupConfig): number | undefined {
  return nodeGroup.diskSize === undefined ? undefined : quantityToGiB(nodeGroup.diskSize);
}

function requiresReplacement(nodeGroup: NodeGroupConfig, observed: ObservedNodeGroupV1): boolean {
  const disk = diskSizeGiB(nodeGroup);
  return (
    nodeGroup.instanceType !== observed.instanceType || (disk !== undefined && disk !== observed.diskSizeGiB)
  );
}

function newNodeGroup(
  cloud: InMemoryCloud,
  config: HubfleetConfig,
  nodeGroup: NodeGroupConfig,
): InMemoryNodeGroup {
  const disk = diskSizeGiB(nodeGroup);
  return {
    name: nodeGroup.name,
    status: 'creating',
    instanceType: nodeGroup.instanceType,
    min: nodeGroup.min,
    max: nodeGroup.max,
    desired: nodeGroup.min,
    ...(disk === undefined ? {} : { diskSizeGiB: disk }),
    labels: expectedNodeGroupLabels(nodeGroup),
    taints: expectedNodeGroupTaints(nodeGroup),
    tags: ownershipTags(config.name, 'nodegroup', { nodeGroup: nodeGroup.name }),
    transition: { to: 'active', at: cloud.finishesAt('CreateNodegroup') },
  };
}

/** The deployment's nodegroups in the in-memory cloud; they live inside its cluster, as on EKS. */
export function inMemoryNodeGroupApi(cloud: InMemoryCloud, config: HubfleetConfig): NodeGroupApiV1 {
  const clusterSubject = `cluster ${config.name}`;
  const findCluster = (): InMemoryCluster | undefined => cloud.state.clusters[config.name];
  const activeCluster = (): InMemoryCluster => {
    const cluster = findCluster();
    if (cluster === undefined) throw notFound(clusterSubject);
    if (cluster.status !== 'active') throw conflict(clusterSubject, `is ${cluster.status}, not active`);
    return cluster;
  };

  return {
    list: async () =>
      cloud.call('ListNodegroups', false, () =>
        Object.values(findCluster()?.nodeGroups ?? {})
          .filter((nodeGroup) => ownedBy(nodeGroup.tags, config.name))
          .map(observedNodeGroup),
      ),
    create: async (nodeGroup) =>
      cloud.call('CreateNodegroup', true, () => {
        const cluster = activeCluster();
        const existing = cluster.nodeGroups[nodeGroup.name];
        const subject = `nodegroup ${nodeGroup.name}`;
        if (existing !== undefined && !ownedBy(existing.tags, config.name)) {
          throw conflict(subject, 'exists and belongs to another deployment');
        }
        if (existing?.status === 'deleting') throw conflict(subject, 'is being deleted');
        if (existing !== undefined) return;
        cluster.nodeGroups[nodeGroup.name] = newNodeGroup(cloud, config, nodeGroup);
      }),
    update: async (nodeGroup, observed) =>
      cloud.call('UpdateNodegroup', true, () => {
        const subject = `nodegroup ${nodeGroup.name}`;
        const existing = findCluster()?.nodeGroups[nodeGroup.name];
        if (existing === undefined) throw notFound(subject);
        if (existing.status !== 'active') throw conflict(subject, `is ${existing.status}`);
        if (requiresReplacement(nodeGroup, observed)) {
          throw new HubfleetError({
            kind: 'internal',
            subject,
            message: `${subject}: the instance type or disk size cannot change in place.`,
            hint: 'The plan should have replaced this nodegroup; please report it.',
          });
        }
        existing.status = 'updating';
        existing.pendingChange = {
          min: nodeGroup.min,
          max: nodeGroup.max,
          desired: Math.min(Math.max(existing.desired, nodeGroup.min), nodeGroup.max),
          labels: expectedNodeGroupLabels(nodeGroup),
          taints: expectedNodeGroupTaints(nodeGroup),
        };
        existing.transition = { to: 'active', at: cloud.finishesAt('UpdateNodegroup') };
        return [];
      }),
    delete: async (name) =>
      cloud.call('DeleteNodegroup', true, () => {
        const existing = findCluster()?.nodeGroups[name];
        if (existing === undefined || existing.status === 'deleting') return;
        existing.status = 'deleting';
        existing.pendingChange = undefined;
        existing.transition = { to: null, at: cloud.finishesAt('DeleteNodegroup') };
      }),
    requiresReplacement,
  };
}
