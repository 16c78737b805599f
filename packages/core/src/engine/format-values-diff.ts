import { stringify } from 'yaml';
import { REDACTED } from './redact.js';
import type { FieldChange, PlanValue } from './resource.js';

type PathPart = string | number;

function keyText(part: PathPart): string {
  if (typeof part === 'number') return `[${part}]`;
  return /^[A-Za-z_][A-Za-z0-9_./-]*$/.test(part) ? part : JSON.stringify(part);
}

/** A non-empty map or list goes on the lines under its key; anything else after it. */
function isBlock(value: PlanValue | undefined): boolean {
  return value !== null && typeof value === 'object' && Object.keys(value).length > 0;
}

function entryLines(
  marker: '-' | '+',
  depth: number,
  key: string,
  value: PlanValue | undefined,
  secret: boolean,
): string[] {
  const indent = '  '.repeat(depth);
  if (secret) return [`${marker} ${indent}${key}: ${REDACTED}`];
  const lines = stringify(value ?? null, { lineWidth: 0 })
    .trimEnd()
    .split('\n');
  if (!isBlock(value)) return [`${marker} ${indent}${key}: ${lines.join(' ')}`];
  return [`${marker} ${indent}${key}:`, ...lines.map((line) => `${marker} ${indent}  ${line}`)];
}

/**
 * Changes with a `path` as one compact YAML diff: the keys leading to each change once, then the old
 * value on a `-` line and the new one on a `+` line (an added key only `+`, a removed one only `-`),
 * secrets as `(secret)`.
 */
export function formatValuesDiff(changes: readonly FieldChange[]): string[] {
  const lines: string[] = [];
  let printed: PathPart[] = [];
  for (const change of changes) {
    const path = change.path ?? [change.field];
    const parents = path.slice(0, -1);
    let shared = 0;
    while (shared < parents.length && shared < printed.length && parents[shared] === printed[shared])
      shared += 1;
    for (let depth = shared; depth < parents.length; depth += 1) {
      lines.push(`  ${'  '.repeat(depth)}${keyText(parents[depth] as PathPart)}:`);
    }
    printed = parents;
    const key = keyText(path.at(-1) as PathPart);
    const secret = change.secret === true;
    if (change.from !== undefined) lines.push(...entryLines('-', parents.length, key, change.from, secret));
    if (change.to !== undefined) lines.push(...entryLines('+', parents.length, key, change.to, secret));
  }
  return lines;
}
