import type { Cluster } from './cluster.js';
import { cloneJson, deepEqual, type KubeObject, nameOf } from './kube-object.js';
import { commitUpdate, createObject } from './object-writes.js';
import type { ResourceType } from './resource-types.js';
import { findStored, type StoredObject } from './store.js';

/** The type a stored object belongs to (always registered while the object exists). */
export function typeOfStored(cluster: Cluster, stored: StoredObject): ResourceType {
  const type = cluster.types().byResource(stored.group, stored.plural);
  if (!type) throw new Error(`no resource type for ${stored.group}/${stored.plural}`);
  return type;
}

function refreshed(cluster: Cluster, stored: StoredObject): StoredObject | undefined {
  return findStored(cluster.state, stored, stored.namespace, stored.name);
}

/** A controller's status write; nothing is written (and no resourceVersion spent) when it is unchanged. */
export function writeStatus(
  cluster: Cluster,
  stored: StoredObject,
  status: Record<string, unknown>,
  manager: string,
): void {
  const current = refreshed(cluster, stored);
  // The controllers run on every request: an unchanged status is not copied only to be compared.
  if (!current || deepEqual(current.object.status, status)) return;
  commitUpdate(cluster, typeOfStored(cluster, current), current, { ...current.object, status }, 'status', {
    manager,
    dryRun: false,
  });
}

/** A controller's write of the main resource (spec, labels), from a changed copy of the object. */
export function writeObject(
  cluster: Cluster,
  stored: StoredObject,
  change: (object: KubeObject) => void,
  manager: string,
): void {
  const current = refreshed(cluster, stored);
  if (!current) return;
  const next = cloneJson(current.object);
  change(next);
  commitUpdate(cluster, typeOfStored(cluster, current), current, next, 'main', { manager, dryRun: false });
}

/** A controller's create (a provisioned PersistentVolume, a namespace's default ServiceAccount, a Node). */
export function createAsController(
  cluster: Cluster,
  type: ResourceType,
  namespace: string | undefined,
  object: KubeObject,
  manager: string,
): StoredObject | undefined {
  const version = type.versions[0] ?? 'v1';
  const created = createObject(cluster, type, version, namespace, object, { manager, dryRun: false });
  return findStored(cluster.state, type, namespace ?? '', nameOf(created));
}
