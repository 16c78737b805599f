import {
  CreateBucketCommand,
  DeleteBucketCommand,
  DeleteObjectCommand,
  GetBucketEncryptionCommand,
  GetBucketLocationCommand,
  GetBucketTaggingCommand,
  GetObjectCommand,
  GetPublicAccessBlockCommand,
  HeadBucketCommand,
  ListBucketsCommand,
  ListObjectsV2Command,
  PutBucketEncryptionCommand,
  PutBucketTaggingCommand,
  PutObjectCommand,
  PutPublicAccessBlockCommand,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { ConfiguredRetryStrategy } from '@smithy/util-retry';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type CallLog, createCallLog } from '../../framework/call-log.js';
import { createManualClock } from '../../framework/clock.js';
import { createFaultInjector, type FaultInjector } from '../../framework/faults.js';
import { type RunningS3Fake, startS3Fake } from './index.js';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

const BUCKET = 'hubfleet-velero-research';

async function failure(promise: Promise<unknown>): Promise<S3ServiceException> {
  try {
    await promise;
  } catch (problem) {
    if (problem instanceof S3ServiceException) return problem;
    throw problem;
  }
  throw new Error('expected the call to fail');
}

describe('S3 fake: velero bucket setup through the real @aws-sdk/client-s3', () => {
  let service: RunningS3Fake;
  let callLog: CallLog;
  const clients: S3Client[] = [];

  async function start(
    faults: FaultInjector = createFaultInjector(),
    options: { foreignBuckets?: string[] } = {},
  ) {
    await service?.close();
    callLog = createCallLog();
    service = await startS3Fake({ clock: createManualClock(), faults, callLog, ...options });
  }

  function client(region = 'us-west-2', retries = false): S3Client {
    const s3 = new S3Client({
      endpoint: service.url,
      region,
      forcePathStyle: true,
      credentials: { accessKeyId: 'AKIDTEST', secretAccessKey: 'secret' },
      ...(retries ? { retryStrategy: new ConfiguredRetryStrategy(4, 1) } : {}),
    });
    clients.push(s3);
    return s3;
  }

  beforeEach(() => start());

  afterEach(async () => {
    for (const s3 of clients.splice(0)) s3.destroy();
    await service.close();
  });

  const createInWest = (s3: S3Client, bucket = BUCKET) =>
    s3.send(
      new CreateBucketCommand({
        Bucket: bucket,
        CreateBucketConfiguration: { LocationConstraint: 'us-west-2' },
      }),
    );

  /** A create retried by the caller: a retry after a create that did happen finds the bucket already ours. */
  async function createWithRetry(s3: S3Client): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        await createInWest(s3);
        return;
      } catch (problem) {
        if (problem instanceof S3ServiceException && problem.name === 'BucketAlreadyOwnedByYou') return;
        if (attempt >= 3) throw problem;
      }
    }
  }

  it('creates a bucket in the client’s region, heads it, locates it and lists it', async () => {
    const s3 = client();
    await createInWest(s3);
    const head = await s3.send(new HeadBucketCommand({ Bucket: BUCKET }));
    expect(head.BucketRegion).toBe('us-west-2');
    expect((await s3.send(new GetBucketLocationCommand({ Bucket: BUCKET }))).LocationConstraint).toBe(
      'us-west-2',
    );
    const listed = await s3.send(new ListBucketsCommand({}));
    expect(listed.Buckets?.map((bucket) => [bucket.Name, bucket.BucketRegion])).toEqual([
      [BUCKET, 'us-west-2'],
    ]);
    expect(listed.Buckets?.[0]?.CreationDate).toBeInstanceOf(Date);
    expect(listed.Owner?.ID).toMatch(/^[0-9a-f]{64}$/);
  });

  it('answers a repeated create with BucketAlreadyOwnedByYou (409), another account’s name with BucketAlreadyExists', async () => {
    await start(createFaultInjector(), { foreignBuckets: ['taken-by-someone-else'] });
    const s3 = client();
    await createInWest(s3);
    const again = await failure(createInWest(s3));
    expect(again).toMatchObject({ name: 'BucketAlreadyOwnedByYou', $metadata: { httpStatusCode: 409 } });
    const taken = await failure(createInWest(s3, 'taken-by-someone-else'));
    expect(taken).toMatchObject({ name: 'BucketAlreadyExists', $metadata: { httpStatusCode: 409 } });
    const forbidden = await failure(s3.send(new HeadBucketCommand({ Bucket: 'taken-by-someone-else' })));
    expect(forbidden.$metadata.httpStatusCode).toBe(403);
  });

  it('checks names and location constraints as S3 does', async () => {
    const s3 = client();
    const badName = await failure(createInWest(s3, 'Hubfleet_Bucket'));
    expect(badName).toMatchObject({ name: 'InvalidBucketName', $metadata: { httpStatusCode: 400 } });
    const elsewhere = await failure(
      s3.send(
        new CreateBucketCommand({
          Bucket: BUCKET,
          CreateBucketConfiguration: { LocationConstraint: 'eu-west-1' },
        }),
      ),
    );
    expect(elsewhere).toMatchObject({
      name: 'IllegalLocationConstraintException',
      $metadata: { httpStatusCode: 400 },
    });
    // The SDK itself fills in LocationConstraint with the client's region when it is not us-east-1.
    await s3.send(new CreateBucketCommand({ Bucket: BUCKET }));
    expect((await s3.send(new GetBucketLocationCommand({ Bucket: BUCKET }))).LocationConstraint).toBe(
      'us-west-2',
    );
    const east = client('us-east-1');
    await east.send(new CreateBucketCommand({ Bucket: 'hubfleet-east' }));
    await east.send(new CreateBucketCommand({ Bucket: 'hubfleet-east' }));
    expect(
      (await east.send(new GetBucketLocationCommand({ Bucket: 'hubfleet-east' }))).LocationConstraint,
    ).toBeUndefined();
    const wrongRegion = await failure(s3.send(new GetBucketTaggingCommand({ Bucket: 'hubfleet-east' })));
    expect(wrongRegion.$metadata.httpStatusCode).toBe(301);
  });

  it('answers HeadBucket for a missing bucket with 404 and no body', async () => {
    const missing = await failure(client().send(new HeadBucketCommand({ Bucket: 'no-such-bucket' })));
    expect(missing).toMatchObject({ name: 'NotFound', $metadata: { httpStatusCode: 404 } });
    const raw = await fetch(`${service.url}/no-such-bucket`, { method: 'HEAD' });
    expect(raw.status).toBe(404);
    expect(await raw.text()).toBe('');
    const unmodelled = await fetch(`${service.url}/no-such-bucket?lifecycle`);
    expect(unmodelled.status).toBe(501);
    expect(await unmodelled.text()).toContain('<Code>NotImplemented</Code>');
  });

  it('stores tagging, encryption and the public access block', async () => {
    const s3 = client();
    await createInWest(s3);
    const noTags = await failure(s3.send(new GetBucketTaggingCommand({ Bucket: BUCKET })));
    expect(noTags).toMatchObject({ name: 'NoSuchTagSet', $metadata: { httpStatusCode: 404 } });
    const TagSet = [
      { Key: 'hubfleet.io/deployment', Value: 'research' },
      { Key: 'hubfleet.io/tool', Value: 'velero' },
    ];
    await s3.send(new PutBucketTaggingCommand({ Bucket: BUCKET, Tagging: { TagSet } }));
    expect((await s3.send(new GetBucketTaggingCommand({ Bucket: BUCKET }))).TagSet).toEqual(TagSet);
    const duplicate = await failure(
      s3.send(
        new PutBucketTaggingCommand({
          Bucket: BUCKET,
          Tagging: { TagSet: [TagSet[0], TagSet[0]] as typeof TagSet },
        }),
      ),
    );
    expect(duplicate.name).toBe('InvalidTag');

    const defaultEncryption = await s3.send(new GetBucketEncryptionCommand({ Bucket: BUCKET }));
    expect(
      defaultEncryption.ServerSideEncryptionConfiguration?.Rules?.[0]?.ApplyServerSideEncryptionByDefault
        ?.SSEAlgorithm,
    ).toBe('AES256');
    await s3.send(
      new PutBucketEncryptionCommand({
        Bucket: BUCKET,
        ServerSideEncryptionConfiguration: {
          Rules: [
            {
              ApplyServerSideEncryptionByDefault: {
                SSEAlgorithm: 'aws:kms',
                KMSMasterKeyID: 'alias/hubfleet',
              },
              BucketKeyEnabled: true,
            },
          ],
        },
      }),
    );
    const encryption = await s3.send(new GetBucketEncryptionCommand({ Bucket: BUCKET }));
    expect(encryption.ServerSideEncryptionConfiguration?.Rules).toEqual([
      {
        ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms', KMSMasterKeyID: 'alias/hubfleet' },
        BucketKeyEnabled: true,
      },
    ]);

    const block = {
      BlockPublicAcls: true,
      IgnorePublicAcls: true,
      BlockPublicPolicy: true,
      RestrictPublicBuckets: false,
    };
    await s3.send(new PutPublicAccessBlockCommand({ Bucket: BUCKET, PublicAccessBlockConfiguration: block }));
    expect(
      (await s3.send(new GetPublicAccessBlockCommand({ Bucket: BUCKET }))).PublicAccessBlockConfiguration,
    ).toEqual(block);
  });

  it('puts, lists and deletes objects; refuses to delete a non-empty bucket (BucketNotEmpty 409)', async () => {
    const s3 = client();
    await createInWest(s3);
    for (const key of [
      'backups/a/velero-backup.json',
      'backups/b/velero-backup.json',
      'restores/r1.json',
      'ünïcode key.txt',
    ]) {
      await s3.send(
        new PutObjectCommand({
          Bucket: BUCKET,
          Key: key,
          Body: `{"key":"${key}"}`,
          ContentType: 'application/json',
        }),
      );
    }
    const object = await s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: 'ünïcode key.txt' }));
    expect(await object.Body?.transformToString()).toBe('{"key":"ünïcode key.txt"}');
    expect(object.ETag).toMatch(/^"[0-9a-f]{32}"$/);

    const top = await s3.send(new ListObjectsV2Command({ Bucket: BUCKET, Delimiter: '/' }));
    expect(top.CommonPrefixes?.map((prefix) => prefix.Prefix)).toEqual(['backups/', 'restores/']);
    expect(top.Contents?.map((content) => content.Key)).toEqual(['ünïcode key.txt']);
    const firstPage = await s3.send(
      new ListObjectsV2Command({ Bucket: BUCKET, Prefix: 'backups/', MaxKeys: 1 }),
    );
    expect(firstPage).toMatchObject({
      IsTruncated: true,
      KeyCount: 1,
      Contents: [{ Key: 'backups/a/velero-backup.json' }],
    });
    const secondPage = await s3.send(
      new ListObjectsV2Command({
        Bucket: BUCKET,
        Prefix: 'backups/',
        MaxKeys: 1,
        ContinuationToken: firstPage.NextContinuationToken,
      }),
    );
    expect(secondPage).toMatchObject({
      IsTruncated: false,
      Contents: [{ Key: 'backups/b/velero-backup.json', Size: 38 }],
    });

    const notEmpty = await failure(s3.send(new DeleteBucketCommand({ Bucket: BUCKET })));
    expect(notEmpty).toMatchObject({ name: 'BucketNotEmpty', $metadata: { httpStatusCode: 409 } });
    const keys =
      (await s3.send(new ListObjectsV2Command({ Bucket: BUCKET }))).Contents?.map((content) => content.Key) ??
      [];
    for (const key of keys) await s3.send(new DeleteObjectCommand({ Bucket: BUCKET, Key: key }));
    await s3.send(new DeleteBucketCommand({ Bucket: BUCKET }));
    const gone = await failure(s3.send(new GetBucketLocationCommand({ Bucket: BUCKET })));
    expect(gone).toMatchObject({ name: 'NoSuchBucket', $metadata: { httpStatusCode: 404 } });
  });

  it('survives a 10% random fault rate with the SDK’s retries, and logs mutations apart from reads', async () => {
    await start(createFaultInjector({ rate: 0.1, seed: 7 }));
    const s3 = client('us-west-2', true);
    await createWithRetry(s3);
    for (let round = 0; round < 30; round++) {
      await s3.send(new HeadBucketCommand({ Bucket: BUCKET }));
      await s3.send(new ListObjectsV2Command({ Bucket: BUCKET }));
      await s3.send(
        new PutBucketTaggingCommand({
          Bucket: BUCKET,
          Tagging: { TagSet: [{ Key: 'round', Value: String(round) }] },
        }),
      );
    }
    expect((await s3.send(new GetBucketTaggingCommand({ Bucket: BUCKET }))).TagSet).toEqual([
      { Key: 'round', Value: '29' },
    ]);
    expect(callLog.calls.some((call) => call.status === 0 || call.status >= 500)).toBe(true);
    const succeeded = callLog.calls.filter((call) => call.status > 0 && call.status < 300);
    expect(succeeded.filter((call) => call.mutating).map((call) => call.operation)).toEqual([
      'CreateBucket',
      ...Array.from({ length: 30 }, () => 'PutBucketTagging'),
    ]);
    expect(succeeded.filter((call) => !call.mutating)).toHaveLength(61);
  });
});
