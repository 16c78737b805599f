import { computeInvalid } from './compute-errors.js';

interface Term {
  field: string;
  negate: boolean;
  value: string;
}

const TERM = /\(?\s*([A-Za-z][\w.-]*)\s*(!=|=|:|eq|ne)\s*("(?:[^"\\]|\\.)*"|[^\s)]+)\s*\)?/g;

function parse(filter: string): Term[] {
  const terms: Term[] = [];
  const rest = filter.replace(TERM, (_match, field: string, op: string, raw: string) => {
    const value = raw.startsWith('"') ? raw.slice(1, -1) : raw;
    terms.push({ field, negate: op === '!=' || op === 'ne', value });
    return ' ';
  });
  if (rest.replace(/\bAND\b/g, '').trim() !== '') {
    throw computeInvalid(`Invalid list filter expression '${filter}'.`);
  }
  return terms;
}

function fieldOf(item: Record<string, unknown>, field: string): string | undefined {
  if (field.startsWith('labels.')) {
    const labels = item.labels as Record<string, string> | undefined;
    return labels?.[field.slice('labels.'.length)];
  }
  const value = item[field];
  return value === undefined ? undefined : String(value);
}

/**
 * compute v1 list filters as hubfleet (and gcloud) write them: `labels.k = "v"`, `name = "x"`,
 * `status != READY`, terms joined by spaces, `AND` or parentheses (all must hold). `*` matches any
 * present value.
 */
export function matchesFilter(item: Record<string, unknown>, filter: string | null): boolean {
  if (filter === null || filter.trim() === '') return true;
  return parse(filter).every((term) => {
    const actual = fieldOf(item, term.field);
    const equal = term.value === '*' ? actual !== undefined : actual === term.value;
    return term.negate ? !equal : equal;
  });
}
