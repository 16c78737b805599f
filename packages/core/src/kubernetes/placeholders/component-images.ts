/**
 * Pinned Kubernetes release per minor version, for the user scheduler (registry.k8s.io/kube-scheduler)
 * and the scaler Jobs (registry.k8s.io/kubectl). kube-scheduler may be one minor version older than
 * the API server, never newer, and it runs with the cluster's own system:kube-scheduler role, so it
 * follows the cluster's minor version.
 */
export const KUBERNETES_RELEASES: Readonly<Record<string, string>> = {
  '1.30': 'v1.30.14',
  '1.31': 'v1.31.13',
  '1.32': 'v1.32.9',
  '1.33': 'v1.33.9',
  '1.34': 'v1.34.3',
  '1.35': 'v1.35.7',
};

function minorOf(version: string): number {
  return Number(version.split('.')[1] ?? Number.NaN);
}

/**
 * The pinned release for a cluster's `kubernetesVersion` ("1.34"): the same minor version, else the
 * newest older one we pin, else the oldest. Add each new minor version here when it is supported:
 * kube-scheduler tolerates only one minor version of skew behind the API server.
 */
export function kubernetesComponentTag(kubernetesVersion: string): string {
  const exact = KUBERNETES_RELEASES[kubernetesVersion];
  if (exact) return exact;
  const pinned = Object.keys(KUBERNETES_RELEASES).sort((a, b) => minorOf(a) - minorOf(b));
  const older = pinned.filter((version) => minorOf(version) < minorOf(kubernetesVersion));
  const chosen = older.at(-1) ?? pinned[0] ?? '1.34';
  return KUBERNETES_RELEASES[chosen] ?? 'v1.34.3';
}
