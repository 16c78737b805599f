/**
 * Ownership metadata carried by every cloud resource hubfleet creates (as tags, labels or metadata,
 * whatever the cloud calls them). The cloud itself is the state: observe = list by these tags.
 */
export const OwnershipTag = {
  deployment: 'hubfleet.io/deployment',
  component: 'hubfleet.io/component',
  hub: 'hubfleet.io/hub',
  nodeGroup: 'hubfleet.io/nodegroup',
} as const;

export type ComponentName = 'network' | 'identity' | 'cluster' | 'nodegroup' | 'volume' | 'bucket' | 'addon';

export function ownershipTags(
  deployment: string,
  component: ComponentName,
  extra: { hub?: string; nodeGroup?: string } = {},
): Record<string, string> {
  const tags: Record<string, string> = {
    [OwnershipTag.deployment]: deployment,
    [OwnershipTag.component]: component,
  };
  if (extra.hub !== undefined) tags[OwnershipTag.hub] = extra.hub;
  if (extra.nodeGroup !== undefined) tags[OwnershipTag.nodeGroup] = extra.nodeGroup;
  return tags;
}
