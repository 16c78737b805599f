import { type ComponentName, OwnershipTag, ownershipTags } from '@hubfleet/core';

/** EC2 and IAM spell tags as a list of `{ Key, Value }`; EKS as a map. */
export interface TagPair {
  Key?: string | undefined;
  Value?: string | undefined;
}

/** `[{ Key, Value }]` → `{ key: value }`, skipping entries without a key. */
export function tagRecord(tags: readonly TagPair[] | undefined): Record<string, string> {
  const record: Record<string, string> = {};
  for (const tag of tags ?? []) {
    if (tag.Key !== undefined) record[tag.Key] = tag.Value ?? '';
  }
  return record;
}

/** `{ key: value }` → `[{ Key, Value }]`, in key order so requests are stable. */
export function tagPairs(tags: Readonly<Record<string, string>>): { Key: string; Value: string }[] {
  return Object.keys(tags)
    .sort()
    .map((Key) => ({ Key, Value: tags[Key] ?? '' }));
}

/** True when `tags` say this deployment owns the resource as `component`. */
export function isOwnedBy(
  tags: Readonly<Record<string, string>> | undefined,
  deployment: string,
  component: ComponentName,
): boolean {
  return tags?.[OwnershipTag.deployment] === deployment && tags[OwnershipTag.component] === component;
}

/** EC2 describe filters that select a deployment's resources of one component. */
export function ownershipFilters(
  deployment: string,
  component: ComponentName,
): { Name: string; Values: string[] }[] {
  return [
    { Name: `tag:${OwnershipTag.deployment}`, Values: [deployment] },
    { Name: `tag:${OwnershipTag.component}`, Values: [component] },
  ];
}

/** Ownership tags plus the `Name` tag the EC2 console shows. */
export function namedOwnershipTags(
  deployment: string,
  component: ComponentName,
  name: string,
  extra: { hub?: string; nodeGroup?: string } = {},
): Record<string, string> {
  return { Name: name, ...ownershipTags(deployment, component, extra) };
}
