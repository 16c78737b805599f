import {
  DeleteBucketCommand,
  DeleteObjectsCommand,
  ListObjectVersionsCommand,
  type ListObjectVersionsCommandOutput,
} from '@aws-sdk/client-s3';
import { HubfleetError } from '@hubfleet/core';
import { unlessNotFound } from './aws-call.js';
import type { AwsDeployment } from './aws-deployment.js';
import { observeVeleroBucket } from './aws-velero-bucket.js';

/** One page of every object version and delete marker, as DeleteObjects takes them (at most 1,000). */
function versionsOf(page: ListObjectVersionsCommandOutput): { Key: string; VersionId: string }[] {
  return [...(page.Versions ?? []), ...(page.DeleteMarkers ?? [])].flatMap(({ Key, VersionId }) =>
    Key === undefined ? [] : [{ Key, VersionId: VersionId ?? 'null' }],
  );
}

/**
 * `down --delete-data`: velero's bucket and every backup in it. S3 deletes only an empty bucket, and in
 * a versioned bucket that means every object version and delete marker (DeleteBucket API reference),
 * so each page of ListObjectVersions is deleted by version id with DeleteObjects, until none is
 * left; then DeleteBucket. A bucket not tagged as this deployment's is never touched. Idempotent: a
 * bucket already gone is done.
 */
export async function deleteVeleroBucket(aws: AwsDeployment, bucket: string): Promise<void> {
  const observed = await observeVeleroBucket(aws, bucket);
  if (observed === undefined || !observed.owned) return;
  const s3 = aws.clients.s3();
  const subject = `bucket/${bucket}`;
  for (;;) {
    const page = await aws.call('s3:ListBucketVersions', subject, (options) =>
      s3.send(new ListObjectVersionsCommand({ Bucket: bucket }), options),
    );
    const objects = versionsOf(page);
    if (objects.length === 0) break;
    const answer = await aws.call('s3:DeleteObjectVersion', subject, (options) =>
      s3.send(
        new DeleteObjectsCommand({ Bucket: bucket, Delete: { Objects: objects, Quiet: true } }),
        options,
      ),
    );
    const failed = answer.Errors?.[0];
    if (failed !== undefined) {
      throw new HubfleetError({
        kind: 'unavailable',
        retryable: true,
        message: `S3 did not delete ${failed.Key} (version ${failed.VersionId}) from bucket ${bucket}: ${failed.Code} ${failed.Message}`,
        hint: 'hubfleet retries; if it persists, look at the bucket in the S3 console',
        subject,
      });
    }
  }
  try {
    await unlessNotFound(
      aws.call('s3:DeleteBucket', subject, (options) =>
        s3.send(new DeleteBucketCommand({ Bucket: bucket }), options),
      ),
    );
  } catch (error) {
    if (!HubfleetError.is(error) || error.kind !== 'conflict' || error.retryable) throw error;
    throw new HubfleetError({
      kind: 'conflict',
      retryable: true,
      message: `bucket ${bucket} got new objects while it was emptied (BucketNotEmpty)`,
      hint: 'something still writes to it (a velero server left running?); hubfleet empties it again',
      subject,
      cause: error,
    });
  }
}
