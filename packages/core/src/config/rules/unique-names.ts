import type { HubfleetConfig } from '../deployment.js';
import type { ConfigIssue } from '../issues.js';

function duplicates(
  items: readonly { name: string }[],
  basePath: (string | number)[],
  what: string,
): ConfigIssue[] {
  const firstIndex = new Map<string, number>();
  const issues: ConfigIssue[] = [];
  items.forEach((item, index) => {
    const earlier = firstIndex.get(item.name);
    if (earlier === undefined) {
      firstIndex.set(item.name, index);
      return;
    }
    issues.push({
      path: [...basePath, index, 'name'],
      message: `duplicate ${what} name "${item.name}" (already used at ${basePath.join('.')}[${earlier}])`,
      hint: `give each ${what} a unique name`,
      severity: 'error',
    });
  });
  return issues;
}

export function checkUniqueNames(config: HubfleetConfig): ConfigIssue[] {
  return [
    ...duplicates(config.cluster.nodeGroups, ['cluster', 'nodeGroups'], 'nodegroup'),
    ...duplicates(config.hubs, ['hubs'], 'hub'),
    ...duplicates(config.tools.placeholders, ['tools', 'placeholders'], 'placeholder'),
    ...config.hubs.flatMap((hub, index) => duplicates(hub.profiles, ['hubs', index, 'profiles'], 'profile')),
  ];
}

/** Namespaces hubfleet's own tools use; a hub (whose name is its namespace) must not take them. */
export const RESERVED_NAMESPACES = [
  'default',
  'kube-system',
  'kube-public',
  'kube-node-lease',
  'hubfleet-system',
  'ingress-nginx',
  'cert-manager',
  'monitoring',
  'velero',
  'registry-cache',
  'gpu-operator',
] as const;

export function checkReservedHubNames(config: HubfleetConfig): ConfigIssue[] {
  return config.hubs.flatMap((hub, index) =>
    (RESERVED_NAMESPACES as readonly string[]).includes(hub.name)
      ? [
          {
            path: ['hubs', index, 'name'],
            message: `"${hub.name}" is a namespace hubfleet or Kubernetes already uses, and a hub's name is its namespace`,
            hint: `choose another name, e.g. "${hub.name}-hub"`,
            severity: 'error' as const,
          },
        ]
      : [],
  );
}
