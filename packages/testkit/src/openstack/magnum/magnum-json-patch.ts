import { invalid } from './magnum-errors.js';

/** One RFC 6902 operation as Magnum's PATCH accepts them (replace, add, remove on top-level attributes). */
export interface PatchOperation {
  op: 'replace' | 'add' | 'remove';
  /** The attribute, without the leading slash. */
  attribute: string;
  value: unknown;
}

/** The body of a Magnum PATCH: a JSON array of operations; 400 for anything else. */
export function parsePatch(raw: string, updatable: readonly string[]): PatchOperation[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw invalid('Invalid input for field/attribute patch. Value: the body is not JSON.');
  }
  if (!Array.isArray(parsed) || parsed.length === 0)
    throw invalid(
      'Invalid input for field/attribute patch. Value: a JSON patch is a non-empty list of operations.',
    );
  return parsed.map((entry) => {
    const operation = typeof entry === 'object' && entry !== null ? (entry as Record<string, unknown>) : {};
    const op = operation.op;
    const path = operation.path;
    if (
      (op !== 'replace' && op !== 'add' && op !== 'remove') ||
      typeof path !== 'string' ||
      !/^\/[a-z_]+$/.test(path)
    )
      throw invalid(`Couldn't apply patch '${JSON.stringify(entry)}'. Reason: invalid operation or path`);
    const attribute = path.slice(1);
    if (!updatable.includes(attribute))
      throw invalid(`'${path}' is an internal attribute and can not be updated`);
    if (op !== 'remove' && !('value' in operation))
      throw invalid(
        `Couldn't apply patch '${JSON.stringify(entry)}'. Reason: 'value' is a required property`,
      );
    return { op, attribute, value: operation.value };
  });
}

export function integerValue(operation: PatchOperation, minimum: number): number {
  const value = operation.value;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < minimum)
    throw invalid(
      `Invalid input for field/attribute ${operation.attribute}. Value: ${String(value)}. Value should be greater or equal to ${minimum}`,
    );
  return value;
}
