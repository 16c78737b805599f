import type { NodeGroupConfig } from '../config/cluster.js';
import type { AnyResourceNode, ResourceDiff, ResourceNode } from '../engine/resource.js';
import type { KubeObject, ManifestApplier } from '../kubernetes/install/manifest-applier.js';
import { nodeGroupLabels, nodeGroupTaints, type Taint } from '../kubernetes/placement.js';
import { type DeploymentContext, nodeGroupNodeId } from './deployment-context.js';
import { type NodeFinder, nodesOfGroup } from './node-selection.js';

export const nodeLabelsNodeId = (name: string): string => `node-labels/${name}`;

/** A nodegroup's nodes that lack a role label or taint, as observed. */
export interface NodeLabelDrift {
  nodes: number;
  /** Names of the nodes that lack something. */
  drifted: string[];
}

const sameTaint = (left: Taint, right: Pick<Taint, 'key' | 'effect'>) =>
  left.key === right.key && left.effect === right.effect;

function taintsOf(node: KubeObject): Taint[] {
  return ((node.spec as { taints?: Taint[] } | undefined)?.taints ?? []).map((taint) => ({
    key: taint.key,
    value: taint.value ?? '',
    effect: taint.effect,
  }));
}

function lacks(node: KubeObject, labels: Record<string, string>, taints: readonly Taint[]): boolean {
  const present = node.metadata.labels ?? {};
  const has = taintsOf(node);
  return (
    Object.entries(labels).some(([key, value]) => present[key] !== value) ||
    taints.some((wanted) => !has.some((taint) => sameTaint(taint, wanted) && taint.value === wanted.value))
  );
}

/**
 * The labels and taints of `group` on one node: ours set, every other taint kept (the list is
 * replaced as a whole, so the ones the kubelet or the cloud put there are sent back unchanged).
 */
export function labelledNode(node: KubeObject, group: NodeGroupConfig): KubeObject {
  const taints = nodeGroupTaints(group);
  const others = taintsOf(node).filter((taint) => !taints.some((wanted) => sameTaint(taint, wanted)));
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name: node.metadata.name, labels: nodeGroupLabels(group) },
    spec: { taints: [...others, ...taints] },
  };
}

/** A nodegroup's nodes, and the ones among them that lack a label or taint of the group. */
export async function nodeGroupLabelDrift(
  finder: NodeFinder,
  list: (apiVersion: string, kind: string) => Promise<KubeObject[]>,
  group: NodeGroupConfig,
): Promise<NodeLabelDrift> {
  const nodes = nodesOfGroup(finder, await list('v1', 'Node'), group.name);
  const labels = nodeGroupLabels(group);
  const taints = nodeGroupTaints(group);
  const drifted = nodes.filter((node) => lacks(node, labels, taints)).map((node) => node.metadata.name);
  return { nodes: nodes.length, drifted };
}

/** Sets the group's labels and taints on every node of it that lacks one (read afresh first). */
export async function labelNodeGroupNodes(
  finder: NodeFinder,
  api: Pick<ManifestApplier, 'list' | 'apply'>,
  group: NodeGroupConfig,
): Promise<void> {
  const labels = nodeGroupLabels(group);
  const taints = nodeGroupTaints(group);
  for (const node of nodesOfGroup(finder, await api.list('v1', 'Node'), group.name)) {
    if (lacks(node, labels, taints)) await api.apply(labelledNode(node, group));
  }
}

/**
 * Where the cloud cannot carry a nodegroup's labels and taints to its nodes
 * (`capabilities.nodeLabelsReachNodes: false`: Magnum, kubeadm on NeCTAR), core sets them through the
 * Kubernetes API: one step per nodegroup, after the nodegroup, before every release that selects it.
 * Its nodes are found by the provider's `nodeSelector`; every `up` observes them again, so nodes that
 * joined since (autoscaling, a replaced VM) are labelled by the next run (drift → apply).
 */
export function nodeLabelsNode(
  context: DeploymentContext,
  group: NodeGroupConfig,
): ResourceNode<NodeLabelDrift> {
  const id = nodeLabelsNodeId(group.name);
  return {
    id,
    kind: 'node-labels',
    layer: 'cluster-addons',
    dependsOn: [nodeGroupNodeId(group.name)],
    typicalDurationMs: 5_000,
    waitingOn: `the Kubernetes API (labels and taints of nodegroup ${group.name})`,
    async observe() {
      const access = await context.cluster.access();
      if (access === undefined) return undefined;
      return nodeGroupLabelDrift(context, (apiVersion, kind) => access.list(apiVersion, kind), group);
    },
    diff(observed): ResourceDiff {
      if (observed === undefined) {
        return {
          action: 'create',
          reason: "label and taint the nodegroup's nodes once they exist",
          changes: [],
        };
      }
      if (observed.drifted.length > 0) {
        return {
          action: 'update',
          reason: `${observed.drifted.length} of ${observed.nodes} nodes lack the nodegroup's labels or taints`,
          changes: observed.drifted.map((node) => ({ field: `node ${node}`, to: 'labelled and tainted' })),
        };
      }
      return {
        action: 'noop',
        reason:
          observed.nodes === 0
            ? 'no nodes yet; nodes that join are labelled by the next `hubfleet up`'
            : `all ${observed.nodes} nodes carry the labels and taints`,
        changes: [],
      };
    },
    async apply(action) {
      if (action === 'delete') return;
      const access = await context.cluster.require(id);
      // Read afresh (not through the plan's cache): the taints sent back must be the node's current ones.
      await labelNodeGroupNodes(context, access.api, group);
    },
  };
}

/**
 * Adds a labels step per configured nodegroup where the cloud cannot set labels on nodes, and makes
 * every Kubernetes step that waits for a nodegroup wait for its labels too (pods select
 * `hubfleet.io/nodegroup` and would not schedule before it is there).
 */
export function withNodeLabelSteps(
  context: DeploymentContext,
  nodes: readonly AnyResourceNode[],
): AnyResourceNode[] {
  if (context.provider.capabilities.nodeLabelsReachNodes) return [...nodes];
  const steps = context.config.cluster.nodeGroups.map((group) => nodeLabelsNode(context, group));
  const labelsOf = new Map(
    context.config.cluster.nodeGroups.map((group) => [
      nodeGroupNodeId(group.name),
      nodeLabelsNodeId(group.name),
    ]),
  );
  const waiting = nodes.map((node) => {
    if (node.layer !== 'tools' && node.layer !== 'hubs') return node;
    const added = node.dependsOn.flatMap((dependency) => labelsOf.get(dependency) ?? []);
    return added.length === 0 ? node : { ...node, dependsOn: [...node.dependsOn, ...added] };
  });
  return [...waiting, ...steps];
}
