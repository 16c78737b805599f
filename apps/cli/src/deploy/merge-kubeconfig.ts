import { parse, stringify } from 'yaml';

type Entry = { name: string } & Record<string, unknown>;
type Kubeconfig = Record<string, unknown> & {
  clusters?: Entry[];
  users?: Entry[];
  contexts?: Entry[];
};

function asConfig(text: string): Kubeconfig {
  const parsed: unknown = text.trim() === '' ? {} : parse(text);
  return parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)
    ? (parsed as Kubeconfig)
    : {};
}

function first(list: unknown): Record<string, unknown> {
  return Array.isArray(list) && list[0] !== null && typeof list[0] === 'object'
    ? (list[0] as Record<string, unknown>)
    : {};
}

/** The provider's one-cluster kubeconfig with cluster, user and context all named `name`. */
export function renameKubeconfig(text: string, name: string): Kubeconfig {
  const source = asConfig(text);
  return {
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [{ name, cluster: first(source.clusters).cluster }],
    users: [{ name, user: first(source.users).user }],
    contexts: [{ name, context: { cluster: name, user: name } }],
    'current-context': name,
  };
}

function upsert(list: Entry[] | undefined, entry: Entry | undefined): Entry[] {
  const others = (list ?? []).filter((existing) => existing.name !== entry?.name);
  return entry === undefined ? others : [...others, entry];
}

/**
 * `existing` (a user's kubeconfig, possibly empty) with hubfleet's cluster, user and context added or
 * replaced by name and made the current context; every other entry is kept as it was.
 */
export function mergeKubeconfig(existing: string, addition: Kubeconfig): string {
  const target = asConfig(existing);
  const merged: Kubeconfig = {
    apiVersion: 'v1',
    kind: 'Config',
    ...target,
    clusters: upsert(target.clusters, addition.clusters?.[0]),
    users: upsert(target.users, addition.users?.[0]),
    contexts: upsert(target.contexts, addition.contexts?.[0]),
    'current-context': addition['current-context'],
  };
  return stringify(merged);
}
