import { OwnershipTag } from '@hubfleet/core';
import { expect } from 'vitest';
import { expectClusterOwnership } from './check-cluster.js';
import type { ConformanceContext } from './conformance-context.js';
import { expectOwnershipTags } from './ownership-expectations.js';

/**
 * Every resource the deployment has right now carries its ownership tags: the cluster (when it
 * exists), every listed nodegroup, every listed volume. Observing by tag depends on it.
 */
export async function checkOwnershipTags(context: ConformanceContext): Promise<void> {
  const deployment = context.config.name;
  const cluster = await context.session.cluster.observe();
  if (cluster !== undefined) expectClusterOwnership(context, cluster);
  for (const nodeGroup of await context.session.nodeGroups.list()) {
    expectOwnershipTags(`nodegroup ${nodeGroup.name}`, nodeGroup.tags, deployment, 'nodegroup', {
      nodeGroup: nodeGroup.name,
    });
  }
  for (const volume of await context.session.volumes.list()) {
    expectOwnershipTags(`volume ${volume.id}`, volume.tags, deployment, 'volume', { hub: volume.hub });
    expect(volume.hub, `volume ${volume.id}: hub`).toBe(volume.tags[OwnershipTag.hub]);
  }
}
