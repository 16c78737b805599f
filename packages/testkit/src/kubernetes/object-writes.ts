import { randomUUID } from 'node:crypto';
import type { Cluster } from './cluster.js';
import { alreadyExists, conflict, forbidden, invalid, namespaceNotFound } from './errors.js';
import {
  asRecord,
  asString,
  cloneJson,
  deepEqual,
  type KubeObject,
  kubernetesTime,
  metadataOf,
} from './kube-object.js';
import { recordUpdate } from './managed-fields.js';
import { groupVersion, type ResourceType } from './resource-types.js';
import { findStored, putObject, removeStored, type StoredObject } from './store.js';
import { applyCreateDefaults, applyUpdateDefaults, generationRelevant } from './type-defaults.js';
import { validateName, validateObject } from './validation.js';

/** Who writes, and whether for real. */
export interface WriteOptions {
  /** The field manager (the `fieldManager` query parameter, else derived from the user agent). */
  manager: string;
  dryRun: boolean;
  /** Set ownership instead of recording an Update (server-side apply does). */
  recordOwnership?: (object: KubeObject) => void;
}

const NAMESPACES = { group: '', plural: 'namespaces' };
const GENERATED_NAME_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';
const SYSTEM_FIELDS = [
  'uid',
  'resourceVersion',
  'creationTimestamp',
  'generation',
  'deletionTimestamp',
  'deletionGracePeriodSeconds',
  'managedFields',
  'selfLink',
];

function generatedSuffix(): string {
  return Array.from(
    { length: 5 },
    () => GENERATED_NAME_ALPHABET[Math.floor(Math.random() * GENERATED_NAME_ALPHABET.length)],
  ).join('');
}

/** The namespace an object is created in must exist and not be terminating. */
function checkNamespace(cluster: Cluster, type: ResourceType, namespace: string, name: string): void {
  const stored = findStored(cluster.state, NAMESPACES, '', namespace);
  if (!stored) throw namespaceNotFound(namespace);
  if (stored.deletingAt !== undefined) {
    throw forbidden(
      type,
      name,
      `unable to create new content in namespace ${namespace} because it is being terminated`,
      [
        {
          reason: 'NamespaceTerminating',
          message: `namespace ${namespace} is being terminated`,
          field: 'metadata.namespace',
        },
      ],
    );
  }
}

/**
 * Create: name (or generateName), namespace checks, 409 AlreadyExists, defaults and validation,
 * then uid, creationTimestamp, generation and a fresh resourceVersion. Status is the server's to
 * set for types with a status subresource.
 */
export function createObject(
  cluster: Cluster,
  type: ResourceType,
  version: string,
  namespace: string | undefined,
  body: KubeObject,
  options: WriteOptions,
): KubeObject {
  const object = cloneJson(body);
  object.apiVersion = groupVersion(type.group, version);
  object.kind = type.kind;
  const metadata = metadataOf(object);
  for (const field of SYSTEM_FIELDS) delete metadata[field];
  if (!asString(metadata.name) && asString(metadata.generateName))
    metadata.name = `${metadata.generateName}${generatedSuffix()}`;
  const name = asString(metadata.name) ?? '';
  const nameProblems = validateName(type, name);
  if (nameProblems.length > 0) throw invalid(type, name, nameProblems);
  if (type.namespaced && namespace !== undefined) {
    metadata.namespace = namespace;
    checkNamespace(cluster, type, namespace, name);
  } else delete metadata.namespace;
  if (findStored(cluster.state, type, namespace ?? '', name)) throw alreadyExists(type, name);
  if (type.statusSubresource) delete object.status;
  const problems = [...applyCreateDefaults(cluster, type, object), ...validateObject(type, object)];
  if (problems.length > 0) throw invalid(type, name, problems);
  const now = cluster.clock.now();
  metadata.uid = randomUUID();
  metadata.creationTimestamp = kubernetesTime(now);
  if (type.tracksGeneration) metadata.generation = 1;
  if (options.recordOwnership) options.recordOwnership(object);
  else recordUpdate(undefined, object, type.statusSubresource, options.manager, kubernetesTime(now));
  if (options.dryRun) return object;
  return putObject(cluster.state, type, object, { changedAt: now }).object;
}

