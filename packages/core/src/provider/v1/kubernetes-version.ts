/**
 * True when an observed Kubernetes version (`1.34`, `1.34.2`, `v1.34`) is the configured minor
 * version (`1.34`). For providers and core alike (provider-aws still has its own copy to fold in).
 */
export function isSameMinorVersion(desired: string, observed: string): boolean {
  const version = observed.replace(/^v/, '');
  return version === desired || version.startsWith(`${desired}.`);
}
