/**
 * Kubernetes objects as the fake keeps them: plain JSON, typed as records of `unknown` so every
 * read is narrowed where it is used.
 */
export type KubeObject = Record<string, unknown>;

/** True for a plain JSON object (not an array, not null). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The value as a record, or undefined. */
export function asRecord(value: unknown): Record<string, unknown> | undefined {
  return isRecord(value) ? value : undefined;
}

/** The value as a string, or undefined. */
export function asString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** The value as a finite number, or undefined. */
export function asNumber(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/** The value as an array, or an empty one. */
export function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** A string-to-string map (labels, annotations, nodeSelector); other entries are dropped. */
export function asStringMap(value: unknown): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [key, entry] of Object.entries(asRecord(value) ?? {})) {
    if (typeof entry === 'string') result[key] = entry;
  }
  return result;
}

/** A deep copy of JSON data. */
export function cloneJson<T>(value: T): T {
  return structuredClone(value);
}

/** Structural equality of JSON data (key order ignored). */
export function deepEqual(left: unknown, right: unknown): boolean {
  if (left === right) return true;
  if (Array.isArray(left) || Array.isArray(right)) {
    if (!Array.isArray(left) || !Array.isArray(right) || left.length !== right.length) return false;
    return left.every((item, index) => deepEqual(item, right[index]));
  }
  if (!isRecord(left) || !isRecord(right)) return false;
  const leftKeys = Object.keys(left).filter((key) => left[key] !== undefined);
  const rightKeys = Object.keys(right).filter((key) => right[key] !== undefined);
  if (leftKeys.length !== rightKeys.length) return false;
  return leftKeys.every((key) => deepEqual(left[key], right[key]));
}

/** The value at a path of object keys, or undefined. */
export function valueAtPath(value: unknown, path: readonly string[]): unknown {
  let current = value;
  for (const key of path) {
    if (!isRecord(current)) return undefined;
    current = current[key];
  }
  return current;
}

/** The record under `key`, created when absent. */
export function childRecord(parent: Record<string, unknown>, key: string): Record<string, unknown> {
  const existing = parent[key];
  if (isRecord(existing)) return existing;
  const created: Record<string, unknown> = {};
  parent[key] = created;
  return created;
}

/** An object's metadata, created when absent. */
export function metadataOf(object: KubeObject): Record<string, unknown> {
  return childRecord(object, 'metadata');
}

/** metadata.name, or '' when absent. */
export function nameOf(object: KubeObject): string {
  return asString(asRecord(object.metadata)?.name) ?? '';
}

/** metadata.namespace, or undefined for cluster-scoped objects. */
export function namespaceOf(object: KubeObject): string | undefined {
  return asString(asRecord(object.metadata)?.namespace);
}

/** metadata.uid, or ''. */
export function uidOf(object: KubeObject): string {
  return asString(asRecord(object.metadata)?.uid) ?? '';
}

/** metadata.labels as a string map. */
export function labelsOf(object: KubeObject): Record<string, string> {
  return asStringMap(asRecord(object.metadata)?.labels);
}

/** A timestamp the way the API server writes one: RFC 3339, whole seconds, UTC. */
export function kubernetesTime(epochMilliseconds: number): string {
  return `${new Date(epochMilliseconds).toISOString().slice(0, 19)}Z`;
}
