import { asArray, asRecord, asString, type KubeObject } from './kube-object.js';
import type { ResourceType } from './resource-types.js';

const VERSION_PATTERN = /^v(\d+)(?:(alpha|beta)(\d+))?$/;

/** Kubernetes version priority: GA before beta before alpha, higher numbers first, then the rest by name. */
export function compareVersionPriority(left: string, right: string): number {
  const rank = (version: string): [number, number, number] => {
    const match = VERSION_PATTERN.exec(version);
    if (!match) return [0, 0, 0];
    const stability = match[2] === undefined ? 3 : match[2] === 'beta' ? 2 : 1;
    return [stability, Number(match[1]), Number(match[3] ?? 0)];
  };
  const [a, b] = [rank(left), rank(right)];
  for (let index = 0; index < 3; index++) {
    const difference = (b[index] ?? 0) - (a[index] ?? 0);
    if (difference !== 0) return difference;
  }
  return left.localeCompare(right);
}

/** The resource type a CustomResourceDefinition registers, or undefined when it serves no version. */
export function resourceTypeFromDefinition(definition: KubeObject): ResourceType | undefined {
  const spec = asRecord(definition.spec) ?? {};
  const names = asRecord(spec.names) ?? {};
  const group = asString(spec.group);
  const plural = asString(names.plural);
  const kind = asString(names.kind);
  if (!group || !plural || !kind) return undefined;
  const served = asArray(spec.versions)
    .map(asRecord)
    .filter(
      (version): version is Record<string, unknown> => version !== undefined && version.served !== false,
    );
  const versions = served
    .map((version) => asString(version.name))
    .filter((name): name is string => Boolean(name))
    .sort(compareVersionPriority);
  if (versions.length === 0) return undefined;
  return {
    group,
    versions,
    plural,
    singular: asString(names.singular) ?? kind.toLowerCase(),
    kind,
    listKind: asString(names.listKind) ?? `${kind}List`,
    namespaced: spec.scope !== 'Cluster',
    shortNames: asArray(names.shortNames).filter((name): name is string => typeof name === 'string'),
    categories: asArray(names.categories).filter((name): name is string => typeof name === 'string'),
    statusSubresource: served.some(
      (version) => asRecord(asRecord(version.subresources)?.status) !== undefined,
    ),
    tracksGeneration: true,
    returnsDeletedObject: false,
    allowCreateOnUpdate: false,
    fieldLabels: {},
    builtIn: false,
  };
}
