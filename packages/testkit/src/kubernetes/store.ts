import { type KubeObject, metadataOf } from './kube-object.js';
import type { KubernetesNodeGroup } from './node-group.js';
import type { ResourceType } from './resource-types.js';

/** One stored object and the bookkeeping the modelled controllers need. */
export interface StoredObject {
  group: string;
  plural: string;
  /** '' for cluster-scoped objects. */
  namespace: string;
  name: string;
  object: KubeObject;
  /** Epoch ms of creation or of the last spec change: modelled rollouts and provisioning count from here. */
  changedAt: number;
  /** Epoch ms the object was marked for deletion (namespaces terminating, objects held by finalizers). */
  deletingAt?: number;
}

/** The whole fake cluster as plain JSON, persistable with createStateStore. */
export interface KubernetesState {
  /** The global resourceVersion counter (etcd's revision). */
  resourceVersion: number;
  objects: Record<string, StoredObject>;
  nodeGroups: KubernetesNodeGroup[];
}

/** An empty cluster; kubernetes-fake.ts seeds the objects every cluster starts with. */
export function emptyKubernetesState(): KubernetesState {
  return { resourceVersion: 1, objects: {}, nodeGroups: [] };
}

/** The storage key; keys sort like etcd's, by resource, then namespace, then name. */
export function objectKey(group: string, plural: string, namespace: string, name: string): string {
  return `${group}|${plural}|${namespace}|${name}`;
}

/** The stored object of `type` at namespace/name, if any. */
export function findStored(
  state: KubernetesState,
  type: Pick<ResourceType, 'group' | 'plural'>,
  namespace: string,
  name: string,
): StoredObject | undefined {
  return state.objects[objectKey(type.group, type.plural, namespace, name)];
}

/** Stored objects of `type`, in key order, optionally in one namespace. */
export function listStored(
  state: KubernetesState,
  type: Pick<ResourceType, 'group' | 'plural'>,
  namespace?: string,
): StoredObject[] {
  return Object.keys(state.objects)
    .sort()
    .map((key) => state.objects[key])
    .filter(
      (stored): stored is StoredObject =>
        stored !== undefined &&
        stored.group === type.group &&
        stored.plural === type.plural &&
        (namespace === undefined || stored.namespace === namespace),
    );
}

/** Every stored object, in key order. */
export function allStored(state: KubernetesState): StoredObject[] {
  return Object.keys(state.objects)
    .sort()
    .map((key) => state.objects[key])
    .filter((stored): stored is StoredObject => stored !== undefined);
}

/** Write an object: the global resourceVersion moves on and is stamped into its metadata. */
export function putObject(
  state: KubernetesState,
  type: Pick<ResourceType, 'group' | 'plural'>,
  object: KubeObject,
  bookkeeping: { changedAt: number; deletingAt?: number },
): StoredObject {
  state.resourceVersion += 1;
  const metadata = metadataOf(object);
  metadata.resourceVersion = String(state.resourceVersion);
  const namespace = typeof metadata.namespace === 'string' ? metadata.namespace : '';
  const name = typeof metadata.name === 'string' ? metadata.name : '';
  const stored: StoredObject = {
    group: type.group,
    plural: type.plural,
    namespace,
    name,
    object,
    ...bookkeeping,
  };
  state.objects[objectKey(type.group, type.plural, namespace, name)] = stored;
  return stored;
}

/** Remove an object; the resourceVersion moves on as a delete is a write too. */
export function removeStored(state: KubernetesState, stored: StoredObject): void {
  delete state.objects[objectKey(stored.group, stored.plural, stored.namespace, stored.name)];
  state.resourceVersion += 1;
}
