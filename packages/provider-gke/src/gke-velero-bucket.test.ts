import type { ResourceContextV1 } from '@hubfleet/core';
import { describe, expect, it, vi } from 'vitest';
import { operatorBucket } from '../test/gke-fake-world.js';
import { type GkeConfig, type GkeFakes, veleroWorlds } from '../test/gke-velero-world.js';
import type { ObservedVeleroBucket } from './gke-velero-bucket.js';

vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

const PROJECT = 'rhodes-cs';
const BUCKET = 'rhodes-cs-backups';
const openWorld = veleroWorlds(PROJECT, BUCKET);
const context = { signal: new AbortController().signal } as ResourceContextV1;

/** Every hub's `storage.onDelete: delete`: the operator asked for all data to go. */
const deletingAll = (config: GkeConfig): GkeConfig => ({
  ...config,
  hubs: config.hubs.map((hub) => ({ ...hub, storage: { ...hub.storage, onDelete: 'delete' } })),
});

async function world(change?: (config: GkeConfig) => GkeConfig) {
  const { fakes, step, mutating } = await openWorld(change);
  return { fakes, resource: step<ObservedVeleroBucket>('bucket'), mutating };
}

/** Backups as velero leaves them in a versioned bucket: live objects and older generations of each. */
function backups(fakes: GkeFakes, bucket = BUCKET) {
  const state = fakes.storage.state;
  let generation = 1_700_000_000_000_000;
  for (const name of [
    'backups/nightly/velero-backup.json',
    'backups/nightly/resources.tar.gz',
    'restores/r1.json',
  ]) {
    for (const age of [3, 2, 1, 0]) {
      generation += 1;
      const record = {
        bucket,
        name,
        generation: String(generation),
        metageneration: 1,
        contentType: 'application/json',
        data: `{"age":${age}}`,
        timeCreated: 0,
        updated: 0,
      };
      if (age === 0) state.objects[`${bucket}/${name}`] = record;
      else state.noncurrent.push({ ...record, timeDeleted: 0 });
    }
  }
}

