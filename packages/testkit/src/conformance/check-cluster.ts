import type { ObservedClusterV1 } from '@hubfleet/core';
import { expect } from 'vitest';
import { assertConformanceConfig } from './config-picks.js';
import type { ConformanceContext } from './conformance-context.js';
import { expectOwnershipTags } from './ownership-expectations.js';
import { waitFor } from './wait-for.js';

/** Before anything is created, observing the deployment's cluster finds nothing. */
export async function checkClusterAbsent(context: ConformanceContext): Promise<void> {
  expect(await context.session.cluster.observe(), 'cluster.observe() before create').toBeUndefined();
}

/** Waits until the cluster is `active` and returns it as observed. */
export function waitForActiveCluster(context: ConformanceContext): Promise<ObservedClusterV1 | undefined> {
  return waitFor(
    context,
    'cluster becomes active',
    () => context.session.cluster.observe(),
    (cluster) => cluster?.status === 'active',
  );
}

/** Waits until the cluster is gone. */
export async function waitForClusterGone(context: ConformanceContext): Promise<void> {
  await waitFor(
    context,
    'cluster is gone',
    () => context.session.cluster.observe(),
    (cluster) => cluster === undefined,
  );
}

/** The cluster carries `hubfleet.io/deployment=<name>` and `hubfleet.io/component=cluster`. */
export function expectClusterOwnership(
  context: ConformanceContext,
  cluster: ObservedClusterV1 | undefined,
): void {
  expectOwnershipTags('cluster', cluster?.tags, context.config.name, 'cluster');
}

/** Stage 1: nothing → create → settle → observed `active`, with the ownership tags. */
export async function checkCreateCluster(context: ConformanceContext): Promise<ObservedClusterV1> {
  assertConformanceConfig(context.config);
  await checkClusterAbsent(context);
  await context.session.cluster.create();
  const cluster = await waitForActiveCluster(context);
  expect(cluster, 'cluster.observe() after create').toBeDefined();
  expectClusterOwnership(context, cluster);
  return cluster as ObservedClusterV1;
}
