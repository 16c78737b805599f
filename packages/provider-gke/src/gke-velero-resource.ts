import type { ProviderResourceDiffV1, ProviderResourceV1 } from '@hubfleet/core';
import type { GkeDeployment } from './gke-deployment.js';
import type { ClusterOperations } from './gke-operations.js';
import { gkeVeleroIdentity, type ObservedVeleroAccess } from './gke-velero-identity.js';
import { gkeWorkloadIdentity, type ObservedWorkloadIdentity } from './gke-workload-identity.js';

export type ObservedVeleroIdentity = ObservedVeleroAccess & ObservedWorkloadIdentity;

const CHECKS: readonly [keyof ObservedVeleroAccess | 'workloadPool', string][] = [
  ['workloadPool', 'Workload Identity on the cluster'],
  ['workloadBinding', 'velero/velero may act as the Google service account'],
  ['signerBinding', 'the Google service account may sign as itself'],
  ['bucketBinding', 'objectAdmin on the bucket'],
  ['snapshotBinding', 'compute.storageAdmin on the project (disk snapshots)'],
];

export function diffVeleroIdentity(
  observed: ObservedVeleroIdentity | undefined,
  bucket: string,
): ProviderResourceDiffV1 {
  if (observed === undefined) {
    return { action: 'create', reason: `a Google service account for velero, writing to gs://${bucket}` };
  }
  const missing = CHECKS.filter(([field]) => observed[field] !== true);
  const pools = observed.poolsWithoutMetadataServer;
  if (missing.length === 0 && pools.length === 0) {
    return {
      action: 'noop',
      reason: `${observed.email} writes to gs://${bucket} as velero/velero`,
      changes: [],
    };
  }
  return {
    action: 'update',
    reason: [...missing.map(([, what]) => what), ...pools.map((pool) => `GKE metadata server on ${pool}`)]
      .join(', ')
      .concat(' missing'),
    changes: [
      ...missing.map(([field]) => ({ field, from: false, to: true })),
      ...pools.map((pool) => ({ field: `nodePool:${pool}.workloadMetadata`, to: 'GKE_METADATA' })),
    ],
  };
}

/**
 * `identity/velero`: velero's Google identity through Workload Identity, with objectAdmin on its
 * backup bucket. Made once the cluster (whose Workload Identity pool IAM needs), its node pools and
 * the bucket (`bucket/<name>`, whose IAM policy gets the grant) stand, before velero's release, whose
 * service account carries the Google account's email. On `down` the Google account and its grants
 * go, before the bucket's own step decides whether the bucket goes.
 */
export function veleroIdentityResource(
  gke: GkeDeployment,
  operations: ClusterOperations,
  bucket: string,
): ProviderResourceV1<ObservedVeleroIdentity> {
  const identity = gkeVeleroIdentity(gke, bucket);
  const workload = gkeWorkloadIdentity(gke, operations);
  return {
    name: 'velero',
    kind: 'identity',
    waitingOn: 'IAM, Cloud Resource Manager and Cloud Storage (velero)',
    typicalDurationMs: 15_000,
    dependsOn: ['cluster', 'nodegroups', `resource:${bucket}`],
    requiredBy: ['tool:velero'],
    async observe() {
      const access = await identity.observe();
      if (access === undefined) return undefined;
      const cluster = (await workload.observe()) ?? { workloadPool: false, poolsWithoutMetadataServer: [] };
      return { ...access, ...cluster };
    },
    diff: (observed) => diffVeleroIdentity(observed, bucket),
    async apply(action) {
      if (action === 'delete') return identity.remove();
      await workload.ensure();
      await identity.ensure();
    },
  };
}