describe("velero's GCS bucket as its own step (bucket/<name>)", () => {
  it('makes the bucket with the ownership labels once, mends its settings, and keeps it unless every hub deletes', async () => {
    const { fakes, resource, mutating } = await world();
    expect(resource).toMatchObject({ name: BUCKET, kind: 'bucket', requiredBy: ['tool:velero'] });
    expect(await resource.observe(context)).toBeUndefined();
    expect(resource.diff(undefined).action).toBe('create');
    await resource.apply('create', context);
    expect(fakes.storage.state.buckets[BUCKET]).toMatchObject({
      location: 'US-CENTRAL1',
      versioning: true,
      uniformBucketLevelAccess: true,
      publicAccessPrevention: 'enforced',
      labels: { 'hubfleet-deployment': 'jupyter', 'hubfleet-component': 'bucket' },
    });
    const observed = await resource.observe(context);
    expect(observed).toEqual({ owned: true, missing: [] });
    expect(resource.diff(observed).action).toBe('noop');
    const before = mutating();
    await resource.apply('update', context);
    expect(mutating(), 'a converged bucket is only read').toBe(before);

    // Versioning turned off by hand: plan shows it, up turns it back on.
    const record = fakes.storage.state.buckets[BUCKET];
    if (record === undefined) throw new Error('the bucket should exist');
    record.versioning = false;
    const drifted = await resource.observe(context);
    expect(resource.diff(drifted)).toMatchObject({ action: 'update', changes: [{ field: 'versioning' }] });
    await resource.apply('update', context);
    expect(record.versioning).toBe(true);

    // Rhodes' hubs retain their data: the bucket is kept, saying why.
    expect(resource.holdsData?.({ owned: true, missing: [] })).toMatchObject({
      onDelete: 'retain',
      keptBecause: expect.stringContaining('not every hub has storage.onDelete: delete'),
    });
  });

  it('--delete-data with every hub deleting: every generation goes, page by page, then the bucket', async () => {
    const { fakes, resource } = await world(deletingAll);
    await resource.apply('create', context);
    backups(fakes);
    fakes.storage.state.listPageLimit = 5;
    const observed = await resource.observe(context);
    if (observed === undefined) throw new Error('the bucket should exist');
    expect(resource.holdsData?.(observed)).toEqual({
      what: `Cloud Storage bucket gs://${BUCKET} with velero's backups`,
      onDelete: 'delete',
    });

    await resource.apply('delete', context);
    expect(fakes.storage.state.buckets[BUCKET]).toBeUndefined();
    expect(fakes.storage.state.objects).toEqual({});
    expect(fakes.storage.state.noncurrent).toEqual([]);
    const calls = fakes.callLog.calls.map((call) => call.operation);
    expect(calls.filter((operation) => operation === 'ListObjects').length).toBeGreaterThanOrEqual(3);
    expect(calls.filter((operation) => operation === 'DeleteObject')).toHaveLength(12);
    expect(calls.filter((operation) => operation === 'DeleteBucket')).toHaveLength(1);
    expect(await resource.observe(context)).toBeUndefined();
    await resource.apply('delete', context);
    expect(fakes.callLog.calls.filter((call) => call.operation === 'DeleteBucket')).toHaveLength(1);
  });

  it('empties a bucket again when something writes to it meanwhile, and says what when it keeps refilling', async () => {
    const { fakes, resource } = await world(deletingAll);
    await resource.apply('create', context);
    backups(fakes);
    const state = fakes.storage.state;
    const original = state.buckets;
    let refills = 1;
    // A velero left running writes a backup right before the delete of the emptied bucket arrives.
    state.buckets = new Proxy(original, {
      get(target, key, receiver) {
        const empty =
          !Object.values(state.objects).some((object) => object.bucket === BUCKET) &&
          !state.noncurrent.some((object) => object.bucket === BUCKET);
        if (key === BUCKET && empty && refills > 0 && target[BUCKET] !== undefined) {
          refills -= 1;
          backups(fakes);
        }
        return Reflect.get(target, key, receiver);
      },
    });
    await resource.apply('delete', context);
    expect(refills).toBe(0);
    expect(original[BUCKET]).toBeUndefined();
    const deletes = fakes.callLog.calls.filter((call) => call.operation === 'DeleteBucket');
    expect(deletes.map((call) => call.status)).toEqual([409, 204]);

    await resource.apply('create', context);
    refills = Number.POSITIVE_INFINITY;
    const failure = await resource.apply('delete', context).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(failure).toMatchObject({
      kind: 'conflict',
      retryable: true,
      subject: `bucket/${BUCKET}`,
      message: expect.stringContaining('not empty'),
    });
    state.buckets = original;
    expect(original[BUCKET]).toBeDefined();
  });

  it("keeps an operator's bucket not labelled as this deployment's, with its objects, even with --delete-data", async () => {
    const { fakes, resource, mutating } = await world(deletingAll);
    fakes.storage.state.buckets[BUCKET] = operatorBucket(BUCKET, PROJECT);
    backups(fakes);
    const observed = await resource.observe(context);
    expect(observed).toEqual({ owned: false, missing: [] });
    expect(resource.diff(observed).action).toBe('noop');
    expect(resource.holdsData?.({ owned: false, missing: [] })).toMatchObject({
      onDelete: 'retain',
      keptBecause: expect.stringContaining("not labelled as this deployment's"),
    });
    const before = mutating();
    await resource.apply('create', context);
    await resource.apply('delete', context);
    expect(mutating(), "the operator's bucket is only read").toBe(before);
    expect(fakes.storage.state.buckets[BUCKET]).toMatchObject({ labels: { team: 'cs' }, versioning: false });
    expect(fakes.storage.state.noncurrent).toHaveLength(9);
  });
});
