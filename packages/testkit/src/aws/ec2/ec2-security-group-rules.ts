import { parseCidr } from './ec2-cidr.js';
import { ec2Error, invalidParameterValue } from './ec2-errors.js';
import { newEc2Id } from './ec2-ids.js';
import { type Ec2Params, optionalInteger, optionalString, structList } from './ec2-params.js';
import type { SecurityGroupRecord, SecurityGroupRuleRecord } from './ec2-state.js';
import type { Ec2ResponseFields } from './ec2-xml.js';

/** A rule as requested, before it gets an id. */
export type RequestedRule = Omit<SecurityGroupRuleRecord, 'ruleId'>;

const PROTOCOL_NAMES: Readonly<Record<string, string>> = { '6': 'tcp', '17': 'udp', '1': 'icmp', all: '-1' };

function normaliseProtocol(protocol: string): string {
  const lower = protocol.toLowerCase();
  const name = PROTOCOL_NAMES[lower] ?? lower;
  if (['tcp', 'udp', 'icmp', '-1'].includes(name) || /^\d{1,3}$/.test(name)) return name;
  throw invalidParameterValue(`Invalid value '${protocol}' for IP protocol. Unknown protocol.`);
}

function portRange(protocol: string, fromPort: number | undefined, toPort: number | undefined) {
  if (protocol === '-1') return {};
  if (protocol === 'tcp' || protocol === 'udp') {
    if (fromPort === undefined || toPort === undefined) {
      throw invalidParameterValue(
        `Invalid value 'null' for portRange. Must specify both from and to ports with TCP/UDP.`,
      );
    }
    if (fromPort < 0 || toPort > 65_535 || fromPort > toPort) {
      throw invalidParameterValue(`Invalid value '${fromPort}-${toPort}' for portRange.`);
    }
  }
  return { fromPort, toPort };
}

function permission(entry: Ec2Params): RequestedRule[] {
  const ipProtocol = normaliseProtocol(optionalString(entry, 'IpProtocol') ?? '');
  const ports = portRange(ipProtocol, optionalInteger(entry, 'FromPort'), optionalInteger(entry, 'ToPort'));
  const fromRanges = structList(entry, 'IpRanges').map((range): RequestedRule => {
    const cidrIp = optionalString(range, 'CidrIp') ?? '';
    if (!parseCidr(cidrIp)) throw invalidParameterValue(`CIDR block ${cidrIp} is malformed`);
    return { ipProtocol, ...ports, cidrIp, description: optionalString(range, 'Description') };
  });
  const fromGroups = structList(entry, 'Groups').map(
    (group): RequestedRule => ({
      ipProtocol,
      ...ports,
      referencedGroupId: optionalString(group, 'GroupId') ?? '',
      description: optionalString(group, 'Description'),
    }),
  );
  const rules = [...fromRanges, ...fromGroups];
  if (rules.length === 0)
    throw invalidParameterValue('The permission must name at least one source: IpRanges or Groups.');
  return rules;
}

/** `IpPermissions.N…`, or the legacy top-level `IpProtocol`/`FromPort`/`ToPort`/`CidrIp`. */
export function parseRequestedRules(params: Ec2Params): RequestedRule[] {
  const permissions = structList(params, 'IpPermissions');
  if (permissions.length > 0) return permissions.flatMap(permission);
  const cidrIp = optionalString(params, 'CidrIp');
  const legacy: Ec2Params = { ...params, ...(cidrIp === undefined ? {} : { 'IpRanges.1.CidrIp': cidrIp }) };
  return permission(legacy);
}

function sameRule(a: RequestedRule, b: RequestedRule): boolean {
  return (
    a.ipProtocol === b.ipProtocol &&
    a.fromPort === b.fromPort &&
    a.toPort === b.toPort &&
    a.cidrIp === b.cidrIp &&
    a.referencedGroupId === b.referencedGroupId
  );
}

function describeRule(rule: RequestedRule): string {
  const peer = rule.cidrIp ?? rule.referencedGroupId ?? '';
  return `peer: ${peer}, ${rule.ipProtocol.toUpperCase()}, from port: ${rule.fromPort ?? -1}, to port: ${rule.toPort ?? -1}, ALLOW`;
}

export function addIngressRules(
  group: SecurityGroupRecord,
  requested: readonly RequestedRule[],
  limit: number,
): SecurityGroupRuleRecord[] {
  for (const rule of requested) {
    if (group.ingress.some((existing) => sameRule(existing, rule))) {
      throw ec2Error(
        'InvalidPermission.Duplicate',
        `the specified rule "${describeRule(rule)}" already exists`,
      );
    }
  }
  if (group.ingress.length + requested.length > limit) {
    throw ec2Error(
      'RulesPerSecurityGroupLimitExceeded',
      'The maximum number of rules per security group has been reached.',
    );
  }
  const added = requested.map((rule) => ({ ruleId: newEc2Id('sgr'), ...rule }));
  group.ingress.push(...added);
  return added;
}

export function removeIngressRules(group: SecurityGroupRecord, requested: readonly RequestedRule[]): void {
  for (const rule of requested) {
    if (!group.ingress.some((existing) => sameRule(existing, rule))) {
      throw ec2Error(
        'InvalidPermission.NotFound',
        `The specified rule does not exist in this security group (${describeRule(rule)}).`,
      );
    }
  }
  group.ingress = group.ingress.filter((existing) => !requested.some((rule) => sameRule(existing, rule)));
}

/** DescribeSecurityGroups groups rules by protocol and ports into `ipPermissions` items. */
export function ipPermissionFields(
  rules: readonly SecurityGroupRuleRecord[],
  accountId: string,
): Ec2ResponseFields[] {
  const byPorts = new Map<string, SecurityGroupRuleRecord[]>();
  for (const rule of rules) {
    const key = `${rule.ipProtocol}:${rule.fromPort}:${rule.toPort}`;
    byPorts.set(key, [...(byPorts.get(key) ?? []), rule]);
  }
  return [...byPorts.values()].map((group) => {
    const first = group[0] as SecurityGroupRuleRecord;
    return {
      ipProtocol: first.ipProtocol,
      fromPort: first.fromPort,
      toPort: first.toPort,
      groups: group
        .filter((rule) => rule.referencedGroupId !== undefined)
        .map((rule) => ({
          userId: accountId,
          groupId: rule.referencedGroupId,
          description: rule.description,
        })),
      ipRanges: group
        .filter((rule) => rule.cidrIp !== undefined)
        .map((rule) => ({ cidrIp: rule.cidrIp, description: rule.description })),
      ipv6Ranges: [],
      prefixListIds: [],
    };
  });
}

/** AuthorizeSecurityGroupIngress answers with one `securityGroupRuleSet` item per rule created. */
export function securityGroupRuleFields(
  groupId: string,
  rule: SecurityGroupRuleRecord,
  accountId: string,
): Ec2ResponseFields {
  return {
    securityGroupRuleId: rule.ruleId,
    groupId,
    groupOwnerId: accountId,
    isEgress: false,
    ipProtocol: rule.ipProtocol,
    fromPort: rule.fromPort ?? -1,
    toPort: rule.toPort ?? -1,
    cidrIpv4: rule.cidrIp,
    referencedGroupInfo: rule.referencedGroupId
      ? { groupId: rule.referencedGroupId, userId: accountId }
      : undefined,
    description: rule.description,
  };
}
