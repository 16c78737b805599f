/** A Helm values object (or any part of one). */
export type Values = Record<string, unknown>;

/** Keys that would reach Object.prototype if copied onto a plain object; never valid Helm values. */
const UNSAFE_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

export function isPlainObject(value: unknown): value is Values {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/**
 * Merge `override` into `base` the way Helm merges `--values` files: maps merge key by key, while lists,
 * scalars and `null` replace what was there. `null` is kept (not deleted) so Helm can still use it to
 * drop a chart default, e.g. `singleuser.cmd: null`. Neither input is modified.
 */
export function deepMerge(base: Values, override: Values): Values {
  const merged: Values = { ...base };
  for (const [key, value] of Object.entries(override)) {
    if (UNSAFE_KEYS.has(key)) continue;
    const current = merged[key];
    merged[key] = isPlainObject(current) && isPlainObject(value) ? deepMerge(current, value) : value;
  }
  return merged;
}

/** Merge value fragments in order: later fragments win. */
export function mergeAll(fragments: readonly Values[]): Values {
  return fragments.reduce<Values>((merged, fragment) => deepMerge(merged, fragment), {});
}

/**
 * Dotted paths where `override` replaces a value `base` already sets (not where it only adds keys):
 * what an `extraValues` escape hatch takes over from hubfleet.
 */
export function overriddenPaths(base: Values, override: Values, prefix = ''): string[] {
  return Object.entries(override).flatMap(([key, value]) => {
    if (!Object.hasOwn(base, key) || UNSAFE_KEYS.has(key)) return [];
    const current = base[key];
    const path = prefix === '' ? key : `${prefix}.${key}`;
    if (isPlainObject(current) && isPlainObject(value)) return overriddenPaths(current, value, path);
    return [path];
  });
}
