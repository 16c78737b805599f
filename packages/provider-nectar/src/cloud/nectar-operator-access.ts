import type { ProviderResourceDiffV1, ProviderResourceV1 } from '@hubfleet/core';
import { deleteSecurityGroupRule, type SecurityGroup } from '@hubfleet/openstack-client';
import type { NectarCloud } from './nectar-cloud.js';
import { securityGroupName } from './nectar-names.js';
import {
  ensureSecurityGroup,
  findSecurityGroup,
  heldRuleKey,
  missingRules,
  operatorCidrs,
  operatorRules,
  staleRules,
  wantedRuleKey,
} from './nectar-security-group.js';

/** The security group's rules as they stand against the config's. */
export interface ObservedOperatorAccess {
  group: SecurityGroup;
  /** Rules the config asks for that the group lacks (`tcp 22-22 from 203.0.113.7/32`). */
  missing: string[];
  /** Operator rules the config no longer asks for (`tcp 22-22 from 0.0.0.0/0`). */
  stale: string[];
}

/**
 * `security-group/<deployment>-hubfleet`: the group, and who reaches SSH and the Kubernetes API, as
 * `provider.operatorCidrs` says, so changing that field shows in `plan` and `up` applies it. It runs
 * before the cluster (the bootstrap needs SSH); the VMs' own rules are ensured with each VM too. The
 * cluster step removes the group with the last VM; this step's delete then finds no rule left.
 */
export function nectarOperatorAccess(cloud: NectarCloud): ProviderResourceV1<ObservedOperatorAccess> {
  const allowed = operatorCidrs(cloud).join(', ');
  return {
    name: securityGroupName(cloud.config),
    kind: 'security-group',
    waitingOn: 'NeCTAR (Neutron security group rules)',
    typicalDurationMs: 5_000,
    requiredBy: ['cluster'],
    async observe() {
      const group = await findSecurityGroup(cloud);
      if (group === undefined || operatorRules(group).length === 0) return undefined;
      return {
        group,
        missing: missingRules(cloud, group).map(wantedRuleKey),
        stale: staleRules(cloud, group).map(heldRuleKey),
      };
    },
    diff(observed): ProviderResourceDiffV1 {
      if (observed === undefined)
        return { action: 'create', reason: `SSH and the Kubernetes API to admit ${allowed}` };
      if (observed.missing.length === 0 && observed.stale.length === 0) {
        const anywhere = cloud.config.provider.operatorCidrs === undefined;
        return {
          action: 'noop',
          reason: `SSH and the Kubernetes API admit ${allowed}${anywhere ? ' (anywhere: set provider.operatorCidrs)' : ''}`,
        };
      }
      return {
        action: 'update',
        reason: `SSH and the Kubernetes API to admit ${allowed}`,
        changes: [
          ...observed.stale.map((rule) => ({ field: 'rule', from: rule })),
          ...observed.missing.map((rule) => ({ field: 'rule', to: rule })),
        ],
      };
    },
    async apply(action) {
      if (action !== 'delete') {
        await ensureSecurityGroup(cloud, true);
        return;
      }
      const group = await findSecurityGroup(cloud);
      for (const rule of group ? operatorRules(group) : [])
        await deleteSecurityGroupRule(cloud.network, rule.id);
    },
  };
}
