/**
 * Lenient readers for the JSON bodies restJson clients send: a field of the wrong type reads as
 * absent, so the service's own validation decides what is missing.
 */
export type JsonObject = Readonly<Record<string, unknown>>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The body as an object; an empty body is `{}`; anything else that is not an object is `undefined`. */
export function parseJsonObject(body: string): JsonObject | undefined {
  if (body.trim() === '') return {};
  try {
    const parsed: unknown = JSON.parse(body);
    return isObject(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

export function stringField(object: JsonObject | undefined, key: string): string | undefined {
  const value = object?.[key];
  return typeof value === 'string' ? value : undefined;
}

export function numberField(object: JsonObject | undefined, key: string): number | undefined {
  const value = object?.[key];
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

export function booleanField(object: JsonObject | undefined, key: string): boolean | undefined {
  const value = object?.[key];
  return typeof value === 'boolean' ? value : undefined;
}

export function objectField(object: JsonObject | undefined, key: string): JsonObject | undefined {
  const value = object?.[key];
  return isObject(value) ? value : undefined;
}

export function stringArrayField(object: JsonObject | undefined, key: string): string[] | undefined {
  const value = object?.[key];
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : undefined;
}

export function objectArrayField(object: JsonObject | undefined, key: string): JsonObject[] | undefined {
  const value = object?.[key];
  return Array.isArray(value) ? value.filter(isObject) : undefined;
}

/** A string-to-string map such as `tags` or `labels`; non-string values are dropped. */
export function stringMapField(
  object: JsonObject | undefined,
  key: string,
): Record<string, string> | undefined {
  const value = objectField(object, key);
  if (!value) return undefined;
  return Object.fromEntries(
    Object.entries(value).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
  );
}
