import { mkdtempSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CreateBucketCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { afterEach, describe, expect, it } from 'vitest';
import { createManualClock } from '../../framework/clock.js';
import { type RunningS3Fake, startS3Fake } from './index.js';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

const BUCKET = 'hubfleet-locks-123456789012-us-west-2';
const KEY = 'prod-green/lock.json';

async function failure(promise: Promise<unknown>): Promise<S3ServiceException> {
  try {
    await promise;
  } catch (problem) {
    if (problem instanceof S3ServiceException) return problem;
    throw problem;
  }
  throw new Error('expected the call to fail');
}

describe('S3 fake: conditional writes and deletes (If-None-Match, If-Match) through the real SDK', () => {
  const running: RunningS3Fake[] = [];
  const clients: S3Client[] = [];

  async function start(stateFile?: string): Promise<RunningS3Fake> {
    const service = await startS3Fake({
      clock: createManualClock(),
      ...(stateFile === undefined ? {} : { stateFile, shareState: true }),
    });
    running.push(service);
    return service;
  }

  function client(service: RunningS3Fake): S3Client {
    const s3 = new S3Client({
      endpoint: service.url,
      region: 'us-west-2',
      forcePathStyle: true,
      credentials: { accessKeyId: 'AKIDTEST', secretAccessKey: 'secret' },
      maxAttempts: 1,
    });
    clients.push(s3);
    return s3;
  }

  async function withBucket(service: RunningS3Fake): Promise<S3Client> {
    const s3 = client(service);
    await s3.send(
      new CreateBucketCommand({
        Bucket: BUCKET,
        CreateBucketConfiguration: { LocationConstraint: 'us-west-2' },
      }),
    );
    return s3;
  }

  const put = (s3: S3Client, body: string, condition: { IfNoneMatch?: string; IfMatch?: string }) =>
    s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: KEY, Body: body, ...condition }));

  afterEach(async () => {
    for (const s3 of clients.splice(0)) s3.destroy();
    for (const service of running.splice(0)) await service.close();
  });

  it('If-None-Match: * creates once; the second is 412 PreconditionFailed and leaves the first', async () => {
    const s3 = await withBucket(await start());
    const first = await put(s3, 'alice', { IfNoneMatch: '*' });
    expect(first.ETag).toMatch(/^"[0-9a-f]{32}"$/);
    const second = await failure(put(s3, 'bob', { IfNoneMatch: '*' }));
    expect(second.name).toBe('PreconditionFailed');
    expect(second.$metadata.httpStatusCode).toBe(412);
    const stored = await s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: KEY }));
    expect(await stored.Body?.transformToString()).toBe('alice');
  });

  it('If-Match replaces only the ETag it names; a missing key is 404 NoSuchKey', async () => {
    const s3 = await withBucket(await start());
    expect((await failure(put(s3, 'x', { IfMatch: '"0"' }))).name).toBe('NoSuchKey');
    const first = await put(s3, 'v1', { IfNoneMatch: '*' });
    const second = await put(s3, 'v2', { IfMatch: first.ETag as string });
    const stale = await failure(put(s3, 'v3', { IfMatch: first.ETag as string }));
    expect(stale.$metadata.httpStatusCode).toBe(412);
    await put(s3, 'v3', { IfMatch: second.ETag as string });
  });

  it('DeleteObject If-Match: 412 on another ETag, 204 on its own, then 404 NoSuchKey', async () => {
    const s3 = await withBucket(await start());
    const { ETag } = await put(s3, 'alice', { IfNoneMatch: '*' });
    const wrong = await failure(
      s3.send(new DeleteObjectCommand({ Bucket: BUCKET, Key: KEY, IfMatch: '"abc"' })),
    );
    expect(wrong.name).toBe('PreconditionFailed');
    const deleted = await s3.send(
      new DeleteObjectCommand({ Bucket: BUCKET, Key: KEY, IfMatch: ETag as string }),
    );
    expect(deleted.$metadata.httpStatusCode).toBe(204);
    const gone = await failure(
      s3.send(new DeleteObjectCommand({ Bucket: BUCKET, Key: KEY, IfMatch: ETag as string })),
    );
    expect(gone.name).toBe('NoSuchKey');
    // Unconditional deletes of a missing key still succeed, as in S3.
    await s3.send(new DeleteObjectCommand({ Bucket: BUCKET, Key: KEY }));
  });

  it('an upload during which another write of the key finished is 409 ConditionalRequestConflict', async () => {
    const service = await start();
    const s3 = await withBucket(service);
    const body = 'slow upload';
    // The first upload's headers arrive (the server answers 100 Continue), then a second write of the
    // same key completes, then the first one's body arrives.
    const slow = new Promise<{ status: number; text: string }>((resolve, reject) => {
      const url = new URL(`/${BUCKET}/${encodeURIComponent(KEY)}`, service.url);
      const upload = request(url, {
        method: 'PUT',
        headers: {
          'if-none-match': '*',
          'content-length': String(body.length),
          expect: '100-continue',
          // The fake reads the signing region from the credential scope (the bucket is in us-west-2).
          authorization:
            'AWS4-HMAC-SHA256 Credential=AKIDTEST/20261202/us-west-2/s3/aws4_request, SignedHeaders=host, Signature=0',
        },
      });
      upload.on('continue', async () => {
        try {
          await put(s3, 'fast', { IfNoneMatch: '*' });
          upload.end(body);
        } catch (error) {
          reject(error);
        }
      });
      upload.on('response', (response) => {
        let text = '';
        response.on('data', (chunk) => {
          text += chunk;
        });
        response.on('end', () => resolve({ status: response.statusCode ?? 0, text }));
      });
      upload.on('error', reject);
      upload.flushHeaders();
    });
    const answer = await slow;
    expect(answer.status).toBe(409);
    expect(answer.text).toContain('<Code>ConditionalRequestConflict</Code>');
    // Retried as the reference says, it meets the winner's object: 412.
    expect((await failure(put(s3, 'slow upload', { IfNoneMatch: '*' }))).name).toBe('PreconditionFailed');
  });

  it('two fakes on one shared state file (two sim processes) see each other: exactly one create wins', async () => {
    const stateFile = join(mkdtempSync(join(tmpdir(), 'hubfleet-s3-shared-')), 's3.json');
    const one = await start(stateFile);
    const two = await start(stateFile);
    const first = await withBucket(one);
    const second = client(two);
    const outcomes = await Promise.allSettled([
      put(first, 'run one', { IfNoneMatch: '*' }),
      put(second, 'run two', { IfNoneMatch: '*' }),
      put(first, 'run three', { IfNoneMatch: '*' }),
      put(second, 'run four', { IfNoneMatch: '*' }),
    ]);
    expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
    for (const outcome of outcomes) {
      if (outcome.status === 'rejected')
        expect((outcome.reason as S3ServiceException).name).toBe('PreconditionFailed');
    }
  });
});
