import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DeploymentLockApiV1, LockHolderV1 } from '@hubfleet/core';
import { type AwsSimCloud, type S3State, SIM_ACCOUNT_ID, startAwsSimCloud } from '@hubfleet/testkit';
import { holdLockAs, lockHolder } from '@hubfleet/testkit/conformance';
import { ConfiguredRetryStrategy } from '@smithy/util-retry';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { quickstartConfig } from '../test/aws-fake-world.js';
import { connectAws } from './aws-connect.js';
import { lockBucketName } from './aws-lock.js';
import type { AwsProviderSession } from './aws-session.js';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

describe('the AWS deployment lock: an S3 object written with If-None-Match: *', () => {
  let cloud: AwsSimCloud;
  let directory: string;
  const sessions: AwsProviderSession[] = [];

  beforeEach(async () => {
    directory = mkdtempSync(join(tmpdir(), 'hubfleet-aws-lock-'));
    cloud = await startAwsSimCloud({ stateDirectory: directory });
  });

  afterEach(async () => {
    await Promise.all(sessions.splice(0).map((session) => session.close()));
    await cloud.close();
    rmSync(directory, { recursive: true, force: true });
  });

  async function lockOf(deployment: string) {
    const session = await connectAws(
      quickstartConfig(deployment),
      { configDirectory: directory, simulatedEndpoints: cloud.endpoints },
      { credentials: cloud.credentials, retryStrategy: new ConfiguredRetryStrategy(4, 1) },
    );
    sessions.push(session);
    if (session.lock === undefined) throw new Error('the AWS session has a lock');
    return session.lock;
  }

  const hold = (lock: DeploymentLockApiV1, who: LockHolderV1) => holdLockAs(lock, 'lock-test', who);

  const s3State = () => JSON.parse(readFileSync(join(directory, 's3.json'), 'utf8')) as S3State;
  const bucket = () => s3State().buckets[lockBucketName(SIM_ACCOUNT_ID, cloud.region)];

  it('one session holds it; another is refused naming the holder; release deletes the object', async () => {
    const first = await hold(await lockOf('lock-test'), lockHolder('run-1', 'alice'));
    expect(Object.keys(bucket()?.objects ?? {})).toEqual(['lock-test/lock.json']);
    const refusal = await hold(await lockOf('lock-test'), lockHolder('run-2', 'bob')).catch((error) => error);
    // `refused` is exit 3; core's deployment entry loads from dist in tests, so compare name and kind.
    expect(refusal).toMatchObject({ name: 'HubfleetError', kind: 'refused' });
    expect(refusal.message).toContain('alice@laptop');
    // Another deployment of the same account locks independently.
    const other = await hold(await lockOf('other-deployment'), lockHolder('run-3', 'carol'));
    await first.release();
    await other.release();
    expect(bucket()?.objects).toEqual({});
  });

  it('a PutObject whose reply was lost is this run’s lock (the retry meets 412 on its own object)', async () => {
    const lock = await lockOf('lock-test');
    // The bucket exists first, so the scripted fault hits the lock's own write.
    expect(await lock.read()).toBeUndefined();
    const settled = await hold(lock, lockHolder('warm-up', 'alice'));
    await settled.release();
    cloud.faults.script({ operation: 's3.PutObject', fault: 'lost-reply', times: 1 });
    const held = await hold(lock, lockHolder('run-1', 'alice'));
    expect((await lock.read())?.holder.id).toBe('run-1');
    cloud.faults.script({ operation: 's3.DeleteObject', fault: 'lost-reply', times: 1 });
    await held.release();
    expect(await lock.read()).toBeUndefined();
  });

  it('replace and delete act only on the version they name', async () => {
    const lock = await lockOf('lock-test');
    const version = (await lock.create(lockHolder('run-1', 'alice'))) as string;
    expect(await lock.create(lockHolder('run-2', 'bob'))).toBeUndefined();
    const renewed = await lock.replace(version, lockHolder('run-1', 'alice'));
    expect(renewed).toBeDefined();
    expect(await lock.replace(version, lockHolder('run-2', 'bob'))).toBeUndefined();
    expect(await lock.delete(version)).toBe(false);
    expect(await lock.delete(renewed as string)).toBe(true);
    expect(await lock.delete(renewed as string)).toBe(true);
  });
});
