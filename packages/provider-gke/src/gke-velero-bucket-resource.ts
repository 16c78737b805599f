import { dataOnDelete, diffBackupBucket, type ProviderResourceV1 } from '@hubfleet/core';
import type { GkeDeployment } from './gke-deployment.js';
import { ensureVeleroBucket, type ObservedVeleroBucket, observeVeleroBucket } from './gke-velero-bucket.js';
import { deleteVeleroBucket } from './gke-velero-bucket-delete.js';

/**
 * `bucket/<name>`: velero's Cloud Storage bucket as a step of its own, before `identity/velero`
 * (which grants objectAdmin on it) and velero's release, so `plan` shows it and `down` decides its
 * fate. It holds the backups (`holdsData`): `down` keeps it, and only `down --delete-data` with every
 * hub's `onDelete: delete` empties it (every generation) and deletes it. An operator's own bucket
 * (not labelled as this deployment's) is used as it is and kept.
 */
export function veleroBucketResource(
  gke: GkeDeployment,
  bucket: string,
): ProviderResourceV1<ObservedVeleroBucket> {
  return {
    name: bucket,
    kind: 'bucket',
    waitingOn: `Cloud Storage (bucket gs://${bucket})`,
    typicalDurationMs: 3_000,
    requiredBy: ['tool:velero'],
    observe: () => observeVeleroBucket(gke, bucket),
    diff: (observed) =>
      diffBackupBucket(observed, {
        bucket: `gs://${bucket}`,
        marked: 'labelled',
        converged: 'versioned, uniform bucket-level access, public access prevented, labelled',
      }),
    holdsData: (observed) => ({
      what: `Cloud Storage bucket gs://${bucket} with velero's backups`,
      ...(observed.owned
        ? dataOnDelete(gke.config)
        : {
            onDelete: 'retain' as const,
            keptBecause: "it is not labelled as this deployment's (the operator's bucket)",
          }),
    }),
    apply: async (action) => {
      if (action === 'delete') return deleteVeleroBucket(gke, bucket);
      await ensureVeleroBucket(gke, bucket);
    },
  };
}
