import { HubfleetError } from '@hubfleet/core';
import { type GkeDeployment, unlessNotFound } from './gke-deployment.js';
import { isGoogleAlreadyExists } from './gke-errors.js';
import { googleRest, segment } from './gke-rest.js';
import { observeVeleroBucket } from './gke-velero-bucket.js';

/** One page of objects.list with `versions=true`: every generation, live and noncurrent. */
interface ObjectPage {
  items?: { name: string; generation: string }[];
  nextPageToken?: string;
}

/** How often a bucket that refills while it is emptied is emptied again before giving up for now. */
const EMPTY_ATTEMPTS = 3;

/**
 * Every object generation in the bucket, deleted one by one by generation (a versioned bucket keeps
 * a noncurrent version of what is deleted without one). Pages are listed to the end first, then
 * deleted, so deleting does not move the page tokens.
 */
async function emptyBucket(gke: GkeDeployment, bucket: string): Promise<void> {
  const subject = `bucket/${bucket}`;
  const generations: { name: string; generation: string }[] = [];
  let pageToken: string | undefined;
  do {
    const page = await googleRest<ObjectPage>(gke, 'storage', 'storage.objects.list', subject, {
      method: 'GET',
      path: `/storage/v1/b/${segment(bucket)}/o`,
      query: { versions: 'true', ...(pageToken === undefined ? {} : { pageToken }) },
    });
    generations.push(...(page.data.items ?? []));
    pageToken = page.data.nextPageToken;
  } while (pageToken !== undefined);
  for (const { name, generation } of generations) {
    // Gone meanwhile (a retried call whose answer was lost) is done.
    await unlessNotFound(
      googleRest(gke, 'storage', 'storage.objects.delete', subject, {
        method: 'DELETE',
        path: `/storage/v1/b/${segment(bucket)}/o/${segment(name)}`,
        query: { generation },
      }),
    );
  }
}

/**
 * `down --delete-data`: velero's bucket and every backup in it. GCS deletes only an empty bucket
 * (409 "The bucket you tried to delete is not empty."), and in a versioned bucket that means every
 * generation, so each is listed (`versions=true`) and deleted by generation; then the bucket. A
 * 409 (something wrote to it meanwhile) empties it again. A bucket not labelled as this
 * deployment's is never touched. Idempotent: a bucket already gone is done.
 */
export async function deleteVeleroBucket(gke: GkeDeployment, bucket: string): Promise<void> {
  const observed = await observeVeleroBucket(gke, bucket);
  if (observed === undefined || !observed.owned) return;
  const subject = `bucket/${bucket}`;
  for (let attempt = 1; ; attempt += 1) {
    await emptyBucket(gke, bucket);
    try {
      await unlessNotFound(
        googleRest(gke, 'storage', 'storage.buckets.delete', subject, {
          method: 'DELETE',
          path: `/storage/v1/b/${segment(bucket)}`,
        }),
      );
      return;
    } catch (error) {
      if (!isGoogleAlreadyExists(error)) throw error;
      if (attempt < EMPTY_ATTEMPTS) continue;
      throw new HubfleetError({
        kind: 'conflict',
        retryable: true,
        message: `bucket ${bucket} got new objects each time it was emptied (${EMPTY_ATTEMPTS} times): Cloud Storage refuses to delete a bucket that is not empty`,
        hint: 'something still writes to it (a velero server left running?); stop it, then run `hubfleet down --delete-data` again',
        subject,
        cause: error,
      });
    }
  }
}
