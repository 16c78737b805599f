import type { z } from 'zod';
import { printable } from '../errors/printable.js';
import { didYouMean } from './did-you-mean.js';
import type { ConfigIssue } from './issues.js';
import { descriptionAt, knownKeysAt } from './schema-walk.js';

type ZodIssue = z.core.$ZodIssue;
type Path = (string | number)[];

function toPath(path: readonly PropertyKey[]): Path {
  return path.map((part) => (typeof part === 'number' ? part : String(part)));
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `the string "${printable(value)}"`;
  return `${typeof value} ${printable(String(value))}`;
}

const EXPECTED: Record<string, string> = {
  object: 'a mapping (key: value lines)',
  array: 'a list (lines starting with "- ")',
  string: 'a string',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
};

function unknownKeyIssues(
  issue: ZodIssue & { keys: string[] },
  root: z.ZodType,
  data: unknown,
): ConfigIssue[] {
  const known = knownKeysAt(root, issue.path, data);
  return issue.keys.map((key) => {
    const suggestion = didYouMean(key, known);
    const hint = suggestion
      ? `did you mean "${suggestion}"?`
      : known.length > 0
        ? `the fields here are: ${known.join(', ')}`
        : undefined;
    const mapped: ConfigIssue = {
      path: [...toPath(issue.path), key],
      message: `unknown field "${printable(key)}"`,
      severity: 'error',
      atKey: true,
    };
    if (hint) mapped.hint = hint;
    return mapped;
  });
}

/** A missing field that takes fixed values: `write apiVersion: hubfleet/v1`, or `write one of a | b`. */
function missingValueIssue(path: Path, allowed: readonly string[]): ConfigIssue {
  const key = path.at(-1);
  const what =
    allowed.length === 1 && typeof key === 'string'
      ? `${key}: ${allowed[0]}`
      : `one of ${allowed.join(' | ')}`;
  return { path, message: `is required but missing: write ${what}`, severity: 'error' };
}

function valueIssue(issue: ZodIssue & { values: unknown[] }, input: unknown): ConfigIssue {
  const allowed = issue.values.map((value) => String(value));
  if (input === undefined) return missingValueIssue(toPath(issue.path), allowed);
  const expected = allowed.length === 1 ? `"${allowed[0]}"` : `one of ${allowed.join(' | ')}`;
  const mapped: ConfigIssue = {
    path: toPath(issue.path),
    message: `must be ${expected}, not ${typeName(input)}`,
    severity: 'error',
  };
  const suggestion = typeof input === 'string' ? didYouMean(input, allowed) : undefined;
  if (suggestion) mapped.hint = `did you mean "${suggestion}"?`;
  return mapped;
}

function inputAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let current = data;
  for (const part of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[part];
  }
  return current;
}

function describeIssue(issue: ZodIssue, root: z.ZodType, data: unknown): ConfigIssue[] {
  const path = toPath(issue.path);
  const input = inputAt(data, issue.path);
  switch (issue.code) {
    case 'unrecognized_keys':
      return unknownKeyIssues(issue, root, data);
    case 'invalid_value':
      return [valueIssue(issue, input)];
    case 'invalid_type': {
      const description = descriptionAt(root, issue.path, data);
      const expected = EXPECTED[issue.expected] ?? issue.expected;
      const mapped: ConfigIssue =
        input === undefined
          ? { path, message: `is required but missing: write ${expected}`, severity: 'error' }
          : { path, message: `must be ${expected}, not ${typeName(input)}`, severity: 'error' };
      if (description) mapped.hint = description;
      return [mapped];
    }
    case 'invalid_union': {
      const options = (issue as { options?: unknown[] }).options;
      if (Array.isArray(options) && options.length > 0) {
        if (input === undefined) return [missingValueIssue(path, options.map(String))];
        return [
          valueIssue(
            { ...issue, code: 'invalid_value', values: options } as ZodIssue & { values: unknown[] },
            input,
          ),
        ];
      }
      return [{ path, message: issue.message, severity: 'error' }];
    }
    default: {
      const mapped: ConfigIssue = { path, message: issue.message, severity: 'error' };
      const description = descriptionAt(root, issue.path, data);
      if (description && issue.code !== 'custom') mapped.hint = description;
      return [mapped];
    }
  }
}

/** Turn zod's issues into config issues that say what to write instead. */
export function fromZodIssues(issues: readonly ZodIssue[], root: z.ZodType, data: unknown): ConfigIssue[] {
  return issues.flatMap((issue) => describeIssue(issue, root, data));
}
