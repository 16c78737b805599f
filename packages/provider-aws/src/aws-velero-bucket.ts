import {
  CreateBucketCommand,
  GetBucketEncryptionCommand,
  GetBucketTaggingCommand,
  GetBucketVersioningCommand,
  GetPublicAccessBlockCommand,
  HeadBucketCommand,
  PutBucketEncryptionCommand,
  PutBucketTaggingCommand,
  PutBucketVersioningCommand,
  PutPublicAccessBlockCommand,
} from '@aws-sdk/client-s3';
import { ownershipTags } from '@hubfleet/core';
import { unlessNotFound } from './aws-call.js';
import type { AwsDeployment } from './aws-deployment.js';
import { isOwnedBy } from './aws-tags.js';

/** velero's bucket as hubfleet sees it: whose it is, and what an owned one lacks. */
export interface ObservedVeleroBucket {
  name: string;
  /** Tagged as this deployment's; otherwise an operator's own bucket, used as it is and never changed. */
  owned: boolean;
  /** Settings an owned bucket lacks (none for one that is not owned). */
  missing: Setting[];
}

/** The bucket, or undefined when there is none of that name: HeadBucket, its tags, and what it lacks. */
export async function observeVeleroBucket(
  aws: AwsDeployment,
  bucket: string,
): Promise<ObservedVeleroBucket | undefined> {
  const s3 = aws.clients.s3();
  const subject = `bucket/${bucket}`;
  const exists = await unlessNotFound(
    aws.call('s3:HeadBucket', subject, (options) =>
      s3.send(new HeadBucketCommand({ Bucket: bucket }), options),
    ),
  );
  if (exists === undefined) return undefined;
  const tagging = await unlessNotFound(
    aws.call('s3:GetBucketTagging', subject, (options) =>
      s3.send(new GetBucketTaggingCommand({ Bucket: bucket }), options),
    ),
  );
  const tags = Object.fromEntries((tagging?.TagSet ?? []).map((tag) => [tag.Key ?? '', tag.Value ?? '']));
  if (!isOwnedBy(tags, aws.deployment, 'bucket')) return { name: bucket, owned: false, missing: [] };
  return { name: bucket, owned: true, missing: [...(await missingSettings(aws, bucket, subject))] };
}

/**
 * velero's backup bucket: made when missing, in the deployment's region, encrypted (SSE-S3),
 * versioned (a deleted or overwritten backup can be recovered), with all public access blocked and
 * the ownership tags. A bucket of that name that is already there and not tagged as this
 * deployment's is used as it is (an operator's own bucket, as DS@OSU's guide has). Deleted only by
 * `deleteVeleroBucket` (`down --delete-data`, see `aws-velero-bucket-resource.ts`).
 */
export async function ensureVeleroBucket(aws: AwsDeployment, bucket: string): Promise<void> {
  const s3 = aws.clients.s3();
  const subject = `bucket/${bucket}`;
  const observed = await observeVeleroBucket(aws, bucket);
  if (observed !== undefined) {
    if (!observed.owned) return;
    return configure(aws, bucket, subject, new Set(observed.missing));
  } else {
    const region = aws.clients.region;
    await aws.call('s3:CreateBucket', subject, (options) =>
      s3.send(
        new CreateBucketCommand({
          Bucket: bucket,
          // us-east-1 is the default location and must not be named.
          ...(region === 'us-east-1'
            ? {}
            : { CreateBucketConfiguration: { LocationConstraint: region as never } }),
        }),
        options,
      ),
    );
  }
  await configure(aws, bucket, subject, new Set(SETTINGS));
}

const SETTINGS = ['encryption', 'versioning', 'publicAccessBlock', 'tags'] as const;
export type Setting = (typeof SETTINGS)[number];

/** What an owned bucket lacks, read first so a converged run makes no change. */
async function missingSettings(aws: AwsDeployment, bucket: string, subject: string): Promise<Set<Setting>> {
  const s3 = aws.clients.s3();
  const missing = new Set<Setting>();
  const encryption = await unlessNotFound(
    aws.call('s3:GetBucketEncryption', subject, (options) =>
      s3.send(new GetBucketEncryptionCommand({ Bucket: bucket }), options),
    ),
  );
  if ((encryption?.ServerSideEncryptionConfiguration?.Rules ?? []).length === 0) missing.add('encryption');
  const versioning = await aws.call('s3:GetBucketVersioning', subject, (options) =>
    s3.send(new GetBucketVersioningCommand({ Bucket: bucket }), options),
  );
  if (versioning.Status !== 'Enabled') missing.add('versioning');
  const block = await unlessNotFound(
    aws.call('s3:GetPublicAccessBlock', subject, (options) =>
      s3.send(new GetPublicAccessBlockCommand({ Bucket: bucket }), options),
    ),
  );
  const flags = block?.PublicAccessBlockConfiguration ?? {};
  const allBlocked = [
    flags.BlockPublicAcls,
    flags.IgnorePublicAcls,
    flags.BlockPublicPolicy,
    flags.RestrictPublicBuckets,
  ];
  if (!allBlocked.every((flag) => flag === true)) missing.add('publicAccessBlock');
  return missing;
}

async function configure(
  aws: AwsDeployment,
  bucket: string,
  subject: string,
  missing: Set<Setting>,
): Promise<void> {
  const s3 = aws.clients.s3();
  if (missing.has('encryption'))
    await aws.call('s3:PutBucketEncryption', subject, (options) =>
      s3.send(
        new PutBucketEncryptionCommand({
          Bucket: bucket,
          ServerSideEncryptionConfiguration: {
            Rules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
          },
        }),
        options,
      ),
    );
  if (missing.has('versioning'))
    await aws.call('s3:PutBucketVersioning', subject, (options) =>
      s3.send(
        new PutBucketVersioningCommand({ Bucket: bucket, VersioningConfiguration: { Status: 'Enabled' } }),
        options,
      ),
    );
  if (missing.has('publicAccessBlock'))
    await aws.call('s3:PutPublicAccessBlock', subject, (options) =>
      s3.send(
        new PutPublicAccessBlockCommand({
          Bucket: bucket,
          PublicAccessBlockConfiguration: {
            BlockPublicAcls: true,
            IgnorePublicAcls: true,
            BlockPublicPolicy: true,
            RestrictPublicBuckets: true,
          },
        }),
        options,
      ),
    );
  if (!missing.has('tags')) return;
  const tags = ownershipTags(aws.deployment, 'bucket');
  await aws.call('s3:PutBucketTagging', subject, (options) =>
    s3.send(
      new PutBucketTaggingCommand({
        Bucket: bucket,
        Tagging: { TagSet: Object.entries(tags).map(([Key, Value]) => ({ Key, Value })) },
      }),
      options,
    ),
  );
}
