import {
  createSecurityGroup,
  deleteSecurityGroup,
  deleteSecurityGroupRule,
  ensureSecurityGroupRule,
  listSecurityGroups,
  type SecurityGroup,
  type SecurityGroupRule,
  type SecurityGroupRuleInput,
} from '@hubfleet/openstack-client';
import type { NectarCloud } from './nectar-cloud.js';
import { deploymentTag, securityGroupName } from './nectar-names.js';

/** Where a rule admits traffic from: anywhere, the group's own members (the nodes), the operator. */
type Source = 'anywhere' | 'nodes' | 'operator';
type Rule = Omit<SecurityGroupRuleInput, 'security_group_id' | 'direction'> & { from: Source };

const tcp = (port: number, description: string, from: Source, last = port): Rule => ({
  protocol: 'tcp',
  port_range_min: port,
  port_range_max: last,
  description,
  from,
});

/**
 * The deployment's ingress rules. From the operator (`provider.operatorCidrs`, anywhere without it):
 * SSH and the API server. From anywhere: HTTP and HTTPS (the ingress listens on the nodes). From the
 * group's own members only: the API server, the kubelet, Calico (BGP, IP-in-IP, VXLAN, Typha) and NFS.
 */
export const SECURITY_GROUP_RULES: readonly Rule[] = [
  tcp(22, 'SSH: hubfleet bootstraps the VMs', 'operator'),
  tcp(6443, 'Kubernetes API: the operator', 'operator'),
  tcp(6443, 'Kubernetes API: the nodes', 'nodes'),
  tcp(80, 'HTTP to the ingress on the nodes', 'anywhere'),
  tcp(443, 'HTTPS to the ingress on the nodes', 'anywhere'),
  tcp(10250, 'kubelet, between nodes only', 'nodes'),
  tcp(179, 'Calico BGP, between nodes only', 'nodes'),
  { protocol: '4', description: 'Calico IP-in-IP, between nodes only', from: 'nodes' },
  {
    protocol: 'udp',
    port_range_min: 4789,
    port_range_max: 4789,
    description: 'Calico VXLAN, between nodes only',
    from: 'nodes',
  },
  tcp(5473, 'Calico Typha, between nodes only', 'nodes'),
  tcp(30000, 'NodePorts, between nodes only', 'nodes', 32767),
  tcp(2049, 'NFS from the nodes only', 'nodes'),
  tcp(111, 'rpcbind for NFS, from the nodes only', 'nodes'),
];

/** Where the operator reaches SSH and the API server from: `provider.operatorCidrs`, else anywhere. */
export function operatorCidrs(cloud: NectarCloud): readonly string[] {
  return cloud.config.provider.operatorCidrs ?? ['0.0.0.0/0'];
}

/** Every rule the group should hold, one per operator CIDR for the operator's rules (unless left out). */
export function wantedRules(
  cloud: NectarCloud,
  groupId: string,
  withOperatorRules = true,
): SecurityGroupRuleInput[] {
  const rules = SECURITY_GROUP_RULES.filter((rule) => withOperatorRules || rule.from !== 'operator');
  return rules.flatMap(({ from, ...rule }): SecurityGroupRuleInput[] => {
    const base = {
      ...rule,
      security_group_id: groupId,
      direction: 'ingress' as const,
      ethertype: 'IPv4' as const,
    };
    if (from === 'nodes') return [{ ...base, remote_group_id: groupId }];
    if (from === 'anywhere') return [{ ...base, remote_ip_prefix: '0.0.0.0/0' }];
    return operatorCidrs(cloud).map((cidr) => ({ ...base, remote_ip_prefix: cidr }));
  });
}

type HeldRule = Pick<
  SecurityGroupRule,
  'protocol' | 'portRangeMin' | 'portRangeMax' | 'remoteIpPrefix' | 'remoteGroupId'
>;

