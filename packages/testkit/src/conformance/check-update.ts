import type { NodeGroupConfig } from '@hubfleet/core';
import { expect } from 'vitest';
import { findNodeGroup } from './check-node-groups.js';
import { nodeGroupToUpdate, UPDATE_LABEL, withUpdatedNodeGroup } from './config-picks.js';
import type { ConformanceContext } from './conformance-context.js';
import { waitFor } from './wait-for.js';

/**
 * Stage 4: the users nodegroup gets one more node at most and a new label, in place: update() →
 * settle → listed `active` with the new max. Returns the nodegroup's new config.
 */
export async function checkUpdateNodeGroup(context: ConformanceContext): Promise<NodeGroupConfig> {
  const { nodeGroups } = context.session;
  const desired = withUpdatedNodeGroup(nodeGroupToUpdate(context.config));
  const before = findNodeGroup(await nodeGroups.list(), desired.name);
  expect(
    nodeGroups.requiresReplacement(desired, before),
    `nodegroup ${desired.name}: requiresReplacement for a new max and a new label`,
  ).toBe(false);
  await nodeGroups.update(desired, before);
  const listed = await waitFor(
    context,
    `nodegroup ${desired.name} is active with max ${desired.max}`,
    () => nodeGroups.list(),
    (groups) =>
      groups.some(
        (group) => group.name === desired.name && group.status === 'active' && group.max === desired.max,
      ),
  );
  const after = findNodeGroup(listed, desired.name);
  expect(after.min, `nodegroup ${desired.name}: min after the update`).toBe(desired.min);
  expect(after.instanceType, `nodegroup ${desired.name}: instanceType after the update`).toBe(
    desired.instanceType,
  );
  return desired;
}

/** Stage 4, labels: the label the update added is listed (where `nodeLabelsReachNodes`). */
export async function checkUpdatedLabels(
  context: ConformanceContext,
  updated: NodeGroupConfig = withUpdatedNodeGroup(nodeGroupToUpdate(context.config)),
): Promise<void> {
  const observed = findNodeGroup(await context.session.nodeGroups.list(), updated.name);
  expect(observed.labels, `nodegroup ${updated.name}: labels after the update`).toMatchObject({
    [UPDATE_LABEL.key]: UPDATE_LABEL.value,
  });
}
