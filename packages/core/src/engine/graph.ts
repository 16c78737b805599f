import { HubfleetError } from '../errors/index.js';

/** A node of a dependency graph: anything with an id and the ids it waits for. */
export interface GraphNode {
  readonly id: string;
  readonly dependsOn: readonly string[];
}

/** The error for a resource graph that cannot be right: a bug in the config-to-resources mapping. */
export function mappingBug(message: string, subject?: string): HubfleetError {
  return new HubfleetError({
    kind: 'internal',
    message,
    hint: 'This is a bug in how hubfleet maps the config to resources; please report it with the config file.',
    ...(subject === undefined ? {} : { subject }),
  });
}

/** Index nodes by id, refusing duplicate ids and dependencies on ids that are not in the graph. */
export function indexGraph<Node extends GraphNode>(nodes: readonly Node[]): Map<string, Node> {
  const byId = new Map<string, Node>();
  for (const node of nodes) {
    if (byId.has(node.id)) throw mappingBug(`Two resources share the id ${node.id}.`, node.id);
    byId.set(node.id, node);
  }
  for (const node of nodes) {
    for (const dependency of node.dependsOn) {
      if (!byId.has(dependency)) {
        throw mappingBug(
          `${node.id} depends on ${dependency}, which is not part of the deployment.`,
          node.id,
        );
      }
    }
  }
  return byId;
}

/**
 * The ids in an order where every node comes after the nodes it depends on: depth first, in input
 * order, so the same input always gives the same order. A cycle is refused, naming it.
 */
export function topologicalOrder(nodes: readonly GraphNode[]): string[] {
  const byId = indexGraph(nodes);
  const state = new Map<string, 'visiting' | 'done'>();
  const order: string[] = [];
  const trail: string[] = [];

  const visit = (id: string): void => {
    const seen = state.get(id);
    if (seen === 'done') return;
    if (seen === 'visiting') {
      const cycle = [...trail.slice(trail.indexOf(id)), id].join(' → ');
      throw mappingBug(`The resources depend on each other in a cycle: ${cycle}.`, id);
    }
    state.set(id, 'visiting');
    trail.push(id);
    for (const dependency of byId.get(id)?.dependsOn ?? []) visit(dependency);
    trail.pop();
    state.set(id, 'done');
    order.push(id);
  };

  for (const node of nodes) visit(node.id);
  return order;
}

/** For each node, the ids of the nodes that depend on it directly. */
export function dependentsOf(nodes: readonly GraphNode[]): Map<string, string[]> {
  const dependents = new Map<string, string[]>(nodes.map((node) => [node.id, []]));
  for (const node of nodes) {
    for (const dependency of node.dependsOn) dependents.get(dependency)?.push(node.id);
  }
  return dependents;
}

/**
 * For each node, its own weight plus the heaviest chain of nodes that wait for it: how much work
 * is still ahead once it starts. Starting the node with the most work ahead first keeps the total
 * time close to the longest chain.
 */
export function remainingChainWeights(
  nodes: readonly GraphNode[],
  weightOf: (id: string) => number,
): Map<string, number> {
  const dependents = dependentsOf(nodes);
  const weights = new Map<string, number>();
  for (const id of topologicalOrder(nodes).reverse()) {
    let heaviestAfter = 0;
    for (const dependent of dependents.get(id) ?? []) {
      heaviestAfter = Math.max(heaviestAfter, weights.get(dependent) ?? 0);
    }
    weights.set(id, weightOf(id) + heaviestAfter);
  }
  return weights;
}
