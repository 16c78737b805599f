import { badRequest } from './errors.js';
import { type KubeObject, valueAtPath } from './kube-object.js';
import type { ResourceType } from './resource-types.js';

/** One parsed label-selector requirement. */
export type LabelRequirement =
  | { key: string; operator: 'exists' | 'not-exists' }
  | { key: string; operator: 'equals' | 'not-equals'; value: string }
  | { key: string; operator: 'in' | 'not-in'; values: string[] }
  | { key: string; operator: 'greater-than' | 'less-than'; value: number };

const KEY = '[A-Za-z0-9](?:[-A-Za-z0-9_./]*[A-Za-z0-9])?';
const VALUE = '(?:[A-Za-z0-9](?:[-A-Za-z0-9_.]*[A-Za-z0-9])?)?';
const NOT_EXISTS = new RegExp(`^!\\s*(${KEY})$`);
const SET = new RegExp(`^(${KEY})\\s+(in|notin)\\s*\\(([^)]*)\\)$`);
const EQUALITY = new RegExp(`^(${KEY})\\s*(==|=|!=)\\s*(${VALUE})$`);
const NUMERIC = new RegExp(`^(${KEY})\\s*(>|<)\\s*(-?\\d+)$`);
const EXISTS = new RegExp(`^(${KEY})$`);
const VALID_VALUE = new RegExp(`^${VALUE}$`);

/** Split on commas that are not inside parentheses. */
function splitTopLevel(selector: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const character of selector) {
    if (character === '(') depth += 1;
    if (character === ')') depth -= 1;
    if (character === ',' && depth === 0) {
      parts.push(current);
      current = '';
    } else {
      current += character;
    }
  }
  parts.push(current);
  return parts.map((part) => part.trim()).filter((part) => part !== '');
}

function parseRequirement(text: string): LabelRequirement {
  let match = NOT_EXISTS.exec(text);
  if (match?.[1]) return { key: match[1], operator: 'not-exists' };
  match = SET.exec(text);
  if (match?.[1] && match[3] !== undefined) {
    const values = match[3]
      .split(',')
      .map((value) => value.trim())
      .filter((value) => value !== '');
    if (values.some((value) => !VALID_VALUE.test(value)))
      throw badRequest(`unable to parse requirement: ${text}`);
    return { key: match[1], operator: match[2] === 'in' ? 'in' : 'not-in', values };
  }
  match = EQUALITY.exec(text);
  if (match?.[1]) {
    return { key: match[1], operator: match[2] === '!=' ? 'not-equals' : 'equals', value: match[3] ?? '' };
  }
  match = NUMERIC.exec(text);
  if (match?.[1]) {
    return {
      key: match[1],
      operator: match[2] === '>' ? 'greater-than' : 'less-than',
      value: Number(match[3]),
    };
  }
  match = EXISTS.exec(text);
  if (match?.[1]) return { key: match[1], operator: 'exists' };
  throw badRequest(`unable to parse requirement: found '${text}', expected a label selector requirement`);
}

/** Parse a `labelSelector` query (`app=web,tier in (a,b),!canary`); 400 BadRequest when malformed. */
export function parseLabelSelector(selector: string): LabelRequirement[] {
  return splitTopLevel(selector).map(parseRequirement);
}

function matchesRequirement(labels: Record<string, string>, requirement: LabelRequirement): boolean {
  const value = labels[requirement.key];
  switch (requirement.operator) {
    case 'exists':
      return value !== undefined;
    case 'not-exists':
      return value === undefined;
    case 'equals':
      return value === requirement.value;
    case 'not-equals':
      return value !== requirement.value;
    case 'in':
      return value !== undefined && requirement.values.includes(value);
    case 'not-in':
      return value === undefined || !requirement.values.includes(value);
    case 'greater-than':
      return value !== undefined && /^-?\d+$/.test(value) && Number(value) > requirement.value;
    case 'less-than':
      return value !== undefined && /^-?\d+$/.test(value) && Number(value) < requirement.value;
  }
}

/** Whether labels satisfy every requirement (an empty selector matches everything). */
export function matchesLabelSelector(
  labels: Record<string, string>,
  requirements: readonly LabelRequirement[],
): boolean {
  return requirements.every((requirement) => matchesRequirement(labels, requirement));
}

/** Whether labels satisfy a structured LabelSelector (`matchLabels` + `matchExpressions`), as workloads carry. */
export function matchesStructuredSelector(labels: Record<string, string>, selector: unknown): boolean {
  if (typeof selector !== 'object' || selector === null) return false;
  const { matchLabels, matchExpressions } = selector as { matchLabels?: unknown; matchExpressions?: unknown };
  const requirements: LabelRequirement[] = [];
  if (typeof matchLabels === 'object' && matchLabels !== null) {
    for (const [key, value] of Object.entries(matchLabels)) {
      if (typeof value === 'string') requirements.push({ key, operator: 'equals', value });
    }
  }
  for (const expression of Array.isArray(matchExpressions) ? matchExpressions : []) {
    const { key, operator, values } = (expression ?? {}) as {
      key?: unknown;
      operator?: unknown;
      values?: unknown;
    };
    if (typeof key !== 'string') return false;
    const list = Array.isArray(values)
      ? values.filter((value): value is string => typeof value === 'string')
      : [];
    if (operator === 'In') requirements.push({ key, operator: 'in', values: list });
    else if (operator === 'NotIn') requirements.push({ key, operator: 'not-in', values: list });
    else if (operator === 'Exists') requirements.push({ key, operator: 'exists' });
    else if (operator === 'DoesNotExist') requirements.push({ key, operator: 'not-exists' });
    else return false;
  }
  return matchesLabelSelector(labels, requirements);
}

/** One parsed field-selector term. */
export interface FieldRequirement {
  label: string;
  /** The object path the label reads. */
  path: readonly string[];
  operator: 'equals' | 'not-equals';
  value: string;
}

function unescapeFieldValue(value: string): string {
  return value.replace(/\\(.)/g, '$1');
}

/** Split on commas that are not escaped with a backslash. */
function splitUnescaped(selector: string): string[] {
  return selector
    .split(/(?<!\\),/)
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

/** Parse a `fieldSelector` query against the labels `type` supports; 400 BadRequest otherwise. */
export function parseFieldSelector(selector: string, type: ResourceType): FieldRequirement[] {
  return splitUnescaped(selector).map((term) => {
    const match = /^([^=!]+?)\s*(==|=|!=)\s*(.*)$/.exec(term);
    if (!match?.[1]) throw badRequest(`invalid selector: '${selector}'; can't understand '${term}'`);
    const label = match[1];
    const mapped =
      label === 'metadata.name' || label === 'metadata.namespace' ? label : type.fieldLabels[label];
    if (!mapped) throw badRequest(`field label not supported: ${label}`);
    return {
      label,
      path: mapped.split('.'),
      operator: match[2] === '!=' ? 'not-equals' : 'equals',
      value: unescapeFieldValue(match[3] ?? ''),
    };
  });
}

function fieldValue(object: KubeObject, path: readonly string[]): string {
  const value = valueAtPath(object, path);
  if (value === undefined || value === null) {
    return path.at(-1) === 'hostNetwork' || path.at(-1) === 'unschedulable' ? 'false' : '';
  }
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** Whether an object satisfies every field requirement. */
export function matchesFieldSelector(object: KubeObject, requirements: readonly FieldRequirement[]): boolean {
  return requirements.every((requirement) => {
    const equal = fieldValue(object, requirement.path) === requirement.value;
    return requirement.operator === 'equals' ? equal : !equal;
  });
}
