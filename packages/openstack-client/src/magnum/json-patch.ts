/** One RFC 6902 operation, as Magnum's PATCH calls take them (`[{op, path, value}]`). */
export interface JsonPatchOperation {
  op: 'add' | 'replace' | 'remove';
  /** e.g. `/node_count`, `/max_node_count`. */
  path: string;
  value?: unknown;
}

export function replace(path: string, value: unknown): JsonPatchOperation {
  return { op: 'replace', path, value };
}
