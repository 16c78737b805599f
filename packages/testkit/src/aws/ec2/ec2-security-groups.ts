import type { XmlValue } from '../shared/xml.js';
import { describe } from './ec2-describe.js';
import { ec2Error, invalidParameterValue, NOT_FOUND } from './ec2-errors.js';
import type { FilterTable } from './ec2-filters.js';
import { newEc2Id } from './ec2-ids.js';
import { settle } from './ec2-lifecycle.js';
import { requireSecurityGroup, requireVpc } from './ec2-lookup.js';
import { type Ec2OperationTable, mutation, RETURN_TRUE, read } from './ec2-operation.js';
import { type Ec2Params, optionalString, requiredString } from './ec2-params.js';
import {
  addIngressRules,
  ipPermissionFields,
  parseRequestedRules,
  type RequestedRule,
  removeIngressRules,
  securityGroupRuleFields,
} from './ec2-security-group-rules.js';
import type { Ec2Context, Ec2Settings } from './ec2-settings.js';
import type { Ec2State, SecurityGroupRecord, Tags } from './ec2-state.js';
import { tagsFromSpecifications } from './ec2-tags.js';
import { type Ec2ResponseFields, tagSet } from './ec2-xml.js';

const ALLOW_ALL_OUTBOUND = { ipProtocol: '-1', cidrIp: '0.0.0.0/0' } as const;

function newGroup(
  context: Ec2Context,
  vpcId: string,
  groupName: string,
  description: string,
  tags: Tags,
): SecurityGroupRecord {
  const group: SecurityGroupRecord = {
    groupId: newEc2Id('sg'),
    groupName,
    description,
    vpcId,
    ingress: [],
    egress: [{ ruleId: newEc2Id('sgr'), ...ALLOW_ALL_OUTBOUND }],
    tags,
  };
  context.state.securityGroups[group.groupId] = group;
  return group;
}

/** The `default` group every VPC is born with: it allows traffic from itself, and all outbound. */
export function createDefaultSecurityGroup(context: Ec2Context, vpcId: string): SecurityGroupRecord {
  const group = newGroup(context, vpcId, 'default', 'default VPC security group', {});
  group.ingress.push({ ruleId: newEc2Id('sgr'), ipProtocol: '-1', referencedGroupId: group.groupId });
  return group;
}

export function createSecurityGroup(
  context: Ec2Context,
  input: { vpcId: string; groupName: string; description: string; tags?: Tags },
): SecurityGroupRecord {
  settle(context.state, context.clock.now());
  requireVpc(context.state, input.vpcId);
  if (input.groupName === 'default')
    throw invalidParameterValue('Cannot use reserved security group name: default');
  if (input.groupName.startsWith('sg-'))
    throw invalidParameterValue('Group names may not be in the format sg-*.');
  const inVpc = Object.values(context.state.securityGroups).filter((group) => group.vpcId === input.vpcId);
  if (inVpc.some((group) => group.groupName === input.groupName)) {
    throw ec2Error(
      'InvalidGroup.Duplicate',
      `The security group '${input.groupName}' already exists for VPC '${input.vpcId}'`,
    );
  }
  if (inVpc.length >= context.settings.quotas.securityGroupsPerVpc) {
    throw ec2Error('SecurityGroupLimitExceeded', 'The maximum number of security groups has been reached.');
  }
  return newGroup(context, input.vpcId, input.groupName, input.description, { ...input.tags });
}

function assertReferencedGroupsExist(state: Ec2State, rules: readonly RequestedRule[]): void {
  for (const rule of rules) {
    if (rule.referencedGroupId !== undefined) requireSecurityGroup(state, rule.referencedGroupId);
  }
}

/** The group a call names by `GroupId` (or by `GroupName`, which EC2 resolves in the default VPC only). */
function targetGroup(params: Ec2Params, state: Ec2State): SecurityGroupRecord {
  const groupId = optionalString(params, 'GroupId');
  if (groupId !== undefined) return requireSecurityGroup(state, groupId);
  const groupName = requiredString(params, 'GroupName', 'groupId');
  throw ec2Error(
    'InvalidGroup.NotFound',
    `The security group '${groupName}' does not exist in default VPC 'none'`,
  );
}

