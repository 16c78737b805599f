import { HubfleetError } from '@hubfleet/core';
import type { GkeDeployment } from './gke-deployment.js';
import { unlessNotFound } from './gke-deployment.js';
import { googleStatusOf, isGoogleAlreadyExists } from './gke-errors.js';
import { isOwnedBy, ownershipLabels } from './gke-labels.js';
import { googleRest, segment } from './gke-rest.js';

/** The fields of a GCS bucket resource hubfleet reads. */
export interface GcsBucket {
  name: string;
  location?: string;
  labels?: Record<string, string>;
  versioning?: { enabled?: boolean };
  iamConfiguration?: {
    uniformBucketLevelAccess?: { enabled?: boolean };
    publicAccessPrevention?: string;
  };
}

/** What hubfleet wants of a bucket it owns; an operator's own bucket is used as it is. */
function settings(gke: GkeDeployment) {
  return {
    labels: ownershipLabels(gke.deployment, 'bucket'),
    versioning: { enabled: true },
    iamConfiguration: {
      uniformBucketLevelAccess: { enabled: true },
      publicAccessPrevention: 'enforced',
    },
  };
}

/** What an owned bucket lacks of `settings`, as a PATCH body (empty: nothing to change). */
export function missingBucketSettings(gke: GkeDeployment, bucket: GcsBucket): Record<string, unknown> {
  const wanted = settings(gke);
  const iam = bucket.iamConfiguration;
  return {
    ...(bucket.versioning?.enabled === true ? {} : { versioning: wanted.versioning }),
    ...(iam?.uniformBucketLevelAccess?.enabled === true && iam.publicAccessPrevention === 'enforced'
      ? {}
      : { iamConfiguration: wanted.iamConfiguration }),
  };
}

/** A bucket is ours to configure only when its labels say it is this deployment's. */
export const isOwnBucket = (gke: GkeDeployment, bucket: GcsBucket) =>
  isOwnedBy(bucket.labels, gke.deployment, 'bucket');

export async function getBucket(gke: GkeDeployment, name: string): Promise<GcsBucket | undefined> {
  const answer = await unlessNotFound(
    googleRest<GcsBucket>(gke, 'storage', 'storage.buckets.get', `bucket/${name}`, {
      method: 'GET',
      path: `/storage/v1/b/${segment(name)}`,
    }),
  );
  return answer?.data;
}

/** What the `bucket/<name>` step sees: whether it is this deployment's, and what an owned one lacks. */
export interface ObservedVeleroBucket {
  owned: boolean;
  /** Settings an owned bucket lacks (`versioning`, `iamConfiguration`); empty for the operator's. */
  missing: string[];
}

export async function observeVeleroBucket(
  gke: GkeDeployment,
  name: string,
): Promise<ObservedVeleroBucket | undefined> {
  const bucket = await getBucket(gke, name);
  if (bucket === undefined) return undefined;
  const owned = isOwnBucket(gke, bucket);
  return { owned, missing: owned ? Object.keys(missingBucketSettings(gke, bucket)) : [] };
}

/**
 * velero's backup bucket: made when missing, in the cluster's region, with uniform bucket-level
 * access (IAM only, no object ACLs), public access prevented, versioning on (a deleted or
 * overwritten backup can be recovered) and the ownership labels. A bucket of that name that is
 * already there and not labelled as this deployment's is used as it is (an operator's own bucket).
 * Backups outlive the cluster: only `down --delete-data` deletes an owned bucket
 * (`gke-velero-bucket-delete.ts`).
 */
export async function ensureVeleroBucket(gke: GkeDeployment, name: string): Promise<GcsBucket> {
  const subject = `bucket/${name}`;
  const existing = await getBucket(gke, name);
  if (existing !== undefined) {
    if (!isOwnBucket(gke, existing)) return existing;
    const missing = missingBucketSettings(gke, existing);
    if (Object.keys(missing).length === 0) return existing;
    const patched = await googleRest<GcsBucket>(gke, 'storage', 'storage.buckets.patch', subject, {
      method: 'PATCH',
      path: `/storage/v1/b/${segment(name)}`,
      body: missing,
    });
    return patched.data;
  }
  try {
    const made = await googleRest<GcsBucket>(gke, 'storage', 'storage.buckets.insert', subject, {
      method: 'POST',
      path: '/storage/v1/b',
      query: { project: gke.project },
      body: { name, location: gke.region, storageClass: 'STANDARD', ...settings(gke) },
    });
    return made.data;
  } catch (error) {
    // Our own earlier create whose answer was lost is ours; another project's bucket is a conflict.
    if (!isGoogleAlreadyExists(error)) throw error;
    if (/not available/.test(googleStatusOf(error).message)) {
      throw new HubfleetError({
        kind: 'conflict',
        message: `the bucket name ${name} is taken by another project (bucket names are global)`,
        hint: 'choose another name for tools.backups.bucket, e.g. prefixed with the project id',
        subject: 'tools.backups.bucket',
        cause: error,
      });
    }
    const raced = await getBucket(gke, name);
    if (raced === undefined) throw error;
    return raced;
  }
}
