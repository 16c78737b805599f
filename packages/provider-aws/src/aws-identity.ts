import {
  AttachRolePolicyCommand,
  CreateRoleCommand,
  DeleteRoleCommand,
  DeleteRolePolicyCommand,
  DetachRolePolicyCommand,
  GetRoleCommand,
  GetRolePolicyCommand,
  ListAttachedRolePoliciesCommand,
  ListRolePoliciesCommand,
  PutRolePolicyCommand,
  type Role,
} from '@aws-sdk/client-iam';
import { HubfleetError, ownershipTags } from '@hubfleet/core';
import { unlessNotFound } from './aws-call.js';
import type { AwsDeployment } from './aws-deployment.js';
import { isAwsError } from './aws-errors.js';
import { managedPolicyArns, ROLE_SPECS, type RoleSpec, trustPolicy } from './aws-iam-policies.js';
import { iamRoleName, type RolePurpose } from './aws-names.js';
import { isOwnedBy, tagPairs, tagRecord } from './aws-tags.js';
import { memo } from './memo.js';

/** The roles the cluster and its nodes run as. */
export interface AwsRoles {
  clusterRoleArn: string;
  nodeRoleArn: string;
}

export interface AwsIdentityApi {
  /** The cluster and node roles: the configured ARNs, or roles hubfleet creates and tags. */
  ensure(): Promise<AwsRoles>;
  /**
   * One role hubfleet owns, created where missing, with its managed policies attached and, for a
   * tool's role, `policy` written as its one inline policy (every call, so it follows the config); returns its ARN.
   */
  ensureRole(purpose: RolePurpose, policy?: string): Promise<string>;
  /** Deletes the roles hubfleet created (never configured ones). */
  delete(): Promise<void>;
}

async function getRole(aws: AwsDeployment, roleName: string): Promise<Role | undefined> {
  const answer = await unlessNotFound(
    aws.call('iam:GetRole', `role/${roleName}`, (options) =>
      aws.clients.iam.send(new GetRoleCommand({ RoleName: roleName }), options),
    ),
  );
  return answer?.Role;
}

function adoptable(aws: AwsDeployment, role: Role, roleName: string): Role {
  if (isOwnedBy(tagRecord(role.Tags), aws.deployment, 'identity')) return role;
  throw new HubfleetError({
    kind: 'conflict',
    message: `the IAM role ${roleName} exists but is not tagged as deployment ${aws.deployment}'s`,
    hint: 'give existing roles in provider.roles, or delete or rename the other role',
    subject: `role/${roleName}`,
  });
}

async function createRole(aws: AwsDeployment, spec: RoleSpec, roleName: string): Promise<Role> {
  try {
    const { Role: created } = await aws.call('iam:CreateRole', `role/${roleName}`, (options) =>
      aws.clients.iam.send(
        new CreateRoleCommand({
          RoleName: roleName,
          AssumeRolePolicyDocument: trustPolicy(spec),
          Description: spec.description,
          Tags: tagPairs(ownershipTags(aws.deployment, 'identity')),
        }),
        options,
      ),
    );
    if (created === undefined)
      throw new HubfleetError({ kind: 'internal', message: 'CreateRole returned no role' });
    return created;
  } catch (error) {
    // Created by a run whose answer was lost, or by someone else: adopt only what is ours.
    if (!isAwsError(error, 'EntityAlreadyExists')) throw error;
    const existing = await getRole(aws, roleName);
    if (existing === undefined) throw error;
    return adoptable(aws, existing, roleName);
  }
}

async function attachPolicies(aws: AwsDeployment, spec: RoleSpec, roleName: string): Promise<void> {
  const { AttachedPolicies = [] } = await aws.call(
    'iam:ListAttachedRolePolicies',
    `role/${roleName}`,
    (options) => aws.clients.iam.send(new ListAttachedRolePoliciesCommand({ RoleName: roleName }), options),
  );
  const attached = new Set(AttachedPolicies.map((policy) => policy.PolicyArn));
  for (const PolicyArn of managedPolicyArns(spec, aws.clients.region)) {
    if (attached.has(PolicyArn)) continue;
    await aws.call('iam:AttachRolePolicy', `role/${roleName}`, (options) =>
      aws.clients.iam.send(new AttachRolePolicyCommand({ RoleName: roleName, PolicyArn }), options),
    );
  }
}

/** The one inline policy of a tool's role is named after hubfleet. */
const INLINE_POLICY_NAME = 'hubfleet';

