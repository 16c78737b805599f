import { resourceTypeFromDefinition } from './crd-types.js';
import type { KubeObject } from './kube-object.js';
import { BUILT_IN_RESOURCE_TYPES, type ResourceType } from './resource-types.js';

/** The resource types served at one moment: the built-ins plus those the stored CRDs register. */
export interface TypeRegistry {
  readonly all: readonly ResourceType[];
  /** The type served at `group`/`version` under `plural`, if any. */
  find(group: string, version: string, plural: string): ResourceType | undefined;
  /** The type stored under `group`/`plural`, whatever the version. */
  byResource(group: string, plural: string): ResourceType | undefined;
  /** The type for an object's apiVersion and kind. */
  byKind(apiVersion: string, kind: string): ResourceType | undefined;
}

/** Build the registry from the stored CustomResourceDefinitions. */
export function createTypeRegistry(definitions: readonly KubeObject[]): TypeRegistry {
  const all: ResourceType[] = [...BUILT_IN_RESOURCE_TYPES];
  for (const definition of definitions) {
    const type = resourceTypeFromDefinition(definition);
    if (type && !all.some((known) => known.group === type.group && known.plural === type.plural))
      all.push(type);
  }
  const byResource = (group: string, plural: string) =>
    all.find((type) => type.group === group && type.plural === plural);
  return {
    all,
    byResource,
    find(group, version, plural) {
      const type = byResource(group, plural);
      return type?.versions.includes(version) ? type : undefined;
    },
    byKind(apiVersion, kind) {
      const [group, version] = apiVersion.includes('/') ? apiVersion.split('/', 2) : ['', apiVersion];
      return all.find(
        (type) => type.group === group && type.kind === kind && type.versions.includes(version ?? ''),
      );
    },
  };
}
