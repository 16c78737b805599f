import type { ProviderResourceDiffV1 } from './resources.js';

/** What a provider observed of a backup bucket: whether the deployment owns it, and what an owned one lacks. */
export interface ObservedBucketV1 {
  owned: boolean;
  missing: readonly string[];
}

/** How a cloud words its bucket in a plan. */
export interface BucketWordingV1 {
  /** The bucket as the plan names it, e.g. `gs://prod-velero` or `prod-velero`. */
  bucket: string;
  /** How ownership shows on this cloud, e.g. `tagged` (S3) or `labelled` (Cloud Storage). */
  marked: string;
  /** What a converged owned bucket is, e.g. `encrypted, versioned, public access blocked, tagged`. */
  converged: string;
}

/**
 * The diff of velero's backup bucket, the same rule on every cloud that has one (AWS S3, GKE Cloud
 * Storage): made when missing; an operator's bucket (not marked as this deployment's) used as it is;
 * an owned one mended setting by setting.
 */
export function diffBackupBucket(
  observed: ObservedBucketV1 | undefined,
  wording: BucketWordingV1,
): ProviderResourceDiffV1 {
  if (observed === undefined) {
    return { action: 'create', reason: `velero's backup bucket ${wording.bucket} does not exist` };
  }
  if (!observed.owned) {
    return {
      action: 'noop',
      reason: `not ${wording.marked} as this deployment's: the operator's bucket, used as it is`,
    };
  }
  if (observed.missing.length > 0) {
    return {
      action: 'update',
      reason: `lacks ${observed.missing.join(', ')}`,
      changes: observed.missing.map((setting) => ({ field: setting, to: 'set' })),
    };
  }
  return { action: 'noop', reason: wording.converged };
}
