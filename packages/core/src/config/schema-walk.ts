import type { z } from 'zod';

type AnySchema = z.core.$ZodType;

interface Def {
  type: string;
  shape?: Record<string, AnySchema>;
  element?: AnySchema;
  innerType?: AnySchema;
  in?: AnySchema;
  options?: AnySchema[];
  discriminator?: string;
  valueType?: AnySchema;
  getter?: () => AnySchema;
}

const WRAPPERS = new Set(['optional', 'nullable', 'default', 'prefault', 'readonly', 'catch', 'nonoptional']);

function defOf(schema: AnySchema): Def {
  return schema._zod.def as unknown as Def;
}

function unwrap(schema: AnySchema): AnySchema {
  let current = schema;
  for (;;) {
    const def = defOf(current);
    if (WRAPPERS.has(def.type) && def.innerType) current = def.innerType;
    else if (def.type === 'pipe' && def.in) current = def.in;
    else if (def.type === 'lazy' && def.getter) current = def.getter();
    else return current;
  }
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let current = data;
  for (const part of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[part];
  }
  return current;
}

/** Pick the union member the data is meant for: by discriminator, else the first object member. */
function chooseOption(def: Def, value: unknown): AnySchema | undefined {
  const options = def.options ?? [];
  if (def.discriminator && value !== null && typeof value === 'object') {
    const tag = (value as Record<string, unknown>)[def.discriminator];
    for (const option of options) {
      const shape = defOf(unwrap(option)).shape;
      const literal = shape?.[def.discriminator];
      const values = literal ? (literal._zod as unknown as { values?: Set<unknown> }).values : undefined;
      if (values?.has(tag)) return option;
    }
    return undefined;
  }
  return options.find((option) => defOf(unwrap(option)).type === 'object');
}

/** The schema that describes the value at `path` of `data`, following unions by the data itself. */
export function schemaAt(
  root: AnySchema,
  path: readonly PropertyKey[],
  data: unknown,
): AnySchema | undefined {
  let current: AnySchema | undefined = unwrap(root);
  for (let index = 0; index < path.length && current; index++) {
    const def = defOf(current);
    const part = path[index] as PropertyKey;
    if (def.type === 'union') {
      current = chooseOption(def, valueAt(data, path.slice(0, index)));
      index--;
    } else if (def.type === 'object') current = def.shape?.[String(part)];
    else if (def.type === 'array') current = def.element;
    else if (def.type === 'record') current = def.valueType;
    else return undefined;
    if (current) current = unwrap(current);
  }
  if (current && defOf(current).type === 'union') {
    return chooseOption(defOf(current), valueAt(data, path)) ?? current;
  }
  return current;
}

/** Field names an object at `path` accepts. */
export function knownKeysAt(root: AnySchema, path: readonly PropertyKey[], data: unknown): string[] {
  const schema = schemaAt(root, path, data);
  const shape = schema ? defOf(unwrap(schema)).shape : undefined;
  return shape ? Object.keys(shape) : [];
}

/** The schema's own description at `path`, used as the hint for a missing or malformed field. */
export function descriptionAt(
  root: AnySchema,
  path: readonly PropertyKey[],
  data: unknown,
): string | undefined {
  const parentShape = path.length > 0 ? schemaAt(root, path.slice(0, -1), data) : undefined;
  const last = path[path.length - 1];
  const field = parentShape ? defOf(unwrap(parentShape)).shape?.[String(last)] : undefined;
  for (const candidate of [field, schemaAt(root, path, data)]) {
    const description = candidate
      ? (candidate as unknown as { description?: string }).description
      : undefined;
    if (description) return description;
  }
  return undefined;
}
