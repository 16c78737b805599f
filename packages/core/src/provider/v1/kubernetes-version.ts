/**
 * True when an observed Kubernetes version (`1.34`, `1.34.2`, `v1.34`) is the configured minor
 * version (`1.34`). For providers and core alike (provider-aws still has its own copy to fold in).
 */
export function isSameMinorVersion(desired: string, observed: string): boolean {
  const version = observed.replace(/^v/, '');
  return version === desired || version.startsWith(`${desired}.`);
}

/** `1.34`, `1.34.2`, `v1.34` → `1.34`; the input unchanged when it is no `1.<minor>` version. */
export function minorVersionOf(version: string): string {
  const match = /^v?(\d+\.\d+)/.exec(version);
  return match?.[1] ?? version;
}

/**
 * How a cluster gets from the `observed` version to the `desired` minor version: nothing to do, one
 * minor version up (the only step Kubernetes control planes take), more than one (`skip`), or back
 * (`downgrade`, which Kubernetes does not do at all).
 */
export type VersionChange = 'same' | 'upgrade' | 'skip' | 'downgrade';

export function versionChange(observed: string, desired: string): VersionChange {
  if (isSameMinorVersion(desired, observed)) return 'same';
  const [fromMajor, fromMinor] = minorVersionOf(observed).split('.').map(Number);
  const [toMajor, toMinor] = desired.split('.').map(Number);
  if (fromMajor !== toMajor || fromMinor === undefined || toMinor === undefined) return 'skip';
  if (toMinor < fromMinor) return 'downgrade';
  return toMinor === fromMinor + 1 ? 'upgrade' : 'skip';
}