/** A rule as one line, e.g. `tcp 22-22 from 203.0.113.0/24` (plan shows these). */
export function heldRuleKey(rule: HeldRule): string {
  const { portRangeMin: low, portRangeMax: high } = rule;
  const ports = low === null ? '' : ` ${low}-${high ?? low}`;
  const remote = rule.remoteGroupId ? 'the nodes' : (rule.remoteIpPrefix ?? '0.0.0.0/0');
  return `${rule.protocol ?? 'any'}${ports} from ${remote}`;
}

/** A rule hubfleet wants, as the same line as the rule Neutron would hold for it. */
export const wantedRuleKey = (rule: SecurityGroupRuleInput): string =>
  heldRuleKey({
    protocol: rule.protocol ?? null,
    portRangeMin: rule.port_range_min ?? null,
    portRangeMax: rule.port_range_max ?? null,
    remoteIpPrefix: rule.remote_ip_prefix ?? null,
    remoteGroupId: rule.remote_group_id ?? null,
  });

/** The operator's ports: their rules from an address range follow `provider.operatorCidrs`. */
const OPERATOR_PORTS = new Set(
  SECURITY_GROUP_RULES.filter((rule) => rule.from === 'operator').map((rule) => rule.port_range_min),
);

/** The deployment's security group, by name and tag, if it exists. */
export async function findSecurityGroup(cloud: NectarCloud): Promise<SecurityGroup | undefined> {
  const groups = await listSecurityGroups(cloud.network, {
    name: securityGroupName(cloud.config),
    tags: [deploymentTag(cloud.config)],
  });
  return groups[0];
}

/**
 * The group with its rules (a re-run finds the group and each rule). The operator's rules (SSH and
 * the API server from `provider.operatorCidrs`) are the security-group step's: it runs before the
 * cluster and passes `withOperatorRules`, which also removes operator rules the config dropped.
 */
export async function ensureSecurityGroup(
  cloud: NectarCloud,
  withOperatorRules = false,
): Promise<SecurityGroup> {
  const group =
    (await findSecurityGroup(cloud)) ??
    (await createSecurityGroup(cloud.network, {
      name: securityGroupName(cloud.config),
      description: `hubfleet deployment ${cloud.config.name}: its VMs`,
      tags: [deploymentTag(cloud.config)],
    }));
  for (const rule of missingRules(cloud, group, withOperatorRules))
    await ensureSecurityGroupRule(cloud.network, rule);
  if (withOperatorRules)
    for (const rule of staleRules(cloud, group)) await deleteSecurityGroupRule(cloud.network, rule.id);
  return group;
}

/**
 * Rules admitting an address range to the operator's ports (SSH, the API server) that the config no
 * longer asks for: an operator CIDR removed, or 0.0.0.0/0 once `operatorCidrs` is set.
 */
export function staleRules(cloud: NectarCloud, group: SecurityGroup): SecurityGroupRule[] {
  const wanted = new Set(wantedRules(cloud, group.id).map(wantedRuleKey));
  return operatorRules(group).filter((rule) => !wanted.has(heldRuleKey(rule)));
}

/** The rules admitting an address range (not the nodes) to SSH or the API server. */
export function operatorRules(group: SecurityGroup): SecurityGroupRule[] {
  return group.rules.filter(
    (rule) =>
      rule.direction === 'ingress' &&
      rule.protocol === 'tcp' &&
      rule.remoteGroupId === null &&
      OPERATOR_PORTS.has(rule.portRangeMin ?? undefined),
  );
}

/** Wanted rules the group lacks. */
export function missingRules(
  cloud: NectarCloud,
  group: SecurityGroup,
  withOperatorRules = true,
): SecurityGroupRuleInput[] {
  const have = new Set(group.rules.filter((rule) => rule.direction === 'ingress').map(heldRuleKey));
  return wantedRules(cloud, group.id, withOperatorRules).filter((rule) => !have.has(wantedRuleKey(rule)));
}

/** Remove the group once no VM uses it (Neutron answers 409 while one does: retryable). */
export async function removeSecurityGroup(cloud: NectarCloud): Promise<void> {
  const group = await findSecurityGroup(cloud);
  if (group) await deleteSecurityGroup(cloud.network, group.id);
}
