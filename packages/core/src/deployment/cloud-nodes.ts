import type { AnyResourceNode } from '../engine/resource.js';
import type { ClusterAddonsHook } from './cluster-addons.js';
import { clusterAddonsNode } from './cluster-addons-node.js';
import { clusterNode } from './cluster-node.js';
import { CLUSTER_ADDONS_ID, clusterNodeId, type DeploymentContext } from './deployment-context.js';
import { nodeGroupNode } from './nodegroup-node.js';
import { volumeNode } from './volume-node.js';

/** What a nodegroup waits for: the cluster, and the cloud's add-ons when the session has them. */
export function nodeGroupDependencies(
  context: DeploymentContext,
  hook: ClusterAddonsHook | undefined,
): string[] {
  return [clusterNodeId(context.config), ...(hook === undefined ? [] : [CLUSTER_ADDONS_ID])];
}

/**
 * The cloud layer the config asks for: the cluster, the cloud's add-ons, one step per nodegroup, and
 * one per shared-nfs hub's volume (volumes need no cluster, so they are made while it is).
 */
export function cloudNodes(
  context: DeploymentContext,
  hook: ClusterAddonsHook | undefined,
): AnyResourceNode[] {
  const { config } = context;
  const dependsOn = nodeGroupDependencies(context, hook);
  return [
    clusterNode(context),
    ...(hook === undefined ? [] : [clusterAddonsNode(context, hook)]),
    ...config.cluster.nodeGroups.map((group) =>
      nodeGroupNode(context, { name: group.name, group, dependsOn }),
    ),
    ...config.hubs
      .filter((hub) => hub.storage.home === 'shared-nfs')
      .map((hub) => volumeNode(context, { hub: hub.name, config: hub })),
  ];
}
