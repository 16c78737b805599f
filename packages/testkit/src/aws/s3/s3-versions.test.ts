import {
  CreateBucketCommand,
  DeleteBucketCommand,
  DeleteObjectCommand,
  DeleteObjectsCommand,
  GetObjectCommand,
  ListObjectVersionsCommand,
  PutBucketVersioningCommand,
  PutObjectCommand,
  S3Client,
  type S3ServiceException,
} from '@aws-sdk/client-s3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createManualClock } from '../../framework/clock.js';
import { type RunningS3Fake, startS3Fake } from './index.js';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

const BUCKET = 'hubfleet-velero-versions';
const SIGNED_IN_US_WEST_2 =
  'AWS4-HMAC-SHA256 Credential=AKIDTEST/20260101/us-west-2/s3/aws4_request, SignedHeaders=host, Signature=0';

/** The S3 error a call failed with. */
const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => expect.unreachable('expected the call to fail'),
    (problem: unknown) => problem as S3ServiceException,
  );

describe('S3 fake: object versions, delete markers and emptying a versioned bucket (real @aws-sdk/client-s3)', () => {
  let service: RunningS3Fake;
  let s3: S3Client;

  beforeEach(async () => {
    service = await startS3Fake({ clock: createManualClock() });
    s3 = new S3Client({
      endpoint: service.url,
      region: 'us-west-2',
      forcePathStyle: true,
      credentials: { accessKeyId: 'AKIDTEST', secretAccessKey: 'secret' },
      maxAttempts: 1,
    });
    await s3.send(
      new CreateBucketCommand({
        Bucket: BUCKET,
        CreateBucketConfiguration: { LocationConstraint: 'us-west-2' },
      }),
    );
  });

  afterEach(async () => {
    s3.destroy();
    await service.close();
  });

  const put = (Key: string, Body: string) => s3.send(new PutObjectCommand({ Bucket: BUCKET, Key, Body }));
  const versions = () => s3.send(new ListObjectVersionsCommand({ Bucket: BUCKET }));

  it('keeps every version and delete marker of a versioned bucket; DeleteBucket is BucketNotEmpty until all are gone', async () => {
    await put('backups/a.tar', 'before versioning');
    await s3.send(
      new PutBucketVersioningCommand({ Bucket: BUCKET, VersioningConfiguration: { Status: 'Enabled' } }),
    );
    const second = await put('backups/a.tar', 'second');
    expect(second.VersionId).toMatch(/^[\w-]{32}$/);
    const marker = await s3.send(new DeleteObjectCommand({ Bucket: BUCKET, Key: 'backups/a.tar' }));
    expect(marker).toMatchObject({ DeleteMarker: true, VersionId: expect.stringMatching(/^[\w-]{32}$/) });
    // The current version is the delete marker: the key reads as missing, but nothing is lost.
    expect(
      (await failure(s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: 'backups/a.tar' })))).name,
    ).toBe('NoSuchKey');
    const listed = await versions();
    expect(listed.Versions?.map((version) => [version.Key, version.VersionId, version.IsLatest])).toEqual([
      ['backups/a.tar', second.VersionId, false],
      ['backups/a.tar', 'null', false],
    ]);
    expect(listed.DeleteMarkers?.map((entry) => [entry.Key, entry.VersionId, entry.IsLatest])).toEqual([
      ['backups/a.tar', marker.VersionId, true],
    ]);
    const notEmpty = await failure(s3.send(new DeleteBucketCommand({ Bucket: BUCKET })));
    expect(notEmpty).toMatchObject({ name: 'BucketNotEmpty', $metadata: { httpStatusCode: 409 } });

    // Removing the delete marker by its version id makes the version under it current again.
    const removed = await s3.send(
      new DeleteObjectCommand({ Bucket: BUCKET, Key: 'backups/a.tar', VersionId: marker.VersionId }),
    );
    expect(removed).toMatchObject({ DeleteMarker: true, VersionId: marker.VersionId });
    const current = await s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: 'backups/a.tar' }));
    expect(await current.Body?.transformToString()).toBe('second');
    expect(current.VersionId).toBe(second.VersionId);
  });

  it('DeleteObjects without version ids adds delete markers; with them removes versions for good, then the bucket goes', async () => {
    await s3.send(
      new PutBucketVersioningCommand({ Bucket: BUCKET, VersioningConfiguration: { Status: 'Enabled' } }),
    );
    for (const key of ['a', 'b', 'c']) {
      await put(key, `${key}1`);
      await put(key, `${key}2`);
    }
    const marked = await s3.send(
      new DeleteObjectsCommand({ Bucket: BUCKET, Delete: { Objects: [{ Key: 'a' }, { Key: 'missing' }] } }),
    );
    expect(marked.Deleted?.map((entry) => [entry.Key, entry.DeleteMarker])).toEqual([
      ['a', true],
      ['missing', true],
    ]);
    const all = await versions();
    expect(all.Versions).toHaveLength(6);
    expect(all.DeleteMarkers?.map((entry) => entry.Key)).toEqual(['a', 'missing']);

    // A page of three, then the rest from NextKeyMarker / NextVersionIdMarker.
    const first = await s3.send(new ListObjectVersionsCommand({ Bucket: BUCKET, MaxKeys: 3 }));
    expect(first).toMatchObject({ IsTruncated: true, NextKeyMarker: 'a' });
    const rest = await s3.send(
      new ListObjectVersionsCommand({
        Bucket: BUCKET,
        KeyMarker: first.NextKeyMarker,
        VersionIdMarker: first.NextVersionIdMarker,
      }),
    );
    expect(rest.IsTruncated).toBe(false);
    const ids = (page: typeof first) => [
      ...(page.Versions ?? []).map((entry) => `${entry.Key}/${entry.VersionId}`),
      ...(page.DeleteMarkers ?? []).map((entry) => `${entry.Key}/${entry.VersionId}`),
    ];
    const everything = [...ids(first), ...ids(rest)];
    expect(new Set(everything).size).toBe(8);
    expect(everything.sort()).toEqual(ids(all).sort());

    const quiet = await s3.send(
      new DeleteObjectsCommand({
        Bucket: BUCKET,
        Delete: {
          Quiet: true,
          Objects: [...(all.Versions ?? []), ...(all.DeleteMarkers ?? [])].map(({ Key, VersionId }) => ({
            Key,
            VersionId,
          })),
        },
      }),
    );
    expect(quiet.Deleted ?? []).toEqual([]);
    expect(quiet.Errors ?? []).toEqual([]);
    const empty = await versions();
    expect([...(empty.Versions ?? []), ...(empty.DeleteMarkers ?? [])]).toEqual([]);
    await s3.send(new DeleteBucketCommand({ Bucket: BUCKET }));
  });

  it('refuses a Multi-Object Delete without an integrity header, or whose checksum does not match', async () => {
    const body = `<Delete xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Object><Key>a</Key></Object></Delete>`;
    const send = (headers: Record<string, string>) =>
      fetch(`${service.url}/${BUCKET}?delete`, {
        method: 'POST',
        // Scoped to the bucket's region, as the SDK signs it (the fake does not check signatures).
        headers: { authorization: SIGNED_IN_US_WEST_2, ...headers },
        body,
      });
    const missing = await send({});
    expect(missing.status).toBe(400);
    expect(await missing.text()).toContain('<Code>InvalidRequest</Code>');
    const wrong = await send({ 'content-md5': '1B2M2Y8AsgTpgAmY7PhCfg==' });
    expect(wrong.status).toBe(400);
    expect(await wrong.text()).toContain('<Code>BadDigest</Code>');
  });
});
