import { conflict } from './errors.js';
import { cloneJson, deepEqual, isRecord, type KubeObject, nameOf } from './kube-object.js';
import {
  describeFieldPath,
  type FieldSet,
  leafPaths,
  type ManagedEntry,
  ownableView,
  readManagedFields,
  removeFieldPath,
  valueAtFieldPath,
  writeManagedFields,
} from './managed-fields.js';
import type { ResourceType } from './resource-types.js';
import { applyStrategicMergePatch } from './strategic-merge-patch.js';

/** What one apply request asks for. */
export interface ApplyRequest {
  type: ResourceType;
  /** The apply configuration (the request body). */
  configuration: KubeObject;
  manager: string;
  force: boolean;
  apiVersion: string;
  time: string;
}

function withoutNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutNulls);
  if (!isRecord(value)) return value;
  const result: Record<string, unknown> = {};
  for (const [key, entry] of Object.entries(value)) if (entry !== null) result[key] = withoutNulls(entry);
  return result;
}

function conflictsWith(
  live: KubeObject,
  configuration: KubeObject,
  applied: FieldSet,
  other: ManagedEntry,
): string[] {
  return [...other.fields].filter(
    (path) =>
      applied.has(path) &&
      !path.endsWith(',"."]') &&
      !deepEqual(valueAtFieldPath(live, path), valueAtFieldPath(configuration, path)),
  );
}

/** The fields the applier owns when it creates the object. */
export function ownershipOnCreate(request: ApplyRequest, created: KubeObject): void {
  const configuration = withoutNulls(request.configuration) as KubeObject;
  const fields = leafPaths(ownableView(configuration, request.type.statusSubresource));
  writeManagedFields(created, [
    {
      manager: request.manager,
      operation: 'Apply',
      apiVersion: request.apiVersion,
      time: request.time,
      fields,
    },
  ]);
}

/**
 * Server-side apply onto a live object: conflicts with other managers' differing fields are 409
 * unless `force` (which takes them over); fields this manager applied before and no longer applies
 * are removed unless someone else owns them; the configuration is then merged in (keyed lists by
 * their merge key, others replaced). Returns the next object with its managedFields.
 */
export function applyToLive(live: KubeObject, request: ApplyRequest): KubeObject {
  const { type, manager } = request;
  const configuration = ownableView(
    withoutNulls(request.configuration) as KubeObject,
    type.statusSubresource,
  );
  const applied = leafPaths(configuration);
  const entries = readManagedFields(live);
  const others = entries.filter((entry) => !(entry.manager === manager && entry.operation === 'Apply'));
  const conflicts = others.flatMap((entry) =>
    conflictsWith(live, configuration, applied, entry).map((path) => ({ entry, path })),
  );
  if (conflicts.length > 0 && !request.force) {
    const name = nameOf(live);
    const causes = conflicts.map(({ entry, path }) => ({
      reason: 'FieldManagerConflict',
      message: `conflict with "${entry.manager}" using ${entry.apiVersion}`,
      field: describeFieldPath(path),
    }));
    const summary = causes.map((cause) => `${cause.message}: ${cause.field}`).join('\n- ');
    const plural = conflicts.length === 1 ? 'conflict' : 'conflicts';
    throw conflict(type, name, `Apply failed with ${conflicts.length} ${plural}: ${summary}`, causes);
  }
  for (const { entry, path } of conflicts) entry.fields.delete(path);
  const previous = entries.find((entry) => entry.manager === manager && entry.operation === 'Apply');
  const ownedByOthers = new Set(others.flatMap((entry) => [...entry.fields]));
  const next = cloneJson(live);
  for (const path of previous?.fields ?? []) {
    if (!applied.has(path) && !ownedByOthers.has(path)) removeFieldPath(next, path);
  }
  const merged = applyStrategicMergePatch(next, configuration) as KubeObject;
  const own: ManagedEntry = previous ?? {
    manager,
    operation: 'Apply',
    apiVersion: request.apiVersion,
    time: request.time,
    fields: new Set(),
  };
  own.fields = applied;
  own.time = request.time;
  own.apiVersion = request.apiVersion;
  writeManagedFields(merged, previous ? entries : [...entries, own]);
  return merged;
}
