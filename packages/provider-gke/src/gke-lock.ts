import {
  type DeploymentLockApiV1,
  type DeploymentLockRecordV1,
  HubfleetError,
  type LockHolderV1,
  lockRecordOf,
} from '@hubfleet/core';
import { type GkeDeployment, unlessNotFound } from './gke-deployment.js';
import { googleStatusOf, isGoogleAlreadyExists, isGoogleNotFound } from './gke-errors.js';
import { googleRest, segment } from './gke-rest.js';

// The deployment's lock is one Cloud Storage object, `<deployment>/lock.json`, in a bucket hubfleet
// keeps per project. GCS preconditions make each change atomic, as Terraform's GCS backend locks its
// state: `ifGenerationMatch=0` creates only when no live object exists, `ifGenerationMatch=<g>`
// replaces or deletes only the generation this run last saw; either answers 412 otherwise.

/** The bucket is shared by every deployment of the project, and kept by `down`. Project ids are global, so the name is free. */
export function lockBucketName(project: string): string {
  return `hubfleet-locks-${project}`;
}

function lockObject(deployment: string): string {
  return `${deployment}/lock.json`;
}

const isPreconditionFailed = (error: unknown) => googleStatusOf(error).httpStatus === 412;

export function gkeDeploymentLock(gke: GkeDeployment): DeploymentLockApiV1 {
  const bucket = lockBucketName(gke.project);
  const name = lockObject(gke.deployment);
  const subject = `lock/${gke.deployment}`;
  const objectPath = `/storage/v1/b/${segment(bucket)}/o/${segment(name)}`;
  let ready: Promise<void> | undefined;

  /** The lock bucket, made on the first lock of the project: uniform access, no public access. */
  async function makeBucket(): Promise<void> {
    const found = await unlessNotFound(
      googleRest(gke, 'storage', 'storage.buckets.get', subject, {
        method: 'GET',
        path: `/storage/v1/b/${segment(bucket)}`,
      }),
    );
    if (found !== undefined) return;
    try {
      await googleRest(gke, 'storage', 'storage.buckets.insert', subject, {
        method: 'POST',
        path: '/storage/v1/b',
        query: { project: gke.project },
        body: {
          name: bucket,
          location: gke.region,
          storageClass: 'STANDARD',
          iamConfiguration: {
            uniformBucketLevelAccess: { enabled: true },
            publicAccessPrevention: 'enforced',
          },
        },
      });
    } catch (error) {
      // Another deployment's first run made it meanwhile (or our own create's answer was lost).
      if (!isGoogleAlreadyExists(error)) throw error;
      if (/not available/.test(googleStatusOf(error).message)) {
        throw new HubfleetError({
          kind: 'conflict',
          message: `the lock bucket ${bucket} belongs to another project`,
          hint: 'check provider.project: hubfleet names the lock bucket after it',
          subject,
          cause: error,
        });
      }
    }
  }

  const existingBucket = () => {
    ready ??= makeBucket().catch((error: unknown) => {
      ready = undefined;
      throw error;
    });
    return ready;
  };

  /** A conditional simple upload: the new generation, or undefined when its precondition did not hold. */
  async function put(holder: LockHolderV1, generation: string): Promise<string | undefined> {
    await existingBucket();
    try {
      const written = await googleRest<{ generation: string }>(
        gke,
        'storage',
        'storage.objects.insert',
        subject,
        {
          method: 'POST',
          path: `/upload/storage/v1/b/${segment(bucket)}/o`,
          query: { uploadType: 'media', name, ifGenerationMatch: generation },
          media: { contentType: 'application/json', data: JSON.stringify(holder) },
        },
      );
      return written.data.generation;
    } catch (error) {
      if (isPreconditionFailed(error)) return undefined;
      throw error;
    }
  }

  return {
    location: `gs://${bucket}/${name}`,
    async read(): Promise<DeploymentLockRecordV1 | undefined> {
      const object = await unlessNotFound(
        googleRest<string>(gke, 'storage', 'storage.objects.get', subject, {
          method: 'GET',
          path: objectPath,
          query: { alt: 'media' },
          text: true,
        }),
      );
      const generation = object?.headers.get('x-goog-generation');
      if (object === undefined || generation === null || generation === undefined) return undefined;
      const modified = object.headers.get('last-modified');
      return lockRecordOf(
        String(object.data),
        generation,
        modified === null ? undefined : new Date(modified),
      );
    },
    create: (holder) => put(holder, '0'),
    replace: (version, holder) => put(holder, version),
    async delete(version) {
      try {
        await googleRest(gke, 'storage', 'storage.objects.delete', subject, {
          method: 'DELETE',
          path: objectPath,
          query: { ifGenerationMatch: version },
        });
        return true;
      } catch (error) {
        if (isGoogleNotFound(error)) return true;
        if (isPreconditionFailed(error)) return false;
        throw error;
      }
    },
  };
}
