import { type ComponentName, OwnershipTag, ownershipTags } from '@hubfleet/core';

/**
 * GKE has no tags: resource labels are the state. Google label keys allow only lowercase letters,
 * digits, `_` and `-`, so hubfleet's ownership tags (`hubfleet.io/deployment`) are written as
 * `hubfleet-deployment` and read back into hubfleet's spelling.
 */
const PREFIX = 'hubfleet.io/';
const GOOGLE_PREFIX = 'hubfleet-';

/** A value Google accepts: lowercase letters, digits, `_`, `-`, at most 63 characters. */
export function googleLabelValue(value: string): string {
  return value
    .toLowerCase()
    .replace(/[^a-z0-9_-]/g, '-')
    .slice(0, 63);
}

/** hubfleet tags → Google labels (`hubfleet.io/x` → `hubfleet-x`). */
export function toGoogleLabels(tags: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(tags).map(([key, value]) => [
      key.startsWith(PREFIX) ? `${GOOGLE_PREFIX}${key.slice(PREFIX.length)}` : key,
      googleLabelValue(value),
    ]),
  );
}

/** Google labels → hubfleet tags; other labels pass through unchanged. */
export function fromGoogleLabels(
  labels: Readonly<Record<string, string>> | null | undefined,
): Record<string, string> {
  return Object.fromEntries(
    Object.entries(labels ?? {}).map(([key, value]) => [
      key.startsWith(GOOGLE_PREFIX) ? `${PREFIX}${key.slice(GOOGLE_PREFIX.length)}` : key,
      value,
    ]),
  );
}

/** The ownership labels of one resource, in Google's spelling. */
export function ownershipLabels(
  deployment: string,
  component: ComponentName,
  extra: { hub?: string; nodeGroup?: string } = {},
): Record<string, string> {
  return toGoogleLabels(ownershipTags(deployment, component, extra));
}

/** True when Google labels say deployment `deployment` owns it as `component`. */
export function isOwnedBy(
  labels: Readonly<Record<string, string>> | null | undefined,
  deployment: string,
  component: ComponentName,
): boolean {
  const tags = fromGoogleLabels(labels);
  return (
    tags[OwnershipTag.deployment] === googleLabelValue(deployment) &&
    tags[OwnershipTag.component] === component
  );
}

/** A compute list filter selecting what `deployment` owns as `component`. */
export function ownershipFilter(deployment: string, component: ComponentName): string {
  const labels = ownershipLabels(deployment, component);
  return Object.entries(labels)
    .map(([key, value]) => `labels.${key} = "${value}"`)
    .join(' AND ');
}
