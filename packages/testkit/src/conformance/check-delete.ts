import type { ObservedVolumeV1 } from '@hubfleet/core';
import { expect } from 'vitest';
import { waitForClusterGone } from './check-cluster.js';
import { findVolume } from './check-volumes.js';
import type { ConformanceContext } from './conformance-context.js';
import { waitFor } from './wait-for.js';

/** Stage 6: every nodegroup is deleted, then the cluster; afterwards observe finds no cluster and list no nodegroup. */
export async function checkDeleteNodeGroupsAndCluster(context: ConformanceContext): Promise<void> {
  const { session } = context;
  for (const nodeGroup of await session.nodeGroups.list()) await session.nodeGroups.delete(nodeGroup.name);
  await waitFor(
    context,
    'every nodegroup is gone',
    () => session.nodeGroups.list(),
    (listed) => listed.length === 0,
  );
  await session.cluster.delete();
  await waitForClusterGone(context);
  expect(await session.nodeGroups.list(), 'nodeGroups.list() once the cluster is gone').toEqual([]);
}

/**
 * Deleting the cluster never deletes data: after nodegroups and cluster are gone, the hub's volume
 * is still listed by ownership, so a later `up` (or `storage.adoptVolume`) finds the homes again.
 */
export async function checkRetainsVolumesOnClusterDelete(
  context: ConformanceContext,
  volume: ObservedVolumeV1,
): Promise<void> {
  await checkDeleteNodeGroupsAndCluster(context);
  const retained = await findVolume(context, volume.id);
  expect(
    retained,
    `volume ${volume.id} after the cluster was deleted (data volumes are retained)`,
  ).toBeDefined();
  expect(retained?.hub, `volume ${volume.id}: hub after the cluster was deleted`).toBe(volume.hub);
}
