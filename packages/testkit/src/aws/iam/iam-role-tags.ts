import { stringList } from '../shared/query-params.js';
import type { XmlValue } from '../shared/xml.js';
import { limitExceeded } from './iam-errors.js';
import { mergeTags, roleNameParam, tagsParam } from './iam-params.js';
import { findRole } from './iam-roles.js';
import type { IamContext } from './iam-settings.js';

type Result = Record<string, XmlValue> | undefined;

export function tagRole(context: IamContext): Result {
  const role = findRole(context, roleNameParam(context.params));
  const tags = mergeTags(role.tags, tagsParam(context.params));
  const limit = context.settings.quotas.tagsPerRole;
  if (tags.length > limit) throw limitExceeded(`Cannot exceed quota for TagsPerRole: ${limit}`);
  role.tags = tags;
  return undefined;
}

export function untagRole(context: IamContext): Result {
  const role = findRole(context, roleNameParam(context.params));
  const remove = new Set(stringList(context.params, 'TagKeys.member'));
  role.tags = role.tags.filter((tag) => !remove.has(tag.Key));
  return undefined;
}

export function listRoleTags(context: IamContext): Result {
  const role = findRole(context, roleNameParam(context.params));
  return { Tags: role.tags.map((tag) => ({ Key: tag.Key, Value: tag.Value })), IsTruncated: false };
}
