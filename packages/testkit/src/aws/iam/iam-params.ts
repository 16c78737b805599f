import { memberList } from '../shared/query-params.js';
import { validationError } from './iam-errors.js';
import type { IamTag } from './iam-state.js';

const NAME_PATTERN = /^[\w+=,.@-]{1,64}$/;

/** A required parameter; `member` is the camel-cased name IAM's validation messages use. */
export function requiredParam(params: Record<string, string>, name: string): string {
  const value = params[name];
  if (value === undefined || value === '') {
    throw validationError(name.charAt(0).toLowerCase() + name.slice(1), undefined, 'Member must not be null');
  }
  return value;
}

export function roleNameParam(params: Record<string, string>): string {
  const roleName = requiredParam(params, 'RoleName');
  if (!NAME_PATTERN.test(roleName)) {
    throw validationError(
      'roleName',
      roleName,
      'Member must satisfy regular expression pattern: [\\w+=,.@-]+ and have length less than or equal to 64',
    );
  }
  return roleName;
}

/** `Tags.member.N.Key` / `.Value`, as the awsQuery protocol flattens a list of Tag structures. */
export function tagsParam(params: Record<string, string>): IamTag[] {
  return memberList(params, 'Tags.member').map((tag) => ({ Key: tag.Key ?? '', Value: tag.Value ?? '' }));
}

/** `MaxItems` (1..1000, default 100). */
export function maxItemsParam(params: Record<string, string>): number {
  const value = Number(params.MaxItems ?? 100);
  return Number.isInteger(value) && value >= 1 ? Math.min(value, 1000) : 100;
}

/** Merges tags by key, later values winning, keeping first-seen order. */
export function mergeTags(existing: readonly IamTag[], added: readonly IamTag[]): IamTag[] {
  const merged = new Map(existing.map((tag) => [tag.Key, tag.Value]));
  for (const tag of added) merged.set(tag.Key, tag.Value);
  return [...merged].map(([Key, Value]) => ({ Key, Value }));
}
