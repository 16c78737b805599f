import {
  createSecurityGroup,
  deleteSecurityGroup,
  ensureSecurityGroupRule,
  listSecurityGroups,
  type SecurityGroup,
  type SecurityGroupRuleInput,
} from '@hubfleet/openstack-client';
import type { NectarCloud } from './nectar-cloud.js';
import { deploymentTag, securityGroupName } from './nectar-names.js';

type Rule = Omit<SecurityGroupRuleInput, 'security_group_id' | 'direction'> & { fromNodes?: boolean };

const tcp = (port: number, description: string, fromNodes = false, last = port): Rule => ({
  protocol: 'tcp',
  port_range_min: port,
  port_range_max: last,
  description,
  fromNodes,
});

/**
 * The deployment's ingress rules. From anywhere: SSH and the API server (the operator's machine has
 * no fixed address hubfleet knows), HTTP and HTTPS (the ingress listens on the nodes). From the
 * group's own members only: the kubelet, Calico (BGP, IP-in-IP, VXLAN, Typha) and NFS.
 */
export const SECURITY_GROUP_RULES: readonly Rule[] = [
  tcp(22, 'SSH: hubfleet bootstraps the VMs'),
  tcp(6443, 'Kubernetes API: the operator and the nodes'),
  tcp(80, 'HTTP to the ingress on the nodes'),
  tcp(443, 'HTTPS to the ingress on the nodes'),
  tcp(10250, 'kubelet, between nodes only', true),
  tcp(179, 'Calico BGP, between nodes only', true),
  { protocol: '4', description: 'Calico IP-in-IP, between nodes only', fromNodes: true },
  {
    protocol: 'udp',
    port_range_min: 4789,
    port_range_max: 4789,
    description: 'Calico VXLAN, between nodes only',
    fromNodes: true,
  },
  tcp(5473, 'Calico Typha, between nodes only', true),
  tcp(30000, 'NodePorts, between nodes only', true, 32767),
  tcp(2049, 'NFS from the nodes only', true),
  tcp(111, 'rpcbind for NFS, from the nodes only', true),
];

/** The deployment's security group, by name and tag, if it exists. */
export async function findSecurityGroup(cloud: NectarCloud): Promise<SecurityGroup | undefined> {
  const groups = await listSecurityGroups(cloud.network, {
    name: securityGroupName(cloud.config),
    tags: [deploymentTag(cloud.config)],
  });
  return groups[0];
}

/** The group with every rule; a re-run finds the group and each rule (Neutron names an existing rule). */
export async function ensureSecurityGroup(cloud: NectarCloud): Promise<SecurityGroup> {
  const group =
    (await findSecurityGroup(cloud)) ??
    (await createSecurityGroup(cloud.network, {
      name: securityGroupName(cloud.config),
      description: `hubfleet deployment ${cloud.config.name}: its VMs`,
      tags: [deploymentTag(cloud.config)],
    }));
  const have = group.rules.length;
  if (have >= SECURITY_GROUP_RULES.length + 2) return group;
  for (const { fromNodes, ...rule } of SECURITY_GROUP_RULES) {
    await ensureSecurityGroupRule(cloud.network, {
      ...rule,
      security_group_id: group.id,
      direction: 'ingress',
      ethertype: 'IPv4',
      ...(fromNodes ? { remote_group_id: group.id } : { remote_ip_prefix: '0.0.0.0/0' }),
    });
  }
  return group;
}

/** Remove the group once no VM uses it (Neutron answers 409 while one does: retryable). */
export async function removeSecurityGroup(cloud: NectarCloud): Promise<void> {
  const group = await findSecurityGroup(cloud);
  if (group) await deleteSecurityGroup(cloud.network, group.id);
}
