import { randomUUID } from 'node:crypto';
import { booleanField, objectField, stringField } from '../../framework/json-body.js';
import type { OpenStackRequest } from '../shared/openstack-protocol.js';
import {
  checkQuota,
  lookup,
  type NeutronContext,
  newRecord,
  reply,
  standardView,
} from './neutron-context.js';
import { showing, updateCommon } from './neutron-crud.js';
import { badRequest, inUse } from './neutron-errors.js';
import { listReply } from './neutron-listing.js';
import { ruleView } from './neutron-security-group-rules.js';
import type { SecurityGroupRecord, SecurityGroupRuleRecord } from './neutron-state.js';

function egressRule(
  context: NeutronContext,
  groupId: string,
  ethertype: 'IPv4' | 'IPv6',
): SecurityGroupRuleRecord {
  return {
    id: randomUUID(),
    description: '',
    created: context.now,
    updated: context.now,
    revision: 0,
    securityGroupId: groupId,
    direction: 'egress',
    ethertype,
    protocol: null,
    portRangeMin: null,
    portRangeMax: null,
    remoteIpPrefix: null,
    remoteGroupId: null,
  };
}

/** Every new group allows all egress (IPv4 and IPv6), as Neutron makes it. */
function addGroup(context: NeutronContext, group: SecurityGroupRecord): void {
  context.state.securityGroups[group.id] = group;
  for (const ethertype of ['IPv4', 'IPv6'] as const) {
    const rule = egressRule(context, group.id, ethertype);
    context.state.securityGroupRules[rule.id] = rule;
  }
}

/** The project's `default` group, made on first use: egress open, ingress from its own members. */
export function defaultSecurityGroup(context: NeutronContext): SecurityGroupRecord {
  const existing = Object.values(context.state.securityGroups).find((group) => group.name === 'default');
  if (existing) return existing;
  const group: SecurityGroupRecord = {
    ...newRecord(context, { name: 'default', description: 'Default security group' }),
    stateful: true,
  };
  addGroup(context, group);
  for (const ethertype of ['IPv4', 'IPv6'] as const) {
    const rule = {
      ...egressRule(context, group.id, ethertype),
      direction: 'ingress' as const,
      remoteGroupId: group.id,
    };
    context.state.securityGroupRules[rule.id] = rule;
  }
  return group;
}

export function securityGroupView(context: NeutronContext, group: SecurityGroupRecord) {
  return {
    ...standardView(context, group),
    stateful: group.stateful,
    shared: false,
    security_group_rules: Object.values(context.state.securityGroupRules)
      .filter((rule) => rule.securityGroupId === group.id)
      .map((rule) => ruleView(context, rule)),
  };
}

export function listSecurityGroups(context: NeutronContext, request: OpenStackRequest) {
  defaultSecurityGroup(context);
  return listReply(
    context,
    'security_groups',
    request.query,
    Object.values(context.state.securityGroups),
    (group) => securityGroupView(context, group),
  );
}

export const getSecurityGroup = showing('securityGroups', 'security_group', securityGroupView);

export function createSecurityGroup(context: NeutronContext, request: OpenStackRequest) {
  const body = objectField(request.body, 'security_group');
  if (!body) throw badRequest('security_group', "Resource body required, 'security_group' is missing");
  defaultSecurityGroup(context);
  if (stringField(body, 'name') === 'default')
    throw inUse('SecurityGroupDefaultAlreadyExists', 'Default security group already exists.');
  checkQuota(context, 'security_group', Object.keys(context.state.securityGroups).length);
  const group: SecurityGroupRecord = {
    ...newRecord(context, body),
    stateful: booleanField(body, 'stateful') ?? true,
  };
  addGroup(context, group);
  return reply(201, { security_group: securityGroupView(context, group) });
}

export function updateSecurityGroup(context: NeutronContext, request: OpenStackRequest) {
  const group = lookup(context, 'securityGroups', request.labels.id);
  const body = objectField(request.body, 'security_group') ?? {};
  updateCommon(context, group, body);
  return reply(200, { security_group: securityGroupView(context, group) });
}

/** 409 while a port uses it; the default group cannot be deleted by a project member. */
export function deleteSecurityGroup(context: NeutronContext, request: OpenStackRequest) {
  const group = lookup(context, 'securityGroups', request.labels.id);
  if (group.name === 'default')
    throw inUse('SecurityGroupCannotRemoveDefault', 'Removing default security group not allowed.');
  if (Object.values(context.state.ports).some((port) => port.securityGroups.includes(group.id)))
    throw inUse('SecurityGroupInUse', `Security Group ${group.id} in use.`);
  for (const rule of Object.values(context.state.securityGroupRules))
    if (rule.securityGroupId === group.id || rule.remoteGroupId === group.id)
      delete context.state.securityGroupRules[rule.id];
  delete context.state.securityGroups[group.id];
  return reply(204);
}
