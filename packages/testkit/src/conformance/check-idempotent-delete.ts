import type { ObservedVolumeV1 } from '@hubfleet/core';
import type { ConformanceContext } from './conformance-context.js';
import { expectToResolve } from './expect-to-resolve.js';

const IDEMPOTENT_DELETE =
  'deleting what is already gone is idempotent, so an interrupted `down` can be re-run';

/**
 * Stage 7: with everything gone, deleting each configured nodegroup, the cluster and the hub's
 * volume again resolves. The documented behaviour is "resolves", not "throws not-found": the
 * engine re-runs steps after any interruption and must converge.
 */
export async function checkDeleteIsIdempotent(
  context: ConformanceContext,
  deletedVolume?: ObservedVolumeV1,
): Promise<void> {
  const { session, config } = context;
  for (const nodeGroup of config.cluster.nodeGroups) {
    await expectToResolve(
      session.nodeGroups.delete(nodeGroup.name),
      `nodeGroups.delete(${nodeGroup.name}) of an absent nodegroup`,
      IDEMPOTENT_DELETE,
    );
  }
  await expectToResolve(session.cluster.delete(), 'cluster.delete() of an absent cluster', IDEMPOTENT_DELETE);
  if (deletedVolume !== undefined) {
    await expectToResolve(
      session.volumes.delete(deletedVolume),
      `volumes.delete(${deletedVolume.id}) of a deleted volume`,
      IDEMPOTENT_DELETE,
    );
  }
}
