import { expect } from 'vitest';
import { expectMatchesConfig, findNodeGroup } from './check-node-groups.js';
import type { ConformanceContext } from './conformance-context.js';
import { expectToResolve } from './expect-to-resolve.js';
import { isConfiguredMinor } from './node-group-drift.js';

const IDEMPOTENT_CREATE = 'creating a resource the deployment already owns is idempotent';

/**
 * Stage 3, first half: right after a converged apply, a re-plan has nothing to do. The cluster runs
 * the configured minor; no nodegroup needs replacement or differs from the config.
 */
export async function checkReplanIsNoop(context: ConformanceContext): Promise<void> {
  const cluster = await context.session.cluster.observe();
  const desiredMinor = context.config.cluster.kubernetesVersion;
  expect(
    cluster !== undefined && isConfiguredMinor(desiredMinor, cluster.kubernetesVersion),
    `cluster runs the configured Kubernetes ${desiredMinor} (observed ${cluster?.kubernetesVersion ?? 'no cluster'})`,
  ).toBe(true);
  const listed = await context.session.nodeGroups.list();
  for (const desired of context.config.cluster.nodeGroups) {
    const observed = findNodeGroup(listed, desired.name);
    expect(
      context.session.nodeGroups.requiresReplacement(desired, observed),
      `nodegroup ${desired.name}: requiresReplacement with an unchanged config`,
    ).toBe(false);
    expectMatchesConfig(desired, observed);
  }
}

/**
 * Stage 3, second half: creating what already exists and is ours resolves and changes nothing (the
 * documented behaviour: a create whose response was lost may be sent again, and must converge).
 */
export async function checkSecondCreateIsIdempotent(context: ConformanceContext): Promise<void> {
  const { session, config } = context;
  const clusterBefore = await session.cluster.observe();
  const nodeGroupsBefore = await session.nodeGroups.list();
  await expectToResolve(session.cluster.create(), 'a second cluster.create()', IDEMPOTENT_CREATE);
  for (const nodeGroup of config.cluster.nodeGroups) {
    await expectToResolve(
      session.nodeGroups.create(nodeGroup),
      `a second nodeGroups.create(${nodeGroup.name})`,
      IDEMPOTENT_CREATE,
    );
  }
  const clusterAfter = await session.cluster.observe();
  expect(clusterAfter, 'the cluster after a second create').toMatchObject({
    name: clusterBefore?.name,
    status: 'active',
  });
  const nodeGroupsAfter = await session.nodeGroups.list();
  const summary = (groups: typeof nodeGroupsBefore) =>
    groups
      .map(({ name, status, instanceType, min, max }) => ({ name, status, instanceType, min, max }))
      .sort((left, right) => left.name.localeCompare(right.name));
  expect(summary(nodeGroupsAfter), 'the nodegroups after a second create').toEqual(summary(nodeGroupsBefore));
}
