/**
 * Lenient readers for what clouds answer: a field of the wrong type reads as absent (or its
 * fallback), so a cloud that adds or omits a field does not break hubfleet.
 */
export type Wire = Readonly<Record<string, unknown>>;

export function asWire(value: unknown): Wire {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Wire) : {};
}

export function wireString(wire: Wire, key: string): string | undefined {
  const value = wire[key];
  return typeof value === 'string' ? value : undefined;
}

export function wireNullableString(wire: Wire, key: string): string | null {
  return wireString(wire, key) ?? null;
}

export function wireNumber(wire: Wire, key: string): number | undefined {
  const value = wire[key];
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

export function wireBoolean(wire: Wire, key: string): boolean | undefined {
  const value = wire[key];
  return typeof value === 'boolean' ? value : undefined;
}

export function wireStrings(wire: Wire, key: string): string[] {
  const value = wire[key];
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

/** A string map (labels, metadata); values that are not strings are dropped. */
export function wireStringMap(wire: Wire, key: string): Record<string, string> {
  const value = asWire(wire[key]);
  return Object.fromEntries(
    Object.entries(value).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
  );
}

/** An ISO time as epoch milliseconds; undefined when absent or unreadable. */
export function wireTime(wire: Wire, key: string): number | undefined {
  const text = wireString(wire, key);
  if (!text) return undefined;
  const parsed = Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(text) ? text : `${text}Z`);
  return Number.isNaN(parsed) ? undefined : parsed;
}
