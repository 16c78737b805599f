import {
  type BucketLocationConstraint,
  CreateBucketCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadBucketCommand,
  PutObjectCommand,
} from '@aws-sdk/client-s3';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import {
  type DeploymentLockApiV1,
  type DeploymentLockRecordV1,
  type LockHolderV1,
  lockRecordOf,
} from '@hubfleet/core';
import { unlessNotFound } from './aws-call.js';
import type { AwsDeployment } from './aws-deployment.js';
import { awsErrorCode } from './aws-errors.js';
import { memo } from './memo.js';

// The deployment's lock is one S3 object, `<deployment>/lock.json`, in a bucket hubfleet keeps per
// account and region. S3 conditional writes make each change atomic, as Terraform's S3 backend
// locks its state: `If-None-Match: *` creates only when no lock exists (412 PreconditionFailed
// otherwise), `If-Match: <etag>` renews or deletes only the lock this run last saw.

/** S3 says "retry" for a write that met another write of the key mid-upload (409 ConditionalRequestConflict). */
const CONFLICT_RETRIES = 4;

/** The bucket is shared by every deployment of the account in the region, and kept by `down`. */
export function lockBucketName(accountId: string, region: string): string {
  return `hubfleet-locks-${accountId}-${region}`;
}

function lockKey(deployment: string): string {
  return `${deployment}/lock.json`;
}

function outcomeOf(error: unknown): 'precondition' | 'conflict' | 'missing' | undefined {
  const code = awsErrorCode(error);
  if (code === 'PreconditionFailed') return 'precondition';
  if (code === 'ConditionalRequestConflict') return 'conflict';
  if (code === 'NoSuchKey') return 'missing';
  return undefined;
}

export function awsDeploymentLock(aws: AwsDeployment): DeploymentLockApiV1 {
  const { clients, call } = aws;
  const region = clients.region;
  const key = lockKey(aws.deployment);
  const subject = `lock/${aws.deployment}`;
  const bucket = memo(async () => {
    const identity = await call('sts:GetCallerIdentity', subject, (options) =>
      clients.sts.send(new GetCallerIdentityCommand({}), options),
    );
    return lockBucketName(identity.Account ?? 'unknown', region);
  });
  const existingBucket = memo(async () => {
    const name = await bucket.get();
    const found = await unlessNotFound(
      call('s3:HeadBucket', subject, (options) =>
        clients.s3().send(new HeadBucketCommand({ Bucket: name }), options),
      ),
    );
    if (found !== undefined) return name;
    try {
      await call('s3:CreateBucket', subject, (options) =>
        clients.s3().send(
          new CreateBucketCommand({
            Bucket: name,
            ...(region === 'us-east-1'
              ? {}
              : { CreateBucketConfiguration: { LocationConstraint: region as BucketLocationConstraint } }),
          }),
          options,
        ),
      );
    } catch (error) {
      // Another deployment's first run made it meanwhile (or our own create's answer was lost).
      if (awsErrorCode(error) !== 'BucketAlreadyOwnedByYou') throw error;
    }
    return name;
  });

  /** A conditional PutObject: the new ETag, or undefined when its precondition did not hold. */
  async function put(holder: LockHolderV1, condition: { IfNoneMatch: '*' } | { IfMatch: string }) {
    const name = await existingBucket.get();
    for (let attempt = 0; ; attempt += 1) {
      try {
        const written = await call('s3:PutObject', subject, (options) =>
          clients.s3().send(
            new PutObjectCommand({
              Bucket: name,
              Key: key,
              Body: JSON.stringify(holder),
              ContentType: 'application/json',
              ...condition,
            }),
            options,
          ),
        );
        return written.ETag;
      } catch (error) {
        const outcome = outcomeOf(error);
        if (outcome === 'precondition' || outcome === 'missing') return undefined;
        if (outcome !== 'conflict' || attempt >= CONFLICT_RETRIES) throw error;
      }
    }
  }

  return {
    location: `s3://${lockBucketName('<account>', region)}/${key}`,
    async read(): Promise<DeploymentLockRecordV1 | undefined> {
      const name = await bucket.get();
      const object = await unlessNotFound(
        call('s3:GetObject', subject, (options) =>
          clients.s3().send(new GetObjectCommand({ Bucket: name, Key: key }), options),
        ),
      );
      if (object?.ETag === undefined) return undefined;
      const text = (await object.Body?.transformToString()) ?? '';
      return lockRecordOf(text, object.ETag, object.LastModified);
    },
    create: (holder) => put(holder, { IfNoneMatch: '*' }),
    replace: (version, holder) => put(holder, { IfMatch: version }),
    async delete(version) {
      const name = await bucket.get();
      for (let attempt = 0; ; attempt += 1) {
        try {
          await call('s3:DeleteObject', subject, (options) =>
            clients.s3().send(new DeleteObjectCommand({ Bucket: name, Key: key, IfMatch: version }), options),
          );
          return true;
        } catch (error) {
          const outcome = outcomeOf(error);
          if (outcome === 'missing' || awsErrorCode(error) === 'NoSuchBucket') return true;
          if (outcome === 'precondition') return false;
          if (outcome !== 'conflict' || attempt >= CONFLICT_RETRIES) throw error;
        }
      }
    },
  };
}
