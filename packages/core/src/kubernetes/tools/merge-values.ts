function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * Helm's own merge rule for values files, so `render` shows what helm will use: objects merge key
 * by key, anything else (lists included) is replaced by the later value.
 */
export function mergeValues(
  base: Readonly<Record<string, unknown>>,
  ...overrides: readonly Readonly<Record<string, unknown>>[]
): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...base };
  for (const override of overrides) {
    for (const [key, value] of Object.entries(override)) {
      const current = merged[key];
      merged[key] = isPlainObject(current) && isPlainObject(value) ? mergeValues(current, value) : value;
    }
  }
  return merged;
}
