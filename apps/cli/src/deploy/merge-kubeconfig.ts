import { HubfleetError } from '@hubfleet/core';
import { parse, stringify } from 'yaml';

type Entry = { name: string } & Record<string, unknown>;
export type Kubeconfig = Record<string, unknown> & {
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

const SECTIONS = ['clusters', 'users', 'contexts'] as const;

function notAKubeconfig(file: string, why: string): HubfleetError {
  return new HubfleetError({
    kind: 'invalid-config',
    message: `${file} is not a kubeconfig hubfleet can merge into: ${why}; it was left as it was`,
    hint: "fix or move that file, or write this cluster's kubeconfig to a file of its own with --out FILE",
  });
}

/**
 * The user's kubeconfig `file` (its text; empty when there is none) as a mapping, or the
 * `invalid-config` error naming the file when it is not YAML, not a mapping, or its clusters, users
 * or contexts are not lists: hubfleet never overwrites a file it cannot read.
 */
export function readKubeconfig(text: string, file: string): Kubeconfig {
  if (text.trim() === '') return {};
  let parsed: unknown;
  try {
    parsed = parse(text);
  } catch (error) {
    const first = (error instanceof Error ? error.message : String(error)).split('\n')[0]?.replace(/:$/, '');
    throw notAKubeconfig(file, `it is not valid YAML (${first})`);
  }
  if (parsed === null || parsed === undefined) return {};
  if (typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw notAKubeconfig(file, `it is ${Array.isArray(parsed) ? 'a list' : 'a single value'}, not a mapping`);
  }
  const config = parsed as Record<string, unknown>;
  for (const section of SECTIONS) {
    const value = config[section];
    if (value !== undefined && value !== null && !Array.isArray(value)) {
      throw notAKubeconfig(file, `its ${section} is not a list`);
    }
  }
  return config as Kubeconfig;
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

function upsert(list: readonly unknown[] | null | undefined, entry: Entry | undefined): unknown[] {
  const others = (list ?? []).filter((existing) => (existing as Partial<Entry> | null)?.name !== entry?.name);
  return entry === undefined ? others : [...others, entry];
}

/**
 * `existing` (the text of the user's kubeconfig `file`, possibly empty) with hubfleet's cluster, user
 * and context added or replaced by name and made the current context; every other entry is kept as
 * it was. Throws (naming `file`) rather than overwrite a file that is not a kubeconfig (`readKubeconfig`).
 */
export function mergeKubeconfig(existing: string, addition: Kubeconfig, file: string): string {
  const target = readKubeconfig(existing, file);
  const merged: Record<string, unknown> = {
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
