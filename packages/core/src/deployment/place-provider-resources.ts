import type { AnyResourceNode } from '../engine/resource.js';
import { HubfleetError } from '../errors/index.js';
import type { ProviderResourceV1, ResourceAnchorV1 } from '../provider/v1/resources.js';
import { nodeGroupNodeId } from './deployment-context.js';
import { providerResourceNodeId } from './provider-resource-node.js';

const KIND_ANCHORS: Readonly<Record<string, string>> = {
  cluster: 'cluster',
  nodegroups: 'nodegroup',
  volumes: 'volume',
  hubs: 'hub',
};

/** The step ids an anchor names among `nodes`; none when it names nothing in this deployment. */
export function resolveAnchor(
  anchor: ResourceAnchorV1,
  nodes: readonly AnyResourceNode[],
  resources: readonly ProviderResourceV1[],
): string[] {
  const kind = KIND_ANCHORS[anchor];
  if (kind !== undefined) return nodes.filter((node) => node.kind === kind).map((node) => node.id);
  const [prefix, ...rest] = anchor.split(':');
  const name = rest.join(':');
  if (prefix === 'resource') {
    return resources.filter((resource) => resource.name === name).map(providerResourceNodeId);
  }
  const wanted =
    prefix === 'nodegroup' ? nodeGroupNodeId(name) : prefix === 'tool' ? `tool/${name}` : undefined;
  if (wanted === undefined) {
    throw new HubfleetError({
      kind: 'internal',
      message: `a provider resource names the anchor "${anchor}", which hubfleet does not know`,
      hint: 'anchors are cluster, nodegroups, nodegroup:<name>, volumes, tool:<release>, hubs, resource:<name>',
      subject: anchor,
    });
  }
  return nodes.some((node) => node.id === wanted) ? [wanted] : [];
}

/**
 * The provider's resources as engine resources among `nodes`, each depending on what its
 * `dependsOn` anchors name, and every node its `requiredBy` anchors name depending on it.
 */
export function withProviderResources(
  nodes: readonly AnyResourceNode[],
  resources: readonly ProviderResourceV1[],
  toNode: (resource: ProviderResourceV1, dependsOn: string[]) => AnyResourceNode,
): AnyResourceNode[] {
  const added = resources.map((resource) =>
    toNode(
      resource,
      (resource.dependsOn ?? []).flatMap((anchor) => resolveAnchor(anchor, nodes, resources)),
    ),
  );
  return placeProviderResources([...nodes, ...added], resources);
}

/**
 * Adds `requiredBy` edges to the nodes they name: `{ requiredBy: ['nodegroups'] }` makes every
 * nodegroup (also one the config dropped, found while tearing down) wait for the resource, and so
 * go before it in `down`. Returns new node objects only for the nodes that change.
 */
export function placeProviderResources(
  nodes: readonly AnyResourceNode[],
  resources: readonly ProviderResourceV1[],
): AnyResourceNode[] {
  const extra = new Map<string, string[]>();
  for (const resource of resources) {
    const id = providerResourceNodeId(resource);
    for (const anchor of resource.requiredBy ?? []) {
      for (const target of resolveAnchor(anchor, nodes, resources)) {
        if (target !== id) extra.set(target, [...(extra.get(target) ?? []), id]);
      }
    }
  }
  return nodes.map((node) => {
    const added = (extra.get(node.id) ?? []).filter((id) => !node.dependsOn.includes(id));
    return added.length === 0 ? node : { ...node, dependsOn: [...node.dependsOn, ...added] };
  });
}
