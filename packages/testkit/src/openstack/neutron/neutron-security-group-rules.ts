import { randomUUID } from 'node:crypto';
import { numberField, objectField, stringField } from '../../framework/json-body.js';
import type { OpenStackRequest } from '../shared/openstack-protocol.js';
import { checkQuota, lookup, type NeutronContext, reply, standardView } from './neutron-context.js';
import { badRequest, inUse, invalidInput, notFound } from './neutron-errors.js';
import { listReply } from './neutron-listing.js';
import type { SecurityGroupRuleRecord } from './neutron-state.js';

export function ruleView(context: NeutronContext, rule: SecurityGroupRuleRecord) {
  return {
    ...standardView(context, rule),
    security_group_id: rule.securityGroupId,
    direction: rule.direction,
    ethertype: rule.ethertype,
    protocol: rule.protocol,
    port_range_min: rule.portRangeMin,
    port_range_max: rule.portRangeMax,
    remote_ip_prefix: rule.remoteIpPrefix,
    remote_group_id: rule.remoteGroupId,
    remote_address_group_id: null,
    normalized_cidr: rule.remoteIpPrefix,
  };
}

const PROTOCOL_NUMBERS: Readonly<Record<string, string>> = {
  '6': 'tcp',
  '17': 'udp',
  '1': 'icmp',
  '4': 'ipip',
};
const NAMED = new Set(['tcp', 'udp', 'icmp', 'ipip', 'sctp', 'gre', 'esp', 'ah', 'icmpv6', 'any']);

function protocolOf(raw: unknown): string | null {
  if (raw === null || raw === undefined) return null;
  const text = String(raw).toLowerCase();
  if (NAMED.has(text)) return text === 'any' ? null : text;
  // Neutron keeps a number as given; duplicates are found on the canonical name (see sameRule).
  if (/^\d+$/.test(text) && Number(text) <= 255) return text;
  throw badRequest('security_group_rule', `Security group rule protocol ${text} not supported`);
}

/** `6` and `tcp` are one protocol to the duplicate check. */
function canonical(protocol: string | null): string | null {
  return protocol === null ? null : (PROTOCOL_NUMBERS[protocol] ?? protocol);
}

function portRange(body: Record<string, unknown>, given: string | null): [number | null, number | null] {
  const protocol = canonical(given);
  const min = numberField(body, 'port_range_min') ?? null;
  const max = numberField(body, 'port_range_max') ?? null;
  if (min === null && max === null) return [null, null];
  if (protocol !== 'tcp' && protocol !== 'udp' && protocol !== 'sctp' && protocol !== 'icmp')
    throw invalidInput('Ports can only be specified for TCP, UDP, SCTP and ICMP rules');
  if (protocol !== 'icmp' && (min === null || max === null || min > max || min < 0 || max > 65535))
    throw invalidInput('For TCP/UDP protocols, port_range_min must be <= port_range_max');
  return [min, max];
}

function sameRule(a: SecurityGroupRuleRecord, b: SecurityGroupRuleRecord): boolean {
  return (
    a.securityGroupId === b.securityGroupId &&
    a.direction === b.direction &&
    a.ethertype === b.ethertype &&
    canonical(a.protocol) === canonical(b.protocol) &&
    a.portRangeMin === b.portRangeMin &&
    a.portRangeMax === b.portRangeMax &&
    a.remoteIpPrefix === b.remoteIpPrefix &&
    a.remoteGroupId === b.remoteGroupId
  );
}

export function listSecurityGroupRules(context: NeutronContext, request: OpenStackRequest) {
  return listReply(
    context,
    'security_group_rules',
    request.query,
    Object.values(context.state.securityGroupRules),
    (rule) => ruleView(context, rule),
  );
}

function ruleOf(context: NeutronContext, id: string | undefined): SecurityGroupRuleRecord {
  const rule = id === undefined ? undefined : context.state.securityGroupRules[id];
  if (!rule) throw notFound('SecurityGroupRuleNotFound', `Security group rule ${id} does not exist`);
  return rule;
}

export function getSecurityGroupRule(context: NeutronContext, request: OpenStackRequest) {
  return reply(200, { security_group_rule: ruleView(context, ruleOf(context, request.labels.id)) });
}

/** 201; a rule equal to an existing one is 409 SecurityGroupRuleExists naming that rule. */
export function createSecurityGroupRule(context: NeutronContext, request: OpenStackRequest) {
  const body = objectField(request.body, 'security_group_rule');
  if (!body)
    throw badRequest('security_group_rule', "Resource body required, 'security_group_rule' is missing");
  const group = lookup(context, 'securityGroups', stringField(body, 'security_group_id'));
  const direction = stringField(body, 'direction');
  if (direction !== 'ingress' && direction !== 'egress')
    throw invalidInput(`'${direction ?? 'None'}' is not in ['ingress', 'egress']`);
  const ethertype = stringField(body, 'ethertype') ?? 'IPv4';
  if (ethertype !== 'IPv4' && ethertype !== 'IPv6')
    throw invalidInput(`'${ethertype}' is not in ['IPv4', 'IPv6']`);
  const protocol = protocolOf(body.protocol);
  const [portRangeMin, portRangeMax] = portRange(body, protocol);
  const remoteIpPrefix = stringField(body, 'remote_ip_prefix') ?? null;
  const remoteGroupId = stringField(body, 'remote_group_id') ?? null;
  if (remoteIpPrefix !== null && remoteGroupId !== null)
    throw badRequest('security_group_rule', 'Only remote_ip_prefix or remote_group_id may be provided');
  if (remoteGroupId !== null) lookup(context, 'securityGroups', remoteGroupId);
  const rule: SecurityGroupRuleRecord = {
    id: randomUUID(),
    description: stringField(body, 'description') ?? '',
    created: context.now,
    updated: context.now,
    revision: 0,
    securityGroupId: group.id,
    direction,
    ethertype,
    protocol,
    portRangeMin,
    portRangeMax,
    remoteIpPrefix,
    remoteGroupId,
  };
  const duplicate = Object.values(context.state.securityGroupRules).find((existing) =>
    sameRule(existing, rule),
  );
  if (duplicate)
    throw inUse('SecurityGroupRuleExists', `Security group rule already exists. Rule id is ${duplicate.id}.`);
  checkQuota(context, 'security_group_rule', Object.keys(context.state.securityGroupRules).length);
  context.state.securityGroupRules[rule.id] = rule;
  return reply(201, { security_group_rule: ruleView(context, rule) });
}

export function deleteSecurityGroupRule(context: NeutronContext, request: OpenStackRequest) {
  delete context.state.securityGroupRules[ruleOf(context, request.labels.id).id];
  return reply(204);
}
