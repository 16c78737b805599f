import { deepEqual, isRecord, type KubeObject } from './kube-object.js';
import { mergeKeyFor } from './merge-keys.js';

/**
 * Field ownership for server-side apply, in the API server's `FieldsV1` vocabulary: a path is a
 * list of `f:<field>`, `k:<json key>` (an element of a keyed list) and `.` (the element itself).
 * Sets hold paths encoded as JSON strings.
 */
export type FieldSet = Set<string>;

/** One `metadata.managedFields` entry with its fields decoded. */
export interface ManagedEntry {
  manager: string;
  operation: 'Apply' | 'Update';
  apiVersion: string;
  time: string;
  fields: FieldSet;
}

const SYSTEM_METADATA = [
  'name',
  'namespace',
  'uid',
  'resourceVersion',
  'generation',
  'creationTimestamp',
  'deletionTimestamp',
  'deletionGracePeriodSeconds',
  'managedFields',
  'selfLink',
];

/** The part of an object field ownership covers: no apiVersion/kind, no system metadata, no status when it is a subresource. */
export function ownableView(object: KubeObject, statusIsSubresource: boolean): KubeObject {
  const view: KubeObject = { ...object };
  delete view.apiVersion;
  delete view.kind;
  if (statusIsSubresource) delete view.status;
  if (isRecord(view.metadata)) {
    const metadata = { ...view.metadata };
    for (const key of SYSTEM_METADATA) delete metadata[key];
    if (Object.keys(metadata).length === 0) delete view.metadata;
    else view.metadata = metadata;
  }
  return view;
}

function collect(value: Record<string, unknown>, prefix: readonly string[], into: FieldSet): void {
  for (const [key, entry] of Object.entries(value)) {
    if (entry === undefined || entry === null) continue;
    const path = [...prefix, `f:${key}`];
    if (isRecord(entry) && Object.keys(entry).length > 0) collect(entry, path, into);
    else if (Array.isArray(entry) && entry.length > 0 && mergeKeyFor(key, entry)) {
      const mergeKey = mergeKeyFor(key, entry) ?? '';
      for (const element of entry) {
        if (!isRecord(element)) continue;
        const elementPath = [...path, `k:${JSON.stringify({ [mergeKey]: element[mergeKey] })}`];
        into.add(JSON.stringify([...elementPath, '.']));
        collect(element, elementPath, into);
      }
    } else into.add(JSON.stringify(path));
  }
}

/** Every leaf path of a (view of an) object. */
export function leafPaths(view: KubeObject): FieldSet {
  const paths: FieldSet = new Set();
  collect(view, [], paths);
  return paths;
}

/** Paths as the nested `fieldsV1` object the API server stores. */
export function toFieldsV1(fields: FieldSet): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const encoded of [...fields].sort()) {
    let node = root;
    for (const element of JSON.parse(encoded) as string[]) {
      const existing = node[element];
      if (isRecord(existing)) node = existing;
      else {
        const created: Record<string, unknown> = {};
        node[element] = created;
        node = created;
      }
    }
  }
  return root;
}

/** Leaf paths of a stored `fieldsV1` object. */
export function fromFieldsV1(fieldsV1: unknown): FieldSet {
  const paths: FieldSet = new Set();
  const walk = (node: Record<string, unknown>, prefix: string[]) => {
    for (const [key, child] of Object.entries(node)) {
      if (!isRecord(child)) continue;
      if (Object.keys(child).length === 0) paths.add(JSON.stringify([...prefix, key]));
      else walk(child, [...prefix, key]);
    }
  };
  if (isRecord(fieldsV1)) walk(fieldsV1, []);
  return paths;
}

/** The decoded `metadata.managedFields` of an object. */
export function readManagedFields(object: KubeObject): ManagedEntry[] {
  const metadata = isRecord(object.metadata) ? object.metadata : {};
  const entries = Array.isArray(metadata.managedFields) ? metadata.managedFields : [];
  return entries.filter(isRecord).map((entry) => ({
    manager: typeof entry.manager === 'string' ? entry.manager : 'unknown',
    operation: entry.operation === 'Apply' ? 'Apply' : 'Update',
    apiVersion: typeof entry.apiVersion === 'string' ? entry.apiVersion : '',
    time: typeof entry.time === 'string' ? entry.time : '',
    fields: fromFieldsV1(entry.fieldsV1),
  }));
}

