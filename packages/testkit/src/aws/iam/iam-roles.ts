import { paginate } from '../../framework/pagination.js';
import { randomId } from '../shared/aws-ids.js';
import type { XmlValue } from '../shared/xml.js';
import {
  deleteConflict,
  entityAlreadyExists,
  limitExceeded,
  malformedPolicyDocument,
  noSuchRole,
  validationError,
} from './iam-errors.js';
import { maxItemsParam, requiredParam, roleNameParam, tagsParam } from './iam-params.js';
import { roleXml } from './iam-render.js';
import type { IamContext } from './iam-settings.js';
import { type RoleRecord, roleKey } from './iam-state.js';

type Result = Record<string, XmlValue> | undefined;

export function findRole(context: IamContext, roleName: string): RoleRecord {
  const role = context.state.roles[roleKey(roleName)];
  if (!role) throw noSuchRole(roleName);
  return role;
}

function pathParam(params: Record<string, string>): string {
  const path = params.Path ?? '/';
  if (!/^\/([\x21-\x7e]*\/)?$/.test(path) || path.length > 512) {
    throw validationError(
      'path',
      path,
      'Member must satisfy regular expression pattern: (\\u002F)|(\\u002F[\\u0021-\\u007E]+\\u002F)',
    );
  }
  return path;
}

function trustPolicyParam(params: Record<string, string>): string {
  const document = requiredParam(params, 'AssumeRolePolicyDocument');
  try {
    JSON.parse(document);
  } catch {
    throw malformedPolicyDocument('This policy contains invalid Json');
  }
  return document;
}

/** One to twelve hours, in seconds. */
function maxSessionDurationParam(params: Record<string, string>): number {
  const value = Number(params.MaxSessionDuration ?? 3600);
  if (!Number.isInteger(value) || value < 3600 || value > 43200) {
    throw validationError(
      'maxSessionDuration',
      params.MaxSessionDuration,
      'Member must have value between 3600 and 43200',
    );
  }
  return value;
}

export function createRole(context: IamContext): Result {
  const { params, settings, state } = context;
  const roleName = roleNameParam(params);
  const path = pathParam(params);
  const assumeRolePolicyDocument = trustPolicyParam(params);
  if (state.roles[roleKey(roleName)]) throw entityAlreadyExists(`Role with name ${roleName} already exists.`);
  if (Object.keys(state.roles).length >= settings.quotas.rolesPerAccount) {
    throw limitExceeded(`Cannot exceed quota for RolesPerAccount: ${settings.quotas.rolesPerAccount}`);
  }
  const tags = tagsParam(params);
  if (tags.length > settings.quotas.tagsPerRole) {
    throw limitExceeded(`Cannot exceed quota for TagsPerRole: ${settings.quotas.tagsPerRole}`);
  }
  const role: RoleRecord = {
    roleName,
    roleId: `AROA${randomId(17, 'upper-alphanumeric')}`,
    arn: `arn:aws:iam::${settings.accountId}:role${path}${roleName}`,
    path,
    createDate: context.now,
    assumeRolePolicyDocument,
    description: params.Description,
    maxSessionDuration: maxSessionDurationParam(params),
    tags,
    attachedPolicyArns: [],
  };
  state.roles[roleKey(roleName)] = role;
  return { Role: roleXml(role, 'full') };
}

export function getRole(context: IamContext): Result {
  return { Role: roleXml(findRole(context, roleNameParam(context.params)), 'full') };
}

export function deleteRole(context: IamContext): Result {
  const role = findRole(context, roleNameParam(context.params));
  if (role.attachedPolicyArns.length > 0)
    throw deleteConflict('Cannot delete entity, must detach all policies first.');
  if (Object.keys(role.inlinePolicies ?? {}).length > 0)
    throw deleteConflict('Cannot delete entity, must delete policies first.');
  delete context.state.roles[roleKey(role.roleName)];
  return undefined;
}

export function listRoles(context: IamContext): Result {
  const prefix = context.params.PathPrefix ?? '/';
  const roles = Object.values(context.state.roles)
    .filter((role) => role.path.startsWith(prefix))
    .sort((a, b) => a.roleName.localeCompare(b.roleName));
  const page = paginate(roles, maxItemsParam(context.params), context.params.Marker);
  return {
    Roles: page.items.map((role) => roleXml(role, 'listing')),
    IsTruncated: page.nextToken !== undefined,
    Marker: page.nextToken,
  };
}
