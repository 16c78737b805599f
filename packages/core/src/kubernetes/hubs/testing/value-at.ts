/**
 * The value under a chain of keys of a values object (`valueAt(values, 'singleuser', 'profileList', 1)`),
 * for test assertions without casts; undefined where the chain leads nowhere.
 */
export function valueAt(values: unknown, ...keys: ReadonlyArray<string | number>): unknown {
  return keys.reduce<unknown>((node, key) => {
    if (node === null || typeof node !== 'object') return undefined;
    return (node as Record<string | number, unknown>)[key];
  }, values);
}
