import { dataOnDelete, diffBackupBucket, type ProviderResourceV1 } from '@hubfleet/core';
import type { AwsDeployment } from './aws-deployment.js';
import { veleroBucketName } from './aws-tool-identities.js';
import { ensureVeleroBucket, type ObservedVeleroBucket, observeVeleroBucket } from './aws-velero-bucket.js';
import { deleteVeleroBucket } from './aws-velero-bucket-delete.js';

/**
 * `bucket/<name>`: velero's backup bucket as a step of its own, before velero's release, so `plan`
 * shows it and `down` decides its fate. It holds the backups (`holdsData`): `down` keeps it, and
 * only `down --delete-data` with every hub's `onDelete: delete` empties it (every version) and
 * deletes it. An operator's own bucket (not tagged as this deployment's) is used as it is and kept.
 * Undefined when backups are off or name no bucket.
 */
export function veleroBucketResource(
  aws: AwsDeployment,
): ProviderResourceV1<ObservedVeleroBucket> | undefined {
  const bucket = veleroBucketName(aws);
  if (bucket === undefined) return undefined;
  return {
    name: bucket,
    kind: 'bucket',
    waitingOn: `Amazon S3 (bucket ${bucket})`,
    typicalDurationMs: 5_000,
    requiredBy: ['tool:velero'],
    observe: () => observeVeleroBucket(aws, bucket),
    diff: (observed) =>
      diffBackupBucket(observed, {
        bucket,
        marked: 'tagged',
        converged: 'encrypted, versioned, public access blocked, tagged',
      }),
    holdsData: (observed) => ({
      what: `S3 bucket ${bucket} with velero's backups`,
      ...(observed.owned
        ? dataOnDelete(aws.config)
        : {
            onDelete: 'retain' as const,
            keptBecause: "it is not tagged as this deployment's (the operator's bucket)",
          }),
    }),
    apply: (action) =>
      action === 'delete' ? deleteVeleroBucket(aws, bucket) : ensureVeleroBucket(aws, bucket),
  };
}
