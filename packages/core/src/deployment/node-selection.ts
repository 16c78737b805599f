import { HubfleetError } from '../errors/index.js';
import { NODE_GROUP_LABEL } from '../kubernetes/placement.js';
import type { ProviderV1 } from '../provider/v1/provider.js';
import type { ProviderSessionV1 } from '../provider/v1/session.js';

/** What finding a nodegroup's nodes needs: the provider's capabilities and the session's `nodeSelector`. */
export interface NodeFinder {
  provider: Pick<ProviderV1, 'capabilities' | 'displayName'>;
  session: Pick<ProviderSessionV1, 'nodeGroups'>;
}

/** A Node as far as finding its nodegroup needs. */
export interface NodeLike {
  metadata: { name: string; labels?: Record<string, string> };
}

/**
 * The label selector that finds a nodegroup's nodes: `hubfleet.io/nodegroup=<name>` where the
 * cloud carries labels to nodes, else the provider's `nodeGroups.nodeSelector(name)`, which selects by
 * what the cloud itself puts on them (core's own label may not be there yet on a node that just joined).
 */
export function nodeGroupSelector(context: NodeFinder, name: string): string {
  const fromProvider = context.session.nodeGroups.nodeSelector?.(name);
  if (fromProvider !== undefined) return fromProvider;
  if (context.provider.capabilities.nodeLabelsReachNodes) return `${NODE_GROUP_LABEL}=${name}`;
  throw new HubfleetError({
    kind: 'internal',
    message: `${context.provider.displayName} declares that nodegroup labels do not reach nodes but offers no nodeGroups.nodeSelector, so hubfleet cannot tell which nodes belong to nodegroup ${name}`,
    hint: 'this is a provider bug: implement nodeGroups.nodeSelector(name) (see docs/adding-a-provider.md)',
    subject: `nodegroup/${name}`,
  });
}

/**
 * Whether `labels` match an equality-based label selector (`a=b,c==d,e!=f,g,!h`), the only kinds a
 * provider's nodeSelector uses; nodes are listed once and matched here, so finding one nodegroup's
 * nodes costs no call of its own.
 */
export function matchesSelector(labels: Readonly<Record<string, string>>, selector: string): boolean {
  return selector
    .split(',')
    .map((term) => term.trim())
    .filter((term) => term !== '')
    .every((term) => {
      const unequal = /^([^!=]+)!=(.*)$/.exec(term);
      if (unequal) return labels[unequal[1]?.trim() ?? ''] !== unequal[2]?.trim();
      const equal = /^([^!=]+)==?(.*)$/.exec(term);
      if (equal) return labels[equal[1]?.trim() ?? ''] === equal[2]?.trim();
      if (term.startsWith('!')) return !(term.slice(1) in labels);
      return term in labels;
    });
}

/** The nodes of `nodes` that belong to nodegroup `name`. */
export function nodesOfGroup<Node extends NodeLike>(
  context: NodeFinder,
  nodes: readonly Node[],
  name: string,
): Node[] {
  const selector = nodeGroupSelector(context, name);
  return nodes.filter((node) => matchesSelector(node.metadata.labels ?? {}, selector));
}
