import type { FieldChange, PlanValue } from '../engine/resource.js';

type Path = (string | number)[];

/**
 * Keys whose values are credentials by their name (`adminPassword`, `clientSecret`, `apiToken`,
 * `privateKey`, ...): a change shows that they changed, never what they are. hubfleet's own values
 * keep secrets in Secrets; this catches what `extraValues` or a chart default put in the values.
 */
const SECRET_KEY = /(password|passwd|secret|token|api_?key|private_?key|credentials?)$/i;

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_-]*$/;

/** `values.singleuser.nodeSelector["hubfleet.io/nodegroup"]`, `values.profileList[1].slug`. */
export function fieldOfPath(path: readonly (string | number)[]): string {
  return path
    .map((part, index) => {
      if (typeof part === 'number') return `[${part}]`;
      if (IDENTIFIER.test(part)) return index === 0 ? part : `.${part}`;
      return `[${JSON.stringify(part)}]`;
    })
    .join('');
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function isSecretPath(path: Path): boolean {
  return path.some((part) => typeof part === 'string' && SECRET_KEY.test(part));
}

function planValue(value: unknown): PlanValue {
  return JSON.parse(JSON.stringify(value ?? null)) as PlanValue;
}

function leafChange(path: Path, from: unknown, to: unknown): FieldChange {
  const change: FieldChange = { field: fieldOfPath(path), path };
  if (from !== undefined) change.from = planValue(from);
  if (to !== undefined) change.to = planValue(to);
  if (isSecretPath(path)) change.secret = true;
  return change;
}

function sameValue(from: unknown, to: unknown): boolean {
  return JSON.stringify(from) === JSON.stringify(to);
}

function walk(path: Path, from: unknown, to: unknown, changes: FieldChange[]): void {
  if (sameValue(from, to)) return;
  if (isObject(from) && isObject(to)) {
    const keys = [...new Set([...Object.keys(from), ...Object.keys(to)])].sort();
    for (const key of keys) walk([...path, key], from[key], to[key], changes);
    return;
  }
  if (Array.isArray(from) && Array.isArray(to) && from.length === to.length) {
    from.forEach((item, index) => {
      walk([...path, index], item, to[index], changes);
    });
    return;
  }
  changes.push(leafChange(path, from, to));
}

/**
 * The keys that differ between two sets of helm values, deepest first where both sides are maps (or
 * lists of the same length), whole where a key was added, removed or changed type: what `plan`
 * prints as a compact YAML diff. Values under credential-like keys are marked secret (redacted).
 */
export function valuesChanges(
  from: Record<string, unknown>,
  to: Record<string, unknown>,
  root = 'values',
): FieldChange[] {
  const changes: FieldChange[] = [];
  walk([root], from, to, changes);
  return changes;
}
