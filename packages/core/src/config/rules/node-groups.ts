import type { ProviderV1 } from '../../provider/v1/provider.js';
import type { HubfleetConfig } from '../deployment.js';
import { type ConfigIssue, error } from '../issues.js';

export function checkRolesPresent(config: HubfleetConfig): ConfigIssue[] {
  const roles = new Set(config.cluster.nodeGroups.map((group) => group.role));
  const issues: ConfigIssue[] = [];
  for (const role of ['core', 'users'] as const) {
    if (!roles.has(role)) {
      issues.push(
        error(
          ['cluster', 'nodeGroups'],
          `needs a nodegroup with role "${role}"`,
          role === 'core'
            ? 'add one for the hub, proxy and NFS servers, e.g. { name: core, role: core, instanceType: ..., min: 1, max: 2 }'
            : 'add one for user servers, e.g. { name: users, role: users, instanceType: ..., min: 0, max: 10 }',
        ),
      );
    }
  }
  return issues;
}

export function checkScaling(config: HubfleetConfig, provider: ProviderV1): ConfigIssue[] {
  return config.cluster.nodeGroups.flatMap((group, index) => {
    const path = ['cluster', 'nodeGroups', index];
    const issues: ConfigIssue[] = [];
    if (group.min > group.max) {
      issues.push(
        error([...path, 'min'], `min (${group.min}) is more than max (${group.max})`, 'make min at most max'),
      );
    }
    if (group.min === 0 && !provider.capabilities.scaleToZero) {
      issues.push(
        error(
          [...path, 'min'],
          `${provider.displayName} cannot scale a nodegroup from zero nodes`,
          'set min: 1 (or more)',
        ),
      );
    }
    if ((group.role === 'core' || group.role === 'tools') && group.min === 0) {
      issues.push(
        error(
          [...path, 'min'],
          `a ${group.role} nodegroup must keep at least one node: the ${group.role === 'core' ? 'hubs and NFS servers' : 'cluster tools'} run there all the time`,
          'set min: 1',
        ),
      );
    }
    return issues;
  });
}

export function checkGpuGroups(config: HubfleetConfig): ConfigIssue[] {
  return config.cluster.nodeGroups.flatMap((group, index) => {
    const path = ['cluster', 'nodeGroups', index];
    if (group.role === 'gpu' && group.gpu === undefined) {
      return [
        error([...path, 'gpu'], 'a gpu nodegroup needs gpu.count', 'add gpu: { count: 1 } (GPUs per node)'),
      ];
    }
    if (group.role !== 'gpu' && group.gpu !== undefined) {
      return [
        error(
          [...path, 'gpu'],
          `gpu is set but the role is "${group.role}", so no GPU taint or driver would be configured`,
          'set role: gpu, or remove gpu',
        ),
      ];
    }
    return [];
  });
}