/** Store entries (empty ones dropped) into `metadata.managedFields`. */
export function writeManagedFields(object: KubeObject, entries: readonly ManagedEntry[]): void {
  const metadata = isRecord(object.metadata) ? object.metadata : {};
  object.metadata = metadata;
  const kept = entries.filter((entry) => entry.fields.size > 0);
  if (kept.length === 0) {
    delete metadata.managedFields;
    return;
  }
  metadata.managedFields = kept.map((entry) => ({
    manager: entry.manager,
    operation: entry.operation,
    apiVersion: entry.apiVersion,
    time: entry.time,
    fieldsType: 'FieldsV1',
    fieldsV1: toFieldsV1(entry.fields),
  }));
}

function findElement(list: unknown[], element: string): number {
  const key = JSON.parse(element.slice(2)) as Record<string, unknown>;
  return list.findIndex(
    (item) => isRecord(item) && Object.entries(key).every(([field, value]) => deepEqual(item[field], value)),
  );
}

/** The value at an encoded path, or undefined when the object does not have it. */
export function valueAtFieldPath(object: unknown, encoded: string): unknown {
  let current = object;
  for (const element of JSON.parse(encoded) as string[]) {
    if (element === '.') continue;
    if (element.startsWith('f:') && isRecord(current)) current = current[element.slice(2)];
    else if (element.startsWith('k:') && Array.isArray(current))
      current = current[findElement(current, element)];
    else return undefined;
  }
  return current;
}

function removeFrom(container: unknown, path: readonly string[]): void {
  const [head, ...rest] = path;
  if (head === undefined) return;
  if (head.startsWith('f:') && isRecord(container)) {
    const field = head.slice(2);
    if (rest.length === 0) {
      delete container[field];
      return;
    }
    const child = container[field];
    removeFrom(child, rest);
    if (isRecord(child) && Object.keys(child).length === 0) delete container[field];
  } else if (head.startsWith('k:') && Array.isArray(container)) {
    const index = findElement(container, head);
    if (index < 0) return;
    if (rest.length === 1 && rest[0] === '.') container.splice(index, 1);
    else removeFrom(container[index], rest);
  }
}

/** Remove the field at an encoded path (and maps it leaves empty). */
export function removeFieldPath(object: KubeObject, encoded: string): void {
  removeFrom(object, JSON.parse(encoded) as string[]);
}

/** `.spec.template.spec.containers[name="web"].image`: a path the way conflict messages print it. */
export function describeFieldPath(encoded: string): string {
  return (JSON.parse(encoded) as string[])
    .map((element) => {
      if (element.startsWith('f:')) return `.${element.slice(2)}`;
      if (element.startsWith('k:')) {
        const key = JSON.parse(element.slice(2)) as Record<string, unknown>;
        return `[${Object.entries(key)
          .map(([field, value]) => `${field}=${JSON.stringify(value)}`)
          .join(',')}]`;
      }
      return '';
    })
    .join('');
}

/**
 * Ownership after an Update (create, PUT, non-apply PATCH): the manager takes every field it set or
 * changed, from whoever owned it; fields that disappeared leave every set.
 */
export function recordUpdate(
  live: KubeObject | undefined,
  next: KubeObject,
  statusIsSubresource: boolean,
  manager: string,
  time: string,
): void {
  const entries = live ? readManagedFields(live) : [];
  const before = live ? leafPaths(ownableView(live, statusIsSubresource)) : new Set<string>();
  const after = leafPaths(ownableView(next, statusIsSubresource));
  const liveView = live ?? {};
  const changed = [...after].filter(
    (path) => !before.has(path) || !deepEqual(valueAtFieldPath(liveView, path), valueAtFieldPath(next, path)),
  );
  for (const entry of entries) {
    for (const path of entry.fields) if (!after.has(path)) entry.fields.delete(path);
    if (entry.manager !== manager || entry.operation !== 'Update')
      for (const path of changed) entry.fields.delete(path);
  }
  if (changed.length > 0) {
    const apiVersion = typeof next.apiVersion === 'string' ? next.apiVersion : '';
    let own = entries.find((entry) => entry.manager === manager && entry.operation === 'Update');
    if (!own) {
      own = { manager, operation: 'Update', apiVersion, time, fields: new Set() };
      entries.push(own);
    }
    for (const path of changed) own.fields.add(path);
    own.time = time;
  }
  writeManagedFields(next, entries);
}