/** The role's inline policy as written (IAM answers it URL-encoded), or undefined when it has none. */
async function inlinePolicyOf(aws: AwsDeployment, roleName: string): Promise<string | undefined> {
  const answer = await unlessNotFound(
    aws.call('iam:GetRolePolicy', `role/${roleName}`, (options) =>
      aws.clients.iam.send(
        new GetRolePolicyCommand({ RoleName: roleName, PolicyName: INLINE_POLICY_NAME }),
        options,
      ),
    ),
  );
  return answer?.PolicyDocument === undefined ? undefined : decodeURIComponent(answer.PolicyDocument);
}

async function ensureOwnedRole(aws: AwsDeployment, purpose: RolePurpose, policy?: string): Promise<string> {
  const spec = ROLE_SPECS[purpose];
  const roleName = iamRoleName(aws.deployment, purpose);
  const existing = await getRole(aws, roleName);
  const role =
    existing === undefined ? await createRole(aws, spec, roleName) : adoptable(aws, existing, roleName);
  await attachPolicies(aws, spec, roleName);
  if (policy !== undefined && (await inlinePolicyOf(aws, roleName)) !== policy) {
    await aws.call('iam:PutRolePolicy', `role/${roleName}`, (options) =>
      aws.clients.iam.send(
        new PutRolePolicyCommand({
          RoleName: roleName,
          PolicyName: INLINE_POLICY_NAME,
          PolicyDocument: policy,
        }),
        options,
      ),
    );
  }
  if (role.Arn === undefined)
    throw new HubfleetError({ kind: 'internal', message: `role ${roleName} has no ARN` });
  return role.Arn;
}

async function deleteOwnedRole(aws: AwsDeployment, purpose: RolePurpose): Promise<void> {
  const roleName = iamRoleName(aws.deployment, purpose);
  const role = await getRole(aws, roleName);
  if (role === undefined || !isOwnedBy(tagRecord(role.Tags), aws.deployment, 'identity')) return;
  const subject = `role/${roleName}`;
  const attached = await unlessNotFound(
    aws.call('iam:ListAttachedRolePolicies', subject, (options) =>
      aws.clients.iam.send(new ListAttachedRolePoliciesCommand({ RoleName: roleName }), options),
    ),
  );
  const inline = await unlessNotFound(
    aws.call('iam:ListRolePolicies', subject, (options) =>
      aws.clients.iam.send(new ListRolePoliciesCommand({ RoleName: roleName }), options),
    ),
  );
  for (const PolicyName of inline?.PolicyNames ?? []) {
    await unlessNotFound(
      aws.call('iam:DeleteRolePolicy', subject, (options) =>
        aws.clients.iam.send(new DeleteRolePolicyCommand({ RoleName: roleName, PolicyName }), options),
      ),
    );
  }
  for (const { PolicyArn } of attached?.AttachedPolicies ?? []) {
    await unlessNotFound(
      aws.call('iam:DetachRolePolicy', subject, (options) =>
        aws.clients.iam.send(new DetachRolePolicyCommand({ RoleName: roleName, PolicyArn }), options),
      ),
    );
  }
  await unlessNotFound(
    aws.call('iam:DeleteRole', subject, (options) =>
      aws.clients.iam.send(new DeleteRoleCommand({ RoleName: roleName }), options),
    ),
  );
}

/**
 * IAM roles: the configured ARNs where given; otherwise roles named `hubfleet-<deployment>-<purpose>`,
 * tagged with the deployment, trusted by the service that assumes them, with the AWS managed
 * policies EKS documents. A role of that name that is not tagged as ours is a conflict, never adopted.
 */
export function awsIdentity(aws: AwsDeployment): AwsIdentityApi {
  const configured: Partial<Record<RolePurpose, string>> = {
    cluster: aws.config.provider.roles?.clusterRoleArn,
    node: aws.config.provider.roles?.nodeRoleArn,
  };
  const owned = (purpose: RolePurpose) => memo(() => ensureOwnedRole(aws, purpose));
  const roles = { cluster: owned('cluster'), node: owned('node'), 'ebs-csi': owned('ebs-csi') };
  const ensureRole = async (purpose: RolePurpose, policy?: string) => {
    if (purpose === 'cluster-autoscaler' || purpose === 'velero')
      return ensureOwnedRole(aws, purpose, policy);
    return configured[purpose] ?? roles[purpose].get();
  };
  return {
    async ensure() {
      return { clusterRoleArn: await ensureRole('cluster'), nodeRoleArn: await ensureRole('node') };
    },
    ensureRole,
    async delete() {
      for (const purpose of Object.keys(roles) as (keyof typeof roles)[]) {
        roles[purpose].clear();
        if (configured[purpose] === undefined) await deleteOwnedRole(aws, purpose);
      }
      // Tool roles: deleted whether or not the tool is still enabled, so none is left behind.
      await deleteOwnedRole(aws, 'cluster-autoscaler');
      await deleteOwnedRole(aws, 'velero');
    },
  };
}
