import { groupVersion, type ResourceType } from './resource-types.js';
import type { TypeRegistry } from './type-registry.js';

const STANDARD_VERBS = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];
const SUBRESOURCE_VERBS = ['get', 'patch', 'update'];

/** `/version`. */
export function versionInfo(gitVersion: string): Record<string, string> {
  const match = /^v(\d+)\.(\d+)/.exec(gitVersion);
  return {
    major: match?.[1] ?? '1',
    minor: match?.[2] ?? '0',
    gitVersion,
    gitCommit: '0000000000000000000000000000000000000000',
    gitTreeState: 'clean',
    buildDate: '2025-01-01T00:00:00Z',
    goVersion: 'go1.23.6',
    compiler: 'gc',
    platform: 'linux/amd64',
  };
}

/** `/api`: the core group's versions. */
export function legacyApiVersions(serverAddress: string): Record<string, unknown> {
  return {
    kind: 'APIVersions',
    versions: ['v1'],
    serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress }],
  };
}

function groupEntry(types: readonly ResourceType[], group: string): Record<string, unknown> {
  const versions: string[] = [];
  for (const type of types) {
    if (type.group !== group) continue;
    for (const version of type.versions) if (!versions.includes(version)) versions.push(version);
  }
  const preferred = types.find((type) => type.group === group)?.versions[0] ?? versions[0] ?? 'v1';
  const entry = (version: string) => ({ groupVersion: groupVersion(group, version), version });
  return { name: group, versions: versions.map(entry), preferredVersion: entry(preferred) };
}

/** `/apis`: every named group with its versions. */
export function apiGroupList(registry: TypeRegistry): Record<string, unknown> {
  const groups: string[] = [];
  for (const type of registry.all)
    if (type.group !== '' && !groups.includes(type.group)) groups.push(type.group);
  return {
    kind: 'APIGroupList',
    apiVersion: 'v1',
    groups: groups.map((group) => groupEntry(registry.all, group)),
  };
}

/** `/apis/<group>`, or undefined for a group nothing serves. */
export function apiGroup(registry: TypeRegistry, group: string): Record<string, unknown> | undefined {
  if (!registry.all.some((type) => type.group === group)) return undefined;
  return { kind: 'APIGroup', apiVersion: 'v1', ...groupEntry(registry.all, group) };
}

function resourceEntries(type: ResourceType): Record<string, unknown>[] {
  const main: Record<string, unknown> = {
    name: type.plural,
    singularName: type.singular,
    namespaced: type.namespaced,
    kind: type.kind,
    verbs:
      type.plural === 'namespaces'
        ? STANDARD_VERBS.filter((verb) => verb !== 'deletecollection')
        : STANDARD_VERBS,
    ...(type.shortNames.length > 0 ? { shortNames: [...type.shortNames] } : {}),
    ...(type.categories.length > 0 ? { categories: [...type.categories] } : {}),
  };
  const status = {
    name: `${type.plural}/status`,
    singularName: '',
    namespaced: type.namespaced,
    kind: type.kind,
    verbs: SUBRESOURCE_VERBS,
  };
  return type.statusSubresource ? [main, status] : [main];
}

/** `/api/v1` or `/apis/<group>/<version>`: the APIResourceList discovery clients map kinds with. */
export function apiResourceList(
  registry: TypeRegistry,
  group: string,
  version: string,
): Record<string, unknown> | undefined {
  const types = registry.all.filter((type) => type.group === group && type.versions.includes(version));
  if (types.length === 0) return undefined;
  return {
    kind: 'APIResourceList',
    apiVersion: 'v1',
    groupVersion: groupVersion(group, version),
    resources: types.flatMap(resourceEntries),
  };
}