function withoutVolatileMetadata(object: KubeObject): KubeObject {
  const copy = { ...object, metadata: { ...asRecord(object.metadata) } };
  delete copy.metadata.resourceVersion;
  delete copy.metadata.managedFields;
  return copy;
}

function timeless(managedFields: unknown): unknown {
  return Array.isArray(managedFields)
    ? managedFields.map((entry) => ({ ...asRecord(entry), time: undefined }))
    : managedFields;
}

/** Which part of the object an update may change. */
export type UpdateScope = 'main' | 'status';

/**
 * Commit a new version of a stored object (PUT, PATCH, apply, status updates): stale
 * resourceVersion is 409 Conflict; system metadata is kept; status is kept on main-resource writes
 * and is all a status write may change; generation moves on spec changes; a no-op writes nothing;
 * an object held only by finalizers goes once they are gone.
 */
export function commitUpdate(
  cluster: Cluster,
  type: ResourceType,
  stored: StoredObject,
  proposed: KubeObject,
  scope: UpdateScope,
  options: WriteOptions,
): KubeObject {
  const live = stored.object;
  const liveMetadata = asRecord(live.metadata) ?? {};
  const requestedVersion = asString(asRecord(proposed.metadata)?.resourceVersion);
  if (requestedVersion && requestedVersion !== liveMetadata.resourceVersion)
    throw conflict(type, stored.name);
  let next: KubeObject;
  if (scope === 'status') {
    next = cloneJson(live);
    if (proposed.status === undefined) delete next.status;
    else next.status = cloneJson(proposed.status);
  } else {
    next = cloneJson(proposed);
    if (type.statusSubresource) {
      if (live.status === undefined) delete next.status;
      else next.status = cloneJson(live.status);
    }
  }
  next.apiVersion = asString(proposed.apiVersion) ?? live.apiVersion;
  next.kind = type.kind;
  const metadata = metadataOf(next);
  for (const field of [
    'name',
    'namespace',
    'uid',
    'creationTimestamp',
    'generation',
    'deletionTimestamp',
    'deletionGracePeriodSeconds',
  ]) {
    if (liveMetadata[field] === undefined) delete metadata[field];
    else metadata[field] = cloneJson(liveMetadata[field]);
  }
  metadata.resourceVersion = liveMetadata.resourceVersion;
  metadata.managedFields = cloneJson(liveMetadata.managedFields);
  if (scope === 'main') {
    const problems = [...applyUpdateDefaults(cluster, type, live, next), ...validateObject(type, next)];
    if (problems.length > 0) throw invalid(type, stored.name, problems);
  }
  const now = cluster.clock.now();
  const specChanged =
    scope === 'main' && !deepEqual(generationRelevant(type, live), generationRelevant(type, next));
  if (specChanged && type.tracksGeneration)
    metadata.generation = (typeof liveMetadata.generation === 'number' ? liveMetadata.generation : 0) + 1;
  if (scope === 'main') {
    if (options.recordOwnership) options.recordOwnership(next);
    else recordUpdate(live, next, type.statusSubresource, options.manager, kubernetesTime(now));
  }
  if (
    deepEqual(withoutVolatileMetadata(live), withoutVolatileMetadata(next)) &&
    deepEqual(timeless(liveMetadata.managedFields), timeless(metadata.managedFields))
  ) {
    return live;
  }
  const finalizers = metadata.finalizers;
  const released =
    stored.deletingAt !== undefined &&
    type.plural !== 'namespaces' &&
    (!Array.isArray(finalizers) || finalizers.length === 0);
  if (options.dryRun) return next;
  if (released) {
    removeStored(cluster.state, stored);
    return next;
  }
  return putObject(cluster.state, type, next, {
    changedAt: specChanged ? now : stored.changedAt,
    ...(stored.deletingAt !== undefined ? { deletingAt: stored.deletingAt } : {}),
  }).object;
}
