import type { HubfleetConfig, NodeGroupConfig } from '@hubfleet/core';
import type { OpenstackProviderSettings } from './openstack-config.js';

/** The name Magnum gives the worker nodegroup every cluster is created with (it cannot be deleted). */
export const DEFAULT_WORKER = 'default-worker';

/**
 * The config's nodegroup that Magnum's default worker group is: the one named `default-worker`
 * (002's name), else the first one. Its flavor and size go into the cluster create.
 */
export function defaultWorkerGroup(config: HubfleetConfig<OpenstackProviderSettings>): NodeGroupConfig {
  const groups = config.cluster.nodeGroups;
  return groups.find((group) => group.name === DEFAULT_WORKER) ?? (groups[0] as NodeGroupConfig);
}

/** True when the config nodegroup `name` is Magnum's default worker group rather than one hubfleet adds. */
export function isDefaultWorker(config: HubfleetConfig<OpenstackProviderSettings>, name: string): boolean {
  return name === DEFAULT_WORKER && config.cluster.nodeGroups.some((group) => group.name === DEFAULT_WORKER);
}
