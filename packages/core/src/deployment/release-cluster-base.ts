import type { DeploymentGraph } from './build-graph.js';
import { retryReads } from './retry-reads.js';

/**
 * After a `down`: when the cluster is gone, ask the provider to delete it once more, which removes
 * the network and roles it made (and only reads when they are gone too). This finishes a `down`
 * that was interrupted after the cluster went but before its network did. Transient failures are
 * tried again (`retryReads`): both calls are safe to repeat.
 */
export function releaseClusterBase(graph: DeploymentGraph): Promise<boolean> {
  const { context } = graph;
  const { session } = context;
  return retryReads(context, async () => {
    if ((await session.cluster.observe()) !== undefined) return false;
    await session.cluster.delete();
    return true;
  });
}
