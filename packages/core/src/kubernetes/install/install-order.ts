import type { Manifest } from '../release.js';

/** helm's install order (pkg/release/util/kind_sorter.go), shortened to the kinds hubfleet's charts use. */
const ORDER = [
  'PriorityClass',
  'Namespace',
  'NetworkPolicy',
  'ResourceQuota',
  'LimitRange',
  'PodDisruptionBudget',
  'ServiceAccount',
  'Secret',
  'ConfigMap',
  'StorageClass',
  'PersistentVolume',
  'PersistentVolumeClaim',
  'CustomResourceDefinition',
  'ClusterRole',
  'ClusterRoleBinding',
  'Role',
  'RoleBinding',
  'Service',
  'DaemonSet',
  'Pod',
  'ReplicaSet',
  'Deployment',
  'StatefulSet',
  'Job',
  'CronJob',
  'IngressClass',
  'Ingress',
];

function rank(kind: string): number {
  const index = ORDER.indexOf(kind);
  return index === -1 ? ORDER.length : index;
}

/** Objects in the order helm installs them; uninstall in reverse. Stable within a kind. */
export function inInstallOrder(objects: readonly Manifest[]): Manifest[] {
  return objects
    .map((object, index) => ({ object, index }))
    .sort((left, right) => rank(left.object.kind) - rank(right.object.kind) || left.index - right.index)
    .map(({ object }) => object);
}
