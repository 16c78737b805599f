import type { ConformanceContext } from './conformance-context.js';
import { retryLikeTheEngine } from './engine-retry.js';
import { waitFor } from './wait-for.js';

/**
 * Deletes every nodegroup, the cluster and every volume the deployment owns, retrying transient
 * errors, and waits until they are gone: the clean slate a stage that creates things leaves behind.
 */
export async function removeEverything(context: ConformanceContext): Promise<void> {
  const { session } = context;
  const seen: unknown[] = [];
  const retry = <Result>(work: () => Promise<Result>) => retryLikeTheEngine(work, seen);
  for (const nodeGroup of await retry(() => session.nodeGroups.list())) {
    await retry(() => session.nodeGroups.delete(nodeGroup.name));
  }
  await waitFor(
    context,
    'every nodegroup is gone',
    () => retry(() => session.nodeGroups.list()),
    (listed) => listed.length === 0,
  );
  await retry(() => session.cluster.delete());
  await waitFor(
    context,
    'cluster is gone',
    () => retry(() => session.cluster.observe()),
    (cluster) => cluster === undefined,
  );
  for (const volume of await retry(() => session.volumes.list()))
    await retry(() => session.volumes.delete(volume));
}
