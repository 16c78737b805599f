import { paginate } from '../../framework/pagination.js';
import type { XmlValue } from '../shared/xml.js';
import { malformedPolicyDocument, noSuchEntity } from './iam-errors.js';
import { maxItemsParam, requiredParam, roleNameParam } from './iam-params.js';
import { findRole } from './iam-roles.js';
import type { IamContext } from './iam-settings.js';

type Result = Record<string, XmlValue> | undefined;

/** IAM's limit on one role's inline policies, all together (characters, whitespace not counted). */
const INLINE_POLICY_SIZE = 10_240;

/** A policy document as IAM checks it on the way in: JSON, a Version, and statements with Effect and Action. */
function checkDocument(document: string): void {
  let parsed: { Version?: unknown; Statement?: unknown };
  try {
    parsed = JSON.parse(document) as typeof parsed;
  } catch {
    throw malformedPolicyDocument('Syntax errors in policy.');
  }
  const statements = Array.isArray(parsed.Statement) ? parsed.Statement : [parsed.Statement];
  if (parsed.Version !== '2012-10-17' && parsed.Version !== '2008-10-17') {
    throw malformedPolicyDocument('The policy must contain a valid version string');
  }
  for (const statement of statements as { Effect?: unknown; Action?: unknown }[]) {
    if (statement?.Effect !== 'Allow' && statement?.Effect !== 'Deny') {
      throw malformedPolicyDocument('Policy statement must contain an Effect');
    }
    if (statement.Action === undefined)
      throw malformedPolicyDocument('Policy statement must contain actions.');
  }
  if (document.replace(/\s/g, '').length > INLINE_POLICY_SIZE) {
    throw malformedPolicyDocument(`Maximum policy size of ${INLINE_POLICY_SIZE} bytes exceeded for role`);
  }
}

/** PutRolePolicy: adds or replaces one inline policy (idempotent for the same document). */
export function putRolePolicy(context: IamContext): Result {
  const role = findRole(context, roleNameParam(context.params));
  const name = requiredParam(context.params, 'PolicyName');
  const document = requiredParam(context.params, 'PolicyDocument');
  checkDocument(document);
  role.inlinePolicies = { ...role.inlinePolicies, [name]: document };
  return undefined;
}

function inlinePolicy(context: IamContext): { roleName: string; name: string; document: string } {
  const role = findRole(context, roleNameParam(context.params));
  const name = requiredParam(context.params, 'PolicyName');
  const document = role.inlinePolicies?.[name];
  if (document === undefined) {
    throw noSuchEntity(`The role policy with name ${name} cannot be found.`);
  }
  return { roleName: role.roleName, name, document };
}

/** GetRolePolicy answers the document URL-encoded, as IAM does. */
export function getRolePolicy(context: IamContext): Result {
  const { roleName, name, document } = inlinePolicy(context);
  return { RoleName: roleName, PolicyName: name, PolicyDocument: encodeURIComponent(document) };
}

export function deleteRolePolicy(context: IamContext): Result {
  const { name } = inlinePolicy(context);
  const role = findRole(context, roleNameParam(context.params));
  const { [name]: _deleted, ...rest } = role.inlinePolicies ?? {};
  role.inlinePolicies = rest;
  return undefined;
}

export function listRolePolicies(context: IamContext): Result {
  const role = findRole(context, roleNameParam(context.params));
  const names = Object.keys(role.inlinePolicies ?? {}).sort();
  const page = paginate(names, maxItemsParam(context.params), context.params.Marker);
  return { PolicyNames: page.items, IsTruncated: page.nextToken !== undefined, Marker: page.nextToken };
}
