import type { HubConfig, HubfleetConfig, NodeGroupConfig } from '@hubfleet/core';

/** The label the update stage adds, so that its arrival can be told from the config's own labels. */
export const UPDATE_LABEL = { key: 'conformance.hubfleet.io/updated', value: 'true' } as const;

function describeShape(config: HubfleetConfig): string {
  const groups = config.cluster.nodeGroups.map((group) => `${group.name} (${group.role})`).join(', ');
  const hubs = config.hubs.map((hub) => `${hub.name} (${hub.storage.home})`).join(', ');
  return `nodegroups: ${groups || 'none'}; hubs: ${hubs || 'none'}`;
}

/** The nodegroup the update stage scales: the first `users` group. */
export function nodeGroupToUpdate(config: HubfleetConfig): NodeGroupConfig {
  const users = config.cluster.nodeGroups.find((group) => group.role === 'users');
  if (users === undefined) {
    throw new Error(`The conformance config needs a users nodegroup; it has ${describeShape(config)}.`);
  }
  return users;
}

/** The hub whose volume the volume stages create: the first with `storage.home: shared-nfs`. */
export function hubWithSharedStorage(config: HubfleetConfig): HubConfig {
  const hub = config.hubs.find((candidate) => candidate.storage.home === 'shared-nfs');
  if (hub === undefined) {
    throw new Error(
      `The conformance config needs a hub with storage.home shared-nfs; it has ${describeShape(config)}.`,
    );
  }
  return hub;
}

/** Refuses a config the suite cannot judge a provider by, with what it has and what it needs. */
export function assertConformanceConfig(config: HubfleetConfig): void {
  if (!config.cluster.nodeGroups.some((group) => group.role === 'core')) {
    throw new Error(`The conformance config needs a core nodegroup; it has ${describeShape(config)}.`);
  }
  nodeGroupToUpdate(config);
  hubWithSharedStorage(config);
}

/** The config with the update stage's change to one nodegroup: one more node at most, and a new label. */
export function withUpdatedNodeGroup(nodeGroup: NodeGroupConfig): NodeGroupConfig {
  return {
    ...nodeGroup,
    max: nodeGroup.max + 1,
    labels: { ...nodeGroup.labels, [UPDATE_LABEL.key]: UPDATE_LABEL.value },
  };
}
