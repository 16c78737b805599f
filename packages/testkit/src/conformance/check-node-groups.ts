import type { NodeGroupConfig, ObservedNodeGroupV1 } from '@hubfleet/core';
import { expect } from 'vitest';
import type { ConformanceContext } from './conformance-context.js';
import { nodeGroupDrift } from './node-group-drift.js';
import { expectOwnershipTags } from './ownership-expectations.js';
import { expectedNodeGroupLabels, expectedNodeGroupTaints } from './role-labels.js';
import { waitFor } from './wait-for.js';

/** The listed nodegroup of this name; fails the check when it is missing. */
export function findNodeGroup(observed: readonly ObservedNodeGroupV1[], name: string): ObservedNodeGroupV1 {
  const found = observed.find((nodeGroup) => nodeGroup.name === name);
  expect(
    found,
    `nodegroup ${name} in nodeGroups.list() (listed: ${observed.map((group) => group.name).join(', ') || 'none'})`,
  ).toBeDefined();
  return found as ObservedNodeGroupV1;
}

/** Waits until every named nodegroup is listed and `active`; returns the whole list. */
export function waitForActiveNodeGroups(
  context: ConformanceContext,
  names: readonly string[],
): Promise<ObservedNodeGroupV1[]> {
  return waitFor(
    context,
    `nodegroups ${names.join(', ')} become active`,
    () => context.session.nodeGroups.list(),
    (listed) =>
      names.every((name) =>
        listed.some((nodeGroup) => nodeGroup.name === name && nodeGroup.status === 'active'),
      ),
  );
}

/** The observed nodegroup has the config's sizes and machine type (the provider-independent comparison). */
export function expectMatchesConfig(desired: NodeGroupConfig, observed: ObservedNodeGroupV1): void {
  expect(
    nodeGroupDrift(desired, observed),
    `nodegroup ${desired.name}: fields that differ from the config`,
  ).toEqual([]);
}

/** Stage 2: every configured nodegroup is created, listed `active` with its sizes, machine type and ownership tags. */
export async function checkCreateNodeGroups(context: ConformanceContext): Promise<ObservedNodeGroupV1[]> {
  const configured = context.config.cluster.nodeGroups;
  for (const nodeGroup of configured) await context.session.nodeGroups.create(nodeGroup);
  const listed = await waitForActiveNodeGroups(
    context,
    configured.map((nodeGroup) => nodeGroup.name),
  );
  for (const desired of configured) {
    const observed = findNodeGroup(listed, desired.name);
    expectMatchesConfig(desired, observed);
    expectOwnershipTags(`nodegroup ${desired.name}`, observed.tags, context.config.name, 'nodegroup', {
      nodeGroup: desired.name,
    });
  }
  return listed;
}

/**
 * The role's labels and taints (and the config's own) are listed on each nodegroup. Only meaningful
 * where `capabilities.nodeLabelsReachNodes`: elsewhere the cloud API does not carry them to nodes.
 */
export async function checkNodeGroupLabels(
  context: ConformanceContext,
  nodeGroups: readonly NodeGroupConfig[] = context.config.cluster.nodeGroups,
): Promise<void> {
  const listed = await context.session.nodeGroups.list();
  for (const desired of nodeGroups) {
    const observed = findNodeGroup(listed, desired.name);
    expect(observed.labels, `nodegroup ${desired.name}: labels`).toMatchObject(
      expectedNodeGroupLabels(desired),
    );
    for (const taint of expectedNodeGroupTaints(desired)) {
      expect(observed.taints, `nodegroup ${desired.name}: taints`).toContainEqual(taint);
    }
  }
}
