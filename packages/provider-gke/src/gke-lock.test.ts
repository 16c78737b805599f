import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DeploymentLockApiV1, LockHolderV1 } from '@hubfleet/core';
import { type GkeSimCloud, type StorageState, startGkeSimCloud } from '@hubfleet/testkit';
import { holdLockAs, lockHolder } from '@hubfleet/testkit/conformance';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { rhodesConfig } from '../test/gke-fake-world.js';
import { connectGke } from './gke-connect.js';
import { lockBucketName } from './gke-lock.js';
import type { GkeProviderSession } from './gke-session.js';

vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

const PROJECT = 'hubfleet-sim';

describe('the GKE deployment lock: a Cloud Storage object written with ifGenerationMatch=0', () => {
  let cloud: GkeSimCloud;
  let directory: string;
  const sessions: GkeProviderSession[] = [];

  beforeEach(async () => {
    directory = mkdtempSync(join(tmpdir(), 'hubfleet-gke-lock-'));
    cloud = await startGkeSimCloud({ stateDirectory: directory, speed: 100_000 });
  });

  afterEach(async () => {
    await Promise.all(sessions.splice(0).map((session) => session.close()));
    await cloud.close();
    rmSync(directory, { recursive: true, force: true });
  });

  async function lockOf(deployment: string): Promise<DeploymentLockApiV1> {
    const session = await connectGke(
      rhodesConfig(deployment, PROJECT),
      {
        configDirectory: directory,
        simulation: { endpoints: cloud.endpoints, credentials: cloud.credentials },
      },
      { pollIntervalMs: 2, retryDelayMs: 1 },
    );
    sessions.push(session);
    if (session.lock === undefined) throw new Error('the GKE session has a lock');
    return session.lock;
  }

  const hold = (lock: DeploymentLockApiV1, who: LockHolderV1) => holdLockAs(lock, 'lock-test', who);

  const storage = () => JSON.parse(readFileSync(join(directory, 'storage.json'), 'utf8')) as StorageState;
  const lockObjects = () =>
    Object.values(storage().objects)
      .filter((object) => object.bucket === lockBucketName(PROJECT))
      .map((object) => object.name);

  it('one session holds it; another is refused naming the holder; release deletes the object', async () => {
    const lock = await lockOf('lock-test');
    expect(lock.location).toBe('gs://hubfleet-locks-hubfleet-sim/lock-test/lock.json');
    const first = await hold(lock, lockHolder('run-1', 'alice'));
    expect(lockObjects()).toEqual(['lock-test/lock.json']);
    expect(storage().buckets[lockBucketName(PROJECT)]).toMatchObject({
      uniformBucketLevelAccess: true,
      publicAccessPrevention: 'enforced',
    });
    const refusal = await hold(await lockOf('lock-test'), lockHolder('run-2', 'bob')).catch((error) => error);
    // `refused` is exit 3; core's deployment entry loads from dist in tests, so compare name and kind.
    expect(refusal).toMatchObject({ name: 'HubfleetError', kind: 'refused' });
    expect(refusal.message).toMatch(/deployment "lock-test" is locked: alice@laptop/);
    // Another deployment of the same project locks independently.
    const other = await hold(await lockOf('other-deployment'), lockHolder('run-3', 'carol'));
    expect(lockObjects().sort()).toEqual(['lock-test/lock.json', 'other-deployment/lock.json']);
    await first.release();
    await other.release();
    expect(lockObjects()).toEqual([]);
  });

  it('an upload whose reply was lost is this run’s lock (the retry meets 412 on its own object)', async () => {
    const lock = await lockOf('lock-test');
    expect(await lock.read()).toBeUndefined();
    const settled = await hold(lock, lockHolder('warm-up', 'alice'));
    await settled.release();
    cloud.faults.script({ operation: 'storage.InsertObject', fault: 'lost-reply', times: 1 });
    const held = await hold(lock, lockHolder('run-1', 'alice'));
    expect((await lock.read())?.holder.id).toBe('run-1');
    cloud.faults.script({ operation: 'storage.DeleteObject', fault: 'lost-reply', times: 1 });
    await held.release();
    expect(await lock.read()).toBeUndefined();
  });

  it('replace and delete act only on the generation they name', async () => {
    const lock = await lockOf('lock-test');
    const version = (await lock.create(lockHolder('run-1', 'alice'))) as string;
    expect(version).toMatch(/^\d+$/);
    expect(await lock.create(lockHolder('run-2', 'bob'))).toBeUndefined();
    expect(await lock.read()).toMatchObject({ version, holder: { id: 'run-1', user: 'alice' } });
    const renewed = await lock.replace(version, lockHolder('run-1', 'alice'));
    expect(renewed).toBeDefined();
    expect(renewed).not.toBe(version);
    expect(await lock.replace(version, lockHolder('run-2', 'bob'))).toBeUndefined();
    expect(await lock.delete(version)).toBe(false);
    expect(await lock.delete(renewed as string)).toBe(true);
    expect(await lock.delete(renewed as string)).toBe(true);
  });
});
