import type { Durations } from '../framework/durations.js';

const MINUTE = 60_000;

/**
 * How long GKE and Compute Engine take, in modelled milliseconds (shared/cloud-contracts.md: a
 * cluster 3-10 min, an extra node pool 5-10 min; disks and addresses seconds; snapshots a minute).
 */
export const GKE_DURATIONS: Durations = {
  'gke.CreateCluster': 6 * MINUTE,
  'gke.DeleteCluster': 4 * MINUTE,
  'gke.CreateNodePool': 5 * MINUTE,
  'gke.DeleteNodePool': 3 * MINUTE,
  'gke.UpdateNodePool': 3 * MINUTE,
  'gke.SetNodePoolSize': 2 * MINUTE,
  'gke.SetNodePoolAutoscaling': 20_000,
  'gke.SetLabels': 10_000,
  'gke.UpdateCluster': 2 * MINUTE,
  /** An operation sits PENDING this long before RUNNING. */
  'gke.OperationPending': 5_000,
  'compute.InsertDisk': 10_000,
  'compute.DeleteDisk': 5_000,
  'compute.CreateSnapshot': 60_000,
  'compute.DeleteSnapshot': 10_000,
  'compute.InsertAddress': 5_000,
  'compute.DeleteAddress': 5_000,
  'compute.SetLabels': 2_000,
};
