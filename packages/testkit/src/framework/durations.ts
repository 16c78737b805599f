/**
 * How long cloud operations take, in modelled milliseconds (from shared/cloud-contracts.md:
 * EKS control plane ≈ 12-15 min, nodegroups ≈ 4 min, EBS volumes seconds, GKE clusters 3-10 min).
 * Fakes look these up by `service.operation`; tests and sim mode scale them with the clock.
 */
const MINUTE = 60_000;

export const DEFAULT_DURATIONS: Readonly<Record<string, number>> = {
  'eks.CreateCluster': 12 * MINUTE,
  'eks.DeleteCluster': 5 * MINUTE,
  'eks.CreateNodegroup': 4 * MINUTE,
  'eks.UpdateNodegroupConfig': 1 * MINUTE,
  'eks.DeleteNodegroup': 3 * MINUTE,
  // A control-plane upgrade takes about as long as a create; a nodegroup's rolling upgrade replaces
  // its nodes one batch (maxUnavailable) at a time.
  'eks.UpdateClusterVersion': 10 * MINUTE,
  'eks.UpdateNodegroupVersion': 8 * MINUTE,
  'eks.CreateAddon': 1 * MINUTE,
  'eks.DeleteAddon': 1 * MINUTE,
  'ec2.CreateVolume': 10_000,
  'ec2.DeleteVolume': 5_000,
  'ec2.CreateVpc': 2_000,
  'kubernetes.Deployment': 30_000,
  'kubernetes.StatefulSet': 45_000,
  'kubernetes.DaemonSet': 20_000,
  'kubernetes.LoadBalancer': 60_000,
  'kubernetes.PersistentVolumeClaim': 10_000,
  'kubernetes.Namespace.delete': 5_000,
};

export type Durations = Readonly<Record<string, number>>;

export function durationOf(durations: Durations, operation: string): number {
  return durations[operation] ?? 0;
}
