import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CreateBucketCommand,
  DeleteObjectCommand,
  GetBucketVersioningCommand,
  HeadBucketCommand,
  ListObjectVersionsCommand,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import type { ProviderResourceV1, ResourceContextV1 } from '@hubfleet/core';
import { type AwsSimCloud, startAwsSimCloud } from '@hubfleet/testkit';
import { ConfiguredRetryStrategy } from '@smithy/util-retry';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type AwsConfig, quickstartConfig } from '../test/aws-fake-world.js';
import { connectAws } from './aws-connect.js';
import type { AwsProviderSession } from './aws-session.js';
import type { ObservedVeleroBucket } from './aws-velero-bucket.js';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
vi.setConfig({ testTimeout: 180_000, hookTimeout: 180_000 });

const BUCKET = 'bucket-velero-backups';
/** The bucket step makes S3 calls only: it needs no cluster. */
const CONTEXT: ResourceContextV1 = {
  kubernetes: async () => undefined,
  facts: async () => ({}),
  signal: new AbortController().signal,
};

/** The quickstart with velero backing up to BUCKET, its hubs' `storage.onDelete` set. */
function withBackups(onDelete: 'retain' | 'delete'): AwsConfig {
  const config = quickstartConfig('bucket');
  return {
    ...config,
    tools: {
      ...config.tools,
      backups: { enabled: true, bucket: BUCKET, schedule: '0 3 * * *', retain: '720h' },
    },
    hubs: config.hubs.map((hub) => ({ ...hub, storage: { ...hub.storage, onDelete } })),
  };
}

describe("bucket/<name>: velero's S3 bucket holds the backups", () => {
  let cloud: AwsSimCloud;
  let directory: string;
  const sessions: AwsProviderSession[] = [];

  beforeEach(async () => {
    directory = mkdtempSync(join(tmpdir(), 'hubfleet-aws-bucket-'));
    cloud = await startAwsSimCloud({ stateDirectory: directory });
  });

  afterEach(async () => {
    await Promise.all(sessions.splice(0).map((session) => session.close()));
    await cloud.close();
    rmSync(directory, { recursive: true, force: true });
  });

  const s3 = () =>
    new S3Client({
      region: cloud.region,
      credentials: cloud.credentials,
      endpoint: cloud.endpoints.s3,
      forcePathStyle: true,
    });

  async function bucketStep(config: AwsConfig): Promise<ProviderResourceV1<ObservedVeleroBucket>> {
    const session = await connectAws(
      config,
      {
        configDirectory: directory,
        simulation: { endpoints: cloud.endpoints, credentials: cloud.credentials },
      },
      { retryStrategy: new ConfiguredRetryStrategy(3, 1) },
    );
    sessions.push(session);
    const step = session.resources?.().find((resource) => resource.kind === 'bucket');
    if (step === undefined) throw new Error('backups with a bucket: expected a bucket step');
    expect(step).toMatchObject({ name: BUCKET, requiredBy: ['tool:velero'] });
    return step as ProviderResourceV1<ObservedVeleroBucket>;
  }

  /** velero's writes: two versions of a backup, one deleted (a delete marker), in the versioned bucket. */
  async function writeBackups(): Promise<void> {
    const client = s3();
    for (const body of ['first', 'second']) {
      await client.send(
        new PutObjectCommand({ Bucket: BUCKET, Key: 'backups/daily/velero-backup.json', Body: body }),
      );
    }
    await client.send(
      new PutObjectCommand({ Bucket: BUCKET, Key: 'backups/old/velero-backup.json', Body: 'old' }),
    );
    await client.send(new DeleteObjectCommand({ Bucket: BUCKET, Key: 'backups/old/velero-backup.json' }));
    const listed = await client.send(new ListObjectVersionsCommand({ Bucket: BUCKET }));
    expect([listed.Versions?.length, listed.DeleteMarkers?.length]).toEqual([3, 1]);
  }

  it('creates it versioned; with a hub that retains its data it is kept, saying which hub', async () => {
    const step = await bucketStep(withBackups('retain'));
    expect(step.diff(await step.observe(CONTEXT))).toMatchObject({ action: 'create' });
    await step.apply('create', CONTEXT);
    const observed = await step.observe(CONTEXT);
    expect(observed).toEqual({ name: BUCKET, owned: true, missing: [] });
    expect(step.diff(observed)).toMatchObject({ action: 'noop' });
    expect((await s3().send(new GetBucketVersioningCommand({ Bucket: BUCKET }))).Status).toBe('Enabled');
    expect(observed && step.holdsData?.(observed)).toEqual({
      what: `S3 bucket ${BUCKET} with velero's backups`,
      onDelete: 'retain',
      keptBecause: 'not every hub has storage.onDelete: delete (hub demo (retain))',
    });
  });

  it('with every hub onDelete: delete, delete empties every version and delete marker, then deletes it', async () => {
    const step = await bucketStep(withBackups('delete'));
    await step.apply('create', CONTEXT);
    await writeBackups();
    const observed = await step.observe(CONTEXT);
    expect(observed && step.holdsData?.(observed)).toMatchObject({ onDelete: 'delete' });
    await step.apply('delete', CONTEXT);
    expect(await step.observe(CONTEXT)).toBeUndefined();
    const gone = await s3()
      .send(new HeadBucketCommand({ Bucket: BUCKET }))
      .catch((error: unknown) => error);
    expect(gone).toMatchObject({ $metadata: { httpStatusCode: 404 } });
    const calls = cloud.calls().map((call) => call.operation);
    expect(calls).toContain('ListObjectVersions');
    expect(calls).toContain('DeleteObjects');
    // Deleting what is gone is done.
    await step.apply('delete', CONTEXT);
  });

  it("an operator's own bucket (not tagged as this deployment's) is used as it is and never deleted", async () => {
    await s3().send(
      new CreateBucketCommand({
        Bucket: BUCKET,
        CreateBucketConfiguration: { LocationConstraint: cloud.region as never },
      }),
    );
    const step = await bucketStep(withBackups('delete'));
    const observed = await step.observe(CONTEXT);
    expect(observed).toEqual({ name: BUCKET, owned: false, missing: [] });
    expect(step.diff(observed)).toMatchObject({ action: 'noop' });
    expect(observed && step.holdsData?.(observed)).toMatchObject({
      onDelete: 'retain',
      keptBecause: "it is not tagged as this deployment's (the operator's bucket)",
    });
    await step.apply('delete', CONTEXT);
    expect((await s3().send(new HeadBucketCommand({ Bucket: BUCKET }))).$metadata.httpStatusCode).toBe(200);
  });
});
