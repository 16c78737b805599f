import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ProviderSettingsV1 } from '@hubfleet/core';
import { findSimCloudFactory } from '@hubfleet/testkit';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { STACK_TRACE } from './cli-harness.js';
import { callsDuring, type SimWorkspace, sim, simWorkspace } from './sim-harness.js';

const BUCKET = 'prod-velero-backups';

/** DS@OSU with per-user homes (no hub volume to refuse a plain down) and every hub's onDelete set. */
const perUserHomes = (onDelete: string) => (text: string) =>
  text
    .replace('home: shared-nfs', 'home: per-user-volume')
    .replace('size: 100Gi', 'size: 10Gi')
    .replace('sharedDir: true', 'sharedDir: false')
    .replace('onDelete: retain', `onDelete: ${onDelete}`);

interface BucketState {
  versioning?: string;
  objects: Record<string, unknown>;
  versions?: Record<string, { versionId: string; object?: unknown }[]>;
}

/** velero's bucket as the simulated S3 holds it now, or undefined when there is none. */
function bucketState(workspace: SimWorkspace): BucketState | undefined {
  const s3 = JSON.parse(readFileSync(join(workspace.stateDirectory, 's3.json'), 'utf8'));
  return (s3.buckets as Record<string, BucketState>)[BUCKET];
}

/** Every version and delete marker in the bucket, as `key@version` (a delete marker ends in `(marker)`). */
function versionsIn(bucket: BucketState | undefined): string[] {
  return Object.entries(bucket?.versions ?? {}).flatMap(([key, versions]) =>
    versions.map((version) => `${key}@${version.object === undefined ? '(marker)' : 'object'}`),
  );
}

/**
 * What velero would have written: two versions of one backup and a deleted one (a delete marker),
 * over the wire to the simulated S3 (started on the workspace's state, as the CLI's runs are).
 */
async function writeBackups(workspace: SimWorkspace): Promise<void> {
  const { provider } = parse(readFileSync(workspace.config, 'utf8')) as { provider: ProviderSettingsV1 };
  const cloud = await findSimCloudFactory('aws')?.start({
    stateDirectory: workspace.stateDirectory,
    settings: provider,
  });
  if (cloud === undefined) throw new Error('no simulated AWS');
  try {
    // Scoped to the bucket's region, as the SDK signs it (the fake does not check signatures).
    const authorization = `AWS4-HMAC-SHA256 Credential=${cloud.credentials.accessKeyId}/20260101/${cloud.region}/s3/aws4_request, SignedHeaders=host, Signature=0`;
    const send = async (method: string, key: string, body?: string) => {
      const answer = await fetch(`${cloud.endpoints.s3}/${BUCKET}/${key}`, {
        method,
        headers: { authorization },
        ...(body === undefined ? {} : { body }),
      });
      expect(answer.ok, `${method} ${key}: ${answer.status}`).toBe(true);
    };
    await send('PUT', 'backups/daily/velero-backup.json', 'first');
    await send('PUT', 'backups/daily/velero-backup.json', 'second');
    await send('PUT', 'backups/old/velero-backup.json', 'old');
    await send('DELETE', 'backups/old/velero-backup.json');
  } finally {
    await cloud.close();
  }
}

/**
 * velero's S3 bucket holds the backups: `down` keeps it (the plan and the output say so), a second
 * `down` changes nothing, and `down --delete-data` (every hub `onDelete: delete`) empties it, every
 * version and delete marker, and deletes it.
 */
describe('hubfleet down --sim on examples/aws-dsosu.yaml: velero bucket', { timeout: 600_000 }, () => {
  it('down --yes keeps the bucket and its backups; down --yes --delete-data removes it', async () => {
    const workspace = simWorkspace('aws-dsosu.yaml', perUserHomes('delete'));
    const up = await sim(workspace, 'up', ['--yes']);
    expect(up.stderr).not.toMatch(STACK_TRACE);
    expect(up.code).toBe(0);
    expect(bucketState(workspace)?.versioning).toBe('Enabled');
    await writeBackups(workspace);
    const written = versionsIn(bucketState(workspace));
    expect(written.sort()).toEqual([
      'backups/daily/velero-backup.json@object',
      'backups/daily/velero-backup.json@object',
      'backups/old/velero-backup.json@(marker)',
      'backups/old/velero-backup.json@object',
    ]);

    const down = await sim(workspace, 'down', ['--yes']);
    expect(down.stderr).not.toMatch(STACK_TRACE);
    expect(down.code).toBe(0);
    const kept = `S3 bucket ${BUCKET} with velero's backups stays without --delete-data`;
    expect(down.stdout).toContain(`=   bucket/${BUCKET}  retained: ${kept}`);
    expect(down.stdout).toContain(`Kept bucket/${BUCKET}: ${kept}.`);
    expect(versionsIn(bucketState(workspace)).sort()).toEqual(written.sort());

    // Without --yes a converged down ends at its plan, before taking the deployment's lock.
    const again = await callsDuring(workspace, () => sim(workspace, 'down'));
    expect(again.result.code).toBe(0);
    expect(again.result.stdout).toBe(
      `No changes: nothing of prod-green is left to delete. Retained: bucket/${BUCKET}.\n`,
    );
    expect(again.calls.filter((call) => call.mutating)).toEqual([]);

    const deleting = await callsDuring(workspace, () => sim(workspace, 'down', ['--yes', '--delete-data']));
    expect(deleting.result.stderr).not.toMatch(STACK_TRACE);
    expect(deleting.result.code).toBe(0);
    expect(deleting.result.stdout).toContain(
      `! deletes S3 bucket ${BUCKET} with velero's backups (needs --delete-data)`,
    );
    expect(bucketState(workspace)).toBeUndefined();
    // Emptied (by version id), then deleted; the lock's own PutObject/DeleteObject come and go around it.
    const operations = deleting.calls.filter((call) => call.mutating).map((call) => call.operation);
    expect(
      operations.filter((operation) => operation.endsWith('Bucket') || operation === 'DeleteObjects'),
    ).toEqual(['DeleteObjects', 'DeleteBucket']);
  });

  it('with a hub that keeps its data (onDelete: retain), down --delete-data still keeps the bucket', async () => {
    const workspace = simWorkspace('aws-dsosu.yaml', perUserHomes('retain'));
    expect((await sim(workspace, 'up', ['--yes'])).code).toBe(0);
    const run = await sim(workspace, 'down', ['--yes', '--delete-data']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      `Kept bucket/${BUCKET}: not every hub has storage.onDelete: delete (hub example-simple (retain)), so S3 bucket ${BUCKET} with velero's backups stays.`,
    );
    expect(bucketState(workspace)?.versioning).toBe('Enabled');
  });
});
