import type { Cluster } from './cluster.js';
import { conflict, forbidden, type KubernetesStatus } from './errors.js';
import {
  asArray,
  asRecord,
  asString,
  cloneJson,
  type KubeObject,
  kubernetesTime,
  metadataOf,
  uidOf,
} from './kube-object.js';
import type { ResourceType } from './resource-types.js';
import { allStored, putObject, removeStored, type StoredObject } from './store.js';

/** DeleteOptions the fake honours. */
export interface DeleteRequest {
  dryRun: boolean;
  propagationPolicy?: string;
  preconditions?: { uid?: string; resourceVersion?: string };
}

/** Namespaces the API server refuses to delete. */
const IMMORTAL_NAMESPACES = new Set(['default', 'kube-system', 'kube-public']);

/** Read DeleteOptions from a DELETE body (JSON, possibly empty) and the query. */
export function parseDeleteRequest(body: string, query: URLSearchParams): DeleteRequest {
  let options: Record<string, unknown> = {};
  if (body.trim() !== '') {
    try {
      options = asRecord(JSON.parse(body)) ?? {};
    } catch {
      options = {};
    }
  }
  const dryRun = asArray(options.dryRun).includes('All') || query.get('dryRun') === 'All';
  const propagationPolicy =
    asString(options.propagationPolicy) ?? query.get('propagationPolicy') ?? undefined;
  const preconditions = asRecord(options.preconditions);
  return {
    dryRun,
    ...(propagationPolicy ? { propagationPolicy } : {}),
    ...(preconditions
      ? {
          preconditions: {
            ...(asString(preconditions.uid) ? { uid: asString(preconditions.uid) } : {}),
            ...(asString(preconditions.resourceVersion)
              ? { resourceVersion: asString(preconditions.resourceVersion) }
              : {}),
          },
        }
      : {}),
  };
}

function checkPreconditions(type: ResourceType, stored: StoredObject, request: DeleteRequest): void {
  const { uid, resourceVersion } = request.preconditions ?? {};
  const metadata = asRecord(stored.object.metadata) ?? {};
  if (uid && uid !== metadata.uid) {
    throw conflict(
      type,
      stored.name,
      `Precondition failed: UID in precondition: ${uid}, UID in object meta: ${String(metadata.uid)}`,
    );
  }
  if (resourceVersion && resourceVersion !== metadata.resourceVersion) {
    throw conflict(
      type,
      stored.name,
      `Precondition failed: ResourceVersion in precondition: ${resourceVersion}, ResourceVersion in object meta: ${String(metadata.resourceVersion)}`,
    );
  }
}

function markDeleting(
  cluster: Cluster,
  type: ResourceType,
  stored: StoredObject,
  dryRun: boolean,
): KubeObject {
  if (stored.deletingAt !== undefined) return stored.object;
  const now = cluster.clock.now();
  const object = cloneJson(stored.object);
  const metadata = metadataOf(object);
  metadata.deletionTimestamp = kubernetesTime(now);
  metadata.deletionGracePeriodSeconds = 0;
  if (type.group === '' && type.plural === 'namespaces')
    object.status = { ...asRecord(object.status), phase: 'Terminating' };
  if (dryRun) return object;
  return putObject(cluster.state, type, object, { changedAt: stored.changedAt, deletingAt: now }).object;
}

function orphanDependents(cluster: Cluster, owner: KubeObject): void {
  const uid = uidOf(owner);
  for (const stored of allStored(cluster.state)) {
    const references = asArray(asRecord(stored.object.metadata)?.ownerReferences);
    const kept = references.filter((reference) => asRecord(reference)?.uid !== uid);
    if (kept.length === references.length) continue;
    const metadata = metadataOf(stored.object);
    if (kept.length === 0) delete metadata.ownerReferences;
    else metadata.ownerReferences = kept;
  }
}

/** What a DELETE answers: the object (held, or for types that return it) or a Success Status. */
export type DeleteOutcome = { object: KubeObject } | { status: KubernetesStatus };

/**
 * Delete one object. Namespaces start terminating (the namespace controller, modelled in
 * namespace-lifecycle.ts, empties and removes them later); objects with finalizers get a
 * deletionTimestamp and wait; others go at once, dependents being collected in the background
 * (or orphaned with propagationPolicy=Orphan).
 */
export function deleteObject(
  cluster: Cluster,
  type: ResourceType,
  stored: StoredObject,
  request: DeleteRequest,
): DeleteOutcome {
  checkPreconditions(type, stored, request);
  const isNamespace = type.group === '' && type.plural === 'namespaces';
  if (isNamespace && IMMORTAL_NAMESPACES.has(stored.name))
    throw forbidden(type, stored.name, 'this namespace may not be deleted');
  const finalizers = asArray(asRecord(stored.object.metadata)?.finalizers);
  if (isNamespace || finalizers.length > 0)
    return { object: markDeleting(cluster, type, stored, request.dryRun) };
  if (!request.dryRun) {
    if (request.propagationPolicy === 'Orphan') orphanDependents(cluster, stored.object);
    removeStored(cluster.state, stored);
  }
  if (type.returnsDeletedObject) return { object: stored.object };
  return {
    status: {
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Success',
      details: {
        name: stored.name,
        ...(type.group ? { group: type.group } : {}),
        kind: type.plural,
        uid: uidOf(stored.object),
      },
      code: 200,
    },
  };
}
