import type { DeploymentContext } from './deployment-context.js';
import { type NodeFinder, type NodeLike, nodesOfGroup } from './node-selection.js';

/** zero-to-jupyterhub labels every user server pod with this. */
const USER_POD_SELECTOR = 'component=singleuser-server';

/**
 * User server pods running on a nodegroup's nodes right now, from the Kubernetes API (pods by label,
 * nodes by the nodegroup's selector: `hubfleet.io/nodegroup`, or the provider's `nodeSelector` where
 * labels do not reach nodes, since a node core has not labelled yet still has users on it; both
 * lists shared by every nodegroup). 0 when there is no cluster.
 */
export async function userPodsOn(context: DeploymentContext, nodeGroup: string): Promise<number> {
  const access = await context.cluster.access();
  if (access === undefined) return 0;
  const [pods, nodes] = await Promise.all([
    access.list('v1', 'Pod', { labelSelector: USER_POD_SELECTOR }),
    access.list('v1', 'Node'),
  ]);
  const names = new Set(nodesOfGroup(context, nodes, nodeGroup).map((node) => node.metadata.name));
  return pods.filter((pod) => {
    const nodeName = (pod.spec as { nodeName?: string } | undefined)?.nodeName;
    const phase = (pod.status as { phase?: string } | undefined)?.phase;
    return nodeName !== undefined && names.has(nodeName) && phase === 'Running';
  }).length;
}

/** Ready nodes of a nodegroup, from the Kubernetes API. */
export function readyNodesIn(
  context: NodeFinder,
  nodes: readonly (NodeLike & { status?: unknown })[],
  nodeGroup: string,
): number {
  return nodesOfGroup(context, nodes, nodeGroup).filter((node) => {
    const conditions = (node.status as { conditions?: { type?: string; status?: string }[] } | undefined)
      ?.conditions;
    return (
      conditions?.some((condition) => condition.type === 'Ready' && condition.status === 'True') ?? false
    );
  }).length;
}
