import type { AnyResourceNode } from '../engine/resource.js';
import { clusterNode } from './cluster-node.js';
import { clusterNodeId, type DeploymentContext } from './deployment-context.js';
import { nodeGroupNode } from './nodegroup-node.js';
import { volumeNode } from './volume-node.js';

/**
 * The cloud layer the config asks for: the cluster, one step per nodegroup, and one per shared-nfs
 * hub's volume (volumes need no cluster, so they are made while it is). The provider's own resources
 * (`session.resources()`) are placed among these by their anchors.
 */
export function cloudNodes(context: DeploymentContext): AnyResourceNode[] {
  const { config } = context;
  const dependsOn = [clusterNodeId(config)];
  return [
    clusterNode(context),
    ...config.cluster.nodeGroups.map((group) =>
      nodeGroupNode(context, { name: group.name, group, dependsOn }),
    ),
    ...config.hubs
      .filter((hub) => hub.storage.home === 'shared-nfs')
      .map((hub) => volumeNode(context, { hub: hub.name, config: hub })),
  ];
}
