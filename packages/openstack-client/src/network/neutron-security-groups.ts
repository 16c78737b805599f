import { isOpenStackStatus } from '../errors/openstack-error.js';
import type { ServiceClient } from '../session/service-client.js';
import { toSecurityGroup, toSecurityGroupRule } from './network-mappers.js';
import type { SecurityGroup, SecurityGroupRule } from './network-types.js';
import { neutronCalls, neutronQuery } from './neutron-resource.js';

const groups = neutronCalls({
  path: 'security-groups',
  plural: 'security_groups',
  singular: 'security_group',
  map: toSecurityGroup,
});
const rules = neutronCalls({
  path: 'security-group-rules',
  plural: 'security_group_rules',
  singular: 'security_group_rule',
  map: toSecurityGroupRule,
});

export function listSecurityGroups(
  network: ServiceClient,
  filter: { name?: string; tags?: string[] } = {},
): Promise<SecurityGroup[]> {
  return groups.list(network, neutronQuery({ name: filter.name }, filter.tags));
}

export const getSecurityGroup = groups.get;

/** A new group allows all egress (IPv4 and IPv6) and no ingress. */
export function createSecurityGroup(
  network: ServiceClient,
  input: { name: string; description?: string; tags?: string[] },
): Promise<SecurityGroup> {
  return groups.create(network, input);
}

/** 409 SecurityGroupInUse while a port uses it. */
export const deleteSecurityGroup = groups.remove;

export interface SecurityGroupRuleInput {
  security_group_id: string;
  direction: 'ingress' | 'egress';
  /** @default 'IPv4' */
  ethertype?: 'IPv4' | 'IPv6';
  /** `tcp`, `udp`, `icmp`, a number (`4` is IP-in-IP for Calico), or null for any. */
  protocol?: string | null;
  port_range_min?: number;
  port_range_max?: number;
  remote_ip_prefix?: string;
  remote_group_id?: string;
  description?: string;
}

export function listSecurityGroupRules(
  network: ServiceClient,
  securityGroupId?: string,
): Promise<SecurityGroupRule[]> {
  return rules.list(network, neutronQuery({ security_group_id: securityGroupId }));
}

export const getSecurityGroupRule = rules.get;

/** Creates a rule; an identical rule already there is 409 SecurityGroupRuleExists. */
export function createSecurityGroupRule(
  network: ServiceClient,
  input: SecurityGroupRuleInput,
): Promise<SecurityGroupRule> {
  return rules.create(network, { ...input }, input.security_group_id);
}

/**
 * The rule, created or found: Neutron names the existing rule in its 409 ("Rule id is …"), so a
 * re-run converges without listing every rule first.
 */
export async function ensureSecurityGroupRule(
  network: ServiceClient,
  input: SecurityGroupRuleInput,
): Promise<{ rule: SecurityGroupRule; created: boolean }> {
  try {
    return { rule: await createSecurityGroupRule(network, input), created: true };
  } catch (error) {
    const existing = isOpenStackStatus(error, 409, 'SecurityGroupRuleExists')
      ? /Rule id is ([0-9a-f-]+)/i.exec(error.message)?.[1]
      : undefined;
    if (!existing) throw error;
    return { rule: await getSecurityGroupRule(network, existing), created: false };
  }
}

export const deleteSecurityGroupRule = rules.remove;
