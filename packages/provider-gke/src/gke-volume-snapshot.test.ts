import type { ObservedSnapshotV1 } from '@hubfleet/core';
import { createManualClock } from '@hubfleet/testkit';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { driving, rhodesConfig, startGoogleFakes } from '../test/gke-fake-world.js';
import { connectGke } from './gke-connect.js';
import type { GkeProviderSession } from './gke-session.js';

vi.setConfig({ testTimeout: 180_000, hookTimeout: 180_000 });

const PROJECT = 'rhodes-cs';
type Fakes = Awaited<ReturnType<typeof startGoogleFakes>>;
const open: { fakes: Fakes; session: GkeProviderSession }[] = [];

afterEach(async () => {
  for (const { fakes, session } of open.splice(0)) {
    await session.close();
    await fakes.close();
  }
});

/** Ask until `probe` answers, letting the provider's requests through between tries (the clock stands still). */
async function eventually<T>(probe: () => Promise<T | undefined>): Promise<T> {
  for (let attempt = 0; attempt < 500; attempt++) {
    const value = await probe();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error('not reached after 500 tries');
}

describe('onDelete: snapshot on GKE: a disk snapshot (compute v1 disks.createSnapshot), waited for until READY', () => {
  it('goes CREATING → UPLOADING → READY; snapshot() returns only at READY, findSnapshot finds it by its source label', async () => {
    const clock = createManualClock(Date.now());
    const fakes = await startGoogleFakes(PROJECT, { clock });
    const config = rhodesConfig('jupyter', PROJECT, { sharedHome: true });
    const session = await connectGke(
      config,
      { configDirectory: process.cwd(), simulation: { endpoints: fakes.endpoints, credentials: fakes.key } },
      { pollIntervalMs: 2, retryDelayMs: 1 },
    );
    open.push({ fakes, session });
    const hub = config.hubs[0];
    if (hub === undefined) throw new Error('Rhodes has a hub');
    await driving(clock, session.volumes.create(hub));
    const volume = await eventually(async () =>
      (await session.volumes.list()).find((each) => each.status === 'available'),
    );
    const snapshots = () => Object.values(fakes.compute.fake.state.snapshots);

    // The clock stands still: the snapshot is made, CREATING, and snapshot() is still waiting.
    let returned = false;
    const taking = session.volumes.snapshot(volume).finally(() => {
      returned = true;
    });
    const found = await eventually<ObservedSnapshotV1>(async () => session.volumes.findSnapshot?.(volume));
    expect(found).toMatchObject({ volumeId: volume.id, status: 'pending' });
    const [record] = snapshots();
    expect(record).toMatchObject({ name: found.id, status: 'CREATING' });
    expect(record?.sourceDisk).toMatch(new RegExp(`/zones/us-central1-a/disks/${volume.id}$`));
    expect(record?.labels).toMatchObject({ 'hubfleet-deployment': 'jupyter', 'hubfleet-hub': 'jhub' });

    // A third of the way: UPLOADING, still pending, still waiting.
    clock.advance((record?.uploadingAt ?? 0) - clock.now() + 1);
    fakes.compute.fake.settle();
    expect(snapshots()[0]?.status).toBe('UPLOADING');
    expect(await session.volumes.snapshotStatus?.(found.id)).toBe('pending');
    expect(returned).toBe(false);

    const { snapshotId } = await driving(clock, taking);
    expect(snapshotId).toBe(found.id);
    expect(snapshots()[0]?.status).toBe('READY');
    expect(await session.volumes.snapshotStatus?.(snapshotId)).toBe('completed');
    expect(await session.volumes.findSnapshot?.(volume)).toEqual({
      id: snapshotId,
      volumeId: volume.id,
      status: 'completed',
    });

    // Then the disk may go; the snapshot stays.
    await driving(clock, session.volumes.delete(volume));
    await eventually(async () => ((await session.volumes.list()).length === 0 ? true : undefined));
    expect(snapshots().map((each) => each.name)).toEqual([snapshotId]);
    expect(await session.volumes.snapshotStatus?.('no-such-snapshot')).toBeUndefined();
  });
});
