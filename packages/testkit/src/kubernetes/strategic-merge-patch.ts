import { cloneJson, deepEqual, isRecord } from './kube-object.js';
import { mergeKeyFor } from './merge-keys.js';

const DELETE_FROM_PRIMITIVE_LIST = '$deleteFromPrimitiveList/';

function mergeKeyedLists(field: string, target: unknown[], patch: unknown[]): unknown[] {
  if (patch.some((element) => isRecord(element) && element.$patch === 'replace')) {
    return patch
      .filter((element) => !(isRecord(element) && element.$patch === 'replace'))
      .map(stripDirectives);
  }
  const key = mergeKeyFor(field, target, patch);
  if (!key) return patch.map(stripDirectives);
  const result = target.map((element) => cloneJson(element));
  for (const element of patch) {
    if (!isRecord(element)) continue;
    const index = result.findIndex(
      (existing) => isRecord(existing) && deepEqual(existing[key], element[key]),
    );
    if (element.$patch === 'delete') {
      if (index >= 0) result.splice(index, 1);
    } else if (index >= 0) {
      result[index] = applyStrategicMergePatch(result[index], element);
    } else {
      result.push(stripDirectives(element));
    }
  }
  return result;
}

/** A patch fragment with its `$`-directives removed, for values that are inserted rather than merged. */
function stripDirectives(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stripDirectives);
  if (!isRecord(value)) return value;
  const result: Record<string, unknown> = {};
  for (const [key, entry] of Object.entries(value)) {
    if (!key.startsWith('$') && entry !== null) result[key] = stripDirectives(entry);
  }
  return result;
}

/**
 * An approximation of a strategic merge patch: like a JSON merge patch, except that known lists
 * (containers, env, volumes, ports, volumeMounts, conditions…) merge element by element on their
 * merge key, and the `$patch: replace|delete` and `$deleteFromPrimitiveList` directives are honoured.
 * `$setElementOrder` and `$retainKeys` are accepted and ignored. Returns undefined when the patch
 * deletes the target itself.
 */
export function applyStrategicMergePatch(target: unknown, patch: unknown): unknown {
  if (!isRecord(patch)) return cloneJson(patch);
  if (patch.$patch === 'delete') return undefined;
  if (patch.$patch === 'replace' || !isRecord(target)) return stripDirectives(patch);
  const result: Record<string, unknown> = { ...target };
  for (const [key, value] of Object.entries(patch)) {
    if (key.startsWith(DELETE_FROM_PRIMITIVE_LIST)) {
      const field = key.slice(DELETE_FROM_PRIMITIVE_LIST.length);
      const current = result[field];
      if (Array.isArray(current) && Array.isArray(value)) {
        result[field] = current.filter((item) => !value.some((removed) => deepEqual(removed, item)));
      }
      continue;
    }
    if (key.startsWith('$')) continue;
    const current = result[key];
    if (value === null) delete result[key];
    else if (Array.isArray(value))
      result[key] = Array.isArray(current) ? mergeKeyedLists(key, current, value) : stripDirectives(value);
    else if (isRecord(value)) {
      const merged = applyStrategicMergePatch(current, value);
      if (merged === undefined) delete result[key];
      else result[key] = merged;
    } else result[key] = value;
  }
  return result;
}
