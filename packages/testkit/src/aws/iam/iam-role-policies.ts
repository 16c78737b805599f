import { paginate } from '../../framework/pagination.js';
import type { XmlValue } from '../shared/xml.js';
import { invalidInput, limitExceeded, noSuchEntity } from './iam-errors.js';
import { maxItemsParam, requiredParam, roleNameParam } from './iam-params.js';
import { findRole } from './iam-roles.js';
import type { IamContext } from './iam-settings.js';

type Result = Record<string, XmlValue> | undefined;

/** AWS managed (`arn:aws:iam::aws:policy/…`) or customer managed (`arn:aws:iam::<account>:policy/…`). */
const POLICY_ARN = /^arn:aws[\w-]*:iam::(aws|\d{12}):policy\/.+/;

function policyArnParam(params: Record<string, string>): string {
  const policyArn = requiredParam(params, 'PolicyArn');
  if (!POLICY_ARN.test(policyArn)) throw invalidInput(`ARN ${policyArn} is not valid.`);
  return policyArn;
}

function policyName(policyArn: string): string {
  return policyArn.slice(policyArn.lastIndexOf('/') + 1);
}

/** Attaching a policy that is already attached succeeds and changes nothing, as in IAM. */
export function attachRolePolicy(context: IamContext): Result {
  const role = findRole(context, roleNameParam(context.params));
  const policyArn = policyArnParam(context.params);
  if (role.attachedPolicyArns.includes(policyArn)) return undefined;
  const limit = context.settings.quotas.policiesPerRole;
  if (role.attachedPolicyArns.length >= limit)
    throw limitExceeded(`Cannot exceed quota for PoliciesPerRole: ${limit}`);
  role.attachedPolicyArns.push(policyArn);
  return undefined;
}

export function detachRolePolicy(context: IamContext): Result {
  const role = findRole(context, roleNameParam(context.params));
  const policyArn = policyArnParam(context.params);
  if (!role.attachedPolicyArns.includes(policyArn)) throw noSuchEntity(`Policy ${policyArn} was not found.`);
  role.attachedPolicyArns = role.attachedPolicyArns.filter((attached) => attached !== policyArn);
  return undefined;
}

export function listAttachedRolePolicies(context: IamContext): Result {
  const role = findRole(context, roleNameParam(context.params));
  const prefix = context.params.PathPrefix ?? '/';
  const matching = role.attachedPolicyArns.filter((arn) =>
    arn.slice(arn.indexOf(':policy') + ':policy'.length).startsWith(prefix),
  );
  const page = paginate(matching, maxItemsParam(context.params), context.params.Marker);
  return {
    AttachedPolicies: page.items.map((policyArn) => ({
      PolicyName: policyName(policyArn),
      PolicyArn: policyArn,
    })),
    IsTruncated: page.nextToken !== undefined,
    Marker: page.nextToken,
  };
}