function isReferencedElsewhere(state: Ec2State, groupId: string): boolean {
  return Object.values(state.securityGroups).some(
    (other) =>
      other.groupId !== groupId &&
      [...other.ingress, ...other.egress].some((rule) => rule.referencedGroupId === groupId),
  );
}

function groupFields(group: SecurityGroupRecord, settings: Ec2Settings): Ec2ResponseFields {
  return {
    ownerId: settings.accountId,
    groupId: group.groupId,
    groupName: group.groupName,
    groupDescription: group.description,
    vpcId: group.vpcId,
    securityGroupArn: `arn:aws:ec2:${settings.region}:${settings.accountId}:security-group/${group.groupId}`,
    ipPermissions: ipPermissionFields(group.ingress, settings.accountId),
    ipPermissionsEgress: ipPermissionFields(group.egress, settings.accountId),
    tagSet: Object.keys(group.tags).length > 0 ? tagSet(group.tags) : undefined,
  };
}

const GROUP_FILTERS: FilterTable<SecurityGroupRecord> = {
  'group-id': (group) => group.groupId,
  'group-name': (group) => group.groupName,
  'vpc-id': (group) => group.vpcId,
  description: (group) => group.description,
  'ip-permission.cidr': (group) => group.ingress.map((rule) => rule.cidrIp),
  'ip-permission.group-id': (group) => group.ingress.map((rule) => rule.referencedGroupId),
  'ip-permission.protocol': (group) => group.ingress.map((rule) => rule.ipProtocol),
  'ip-permission.from-port': (group) => group.ingress.map((rule) => rule.fromPort),
  'ip-permission.to-port': (group) => group.ingress.map((rule) => rule.toPort),
};

export const SECURITY_GROUP_OPERATIONS: Ec2OperationTable = {
  CreateSecurityGroup: mutation((params, context) => {
    const vpcId = optionalString(params, 'VpcId');
    if (vpcId === undefined) throw ec2Error('VPCIdNotSpecified', 'No default VPC for this user');
    const group = createSecurityGroup(context, {
      vpcId,
      groupName: requiredString(params, 'GroupName', 'groupName'),
      description: requiredString(params, 'GroupDescription', 'groupDescription'),
      tags: tagsFromSpecifications(params, 'security-group'),
    });
    return {
      return: true,
      groupId: group.groupId,
      securityGroupArn: groupFields(group, context.settings).securityGroupArn,
      tagSet: Object.keys(group.tags).length > 0 ? tagSet(group.tags) : undefined,
    };
  }),

  AuthorizeSecurityGroupIngress: mutation((params, context) => {
    const group = targetGroup(params, context.state);
    const requested = parseRequestedRules(params);
    assertReferencedGroupsExist(context.state, requested);
    const added = addIngressRules(group, requested, context.settings.quotas.rulesPerSecurityGroup);
    const securityGroupRuleSet: XmlValue[] = added.map((rule) =>
      securityGroupRuleFields(group.groupId, rule, context.settings.accountId),
    );
    return { return: true, securityGroupRuleSet };
  }),

  RevokeSecurityGroupIngress: mutation((params, context) => {
    removeIngressRules(targetGroup(params, context.state), parseRequestedRules(params));
    return RETURN_TRUE;
  }),

  DescribeSecurityGroups: read((params, context) => {
    const { settings } = context;
    const page = describe({
      params,
      records: context.state.securityGroups,
      idParameter: 'GroupId',
      notFound: NOT_FOUND.securityGroup,
      filters: { ...GROUP_FILTERS, 'owner-id': () => settings.accountId },
      maxPage: 1000,
    });
    const securityGroupInfo: XmlValue[] = page.items.map((group) => groupFields(group, settings));
    return { securityGroupInfo, nextToken: page.nextToken };
  }),

  /** The default group goes only with its VPC; a group other groups' rules reference cannot go. */
  DeleteSecurityGroup: mutation((params, context) => {
    const group = targetGroup(params, context.state);
    if (group.groupName === 'default') {
      throw ec2Error(
        'CannotDelete',
        `the specified group: "${group.groupId}" name: "default" cannot be deleted by a user`,
      );
    }
    if (isReferencedElsewhere(context.state, group.groupId)) {
      throw ec2Error('DependencyViolation', `resource ${group.groupId} has a dependent object`);
    }
    delete context.state.securityGroups[group.groupId];
    return { return: true, groupId: group.groupId };
  }),
};
