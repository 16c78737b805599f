import { describe, expect, it } from 'vitest';
import { applyPlan } from '../engine/apply.js';
import { planTeardown } from '../engine/plan.js';
import { HubfleetError } from '../errors/index.js';
import type { ObservedVolumeV1, SnapshotStatusV1 } from '../provider/v1/session.js';
import { emptyCloud, stubGraph, TEST_RETRY } from './testing/stub-cloud.js';

const VOLUME: ObservedVolumeV1 = {
  id: 'vol-1',
  hub: 'example-simple',
  sizeGiB: 10,
  status: 'available',
  tags: {},
};

/** A cloud with one hub volume whose snapshots take `pendingLooks` looks to complete. */
function snapshotCloud(options: {
  pendingLooks: number;
  earlier?: { id: string; status: SnapshotStatusV1 };
}) {
  const session = emptyCloud();
  const log: string[] = [];
  let volumes = [VOLUME];
  const looks = new Map<string, number>();
  let taken = 0;
  session.volumes.list = async () => volumes;
  session.volumes.snapshot = async (volume) => {
    taken += 1;
    log.push(`snapshot ${volume.id}`);
    return { snapshotId: `snap-${taken}` };
  };
  session.volumes.findSnapshot = async (volume) =>
    options.earlier === undefined ? undefined : { ...options.earlier, volumeId: volume.id };
  session.volumes.snapshotStatus = async (id) => {
    const seen = (looks.get(id) ?? 0) + 1;
    looks.set(id, seen);
    const status = seen > options.pendingLooks ? 'completed' : 'pending';
    log.push(`status ${id} ${status}`);
    return status;
  };
  session.volumes.delete = async (volume) => {
    log.push(`delete ${volume.id}`);
    volumes = volumes.filter((candidate) => candidate.id !== volume.id);
  };
  return { session, log };
}

async function downWithDeleteData(session: ReturnType<typeof emptyCloud>) {
  const graph = stubGraph(session, (text) =>
    text.replace(
      '    auth: { type: native, admins: [admin] }\n',
      '    auth: { type: native, admins: [admin] }\n    storage: { onDelete: snapshot }\n',
    ),
  );
  const resources = graph.desired.filter((node) => node.kind === 'volume');
  const plan = await planTeardown({ deployment: 'prod-green', resources, retry: TEST_RETRY });
  expect(plan.steps.map((step) => [step.id, step.action])).toEqual([['volume/example-simple', 'delete']]);
  graph.goLive();
  return applyPlan({
    plan,
    resources,
    flags: { allowReplace: false, deleteData: true, teardown: true },
    retry: TEST_RETRY,
    sleep: async () => undefined,
  });
}

describe('a volume with storage.onDelete: snapshot', () => {
  it('is deleted only after the provider reports its snapshot completed', async () => {
    const { session, log } = snapshotCloud({ pendingLooks: 2 });
    const { summary } = await downWithDeleteData(session);
    expect(summary.outcome).toBe('succeeded');
    expect(log).toEqual([
      'snapshot vol-1',
      'status snap-1 pending',
      'status snap-1 pending',
      'status snap-1 completed',
      'delete vol-1',
    ]);
  });

  it('takes one snapshot however often the step is retried', async () => {
    const { session, log } = snapshotCloud({ pendingLooks: 1 });
    const status = session.volumes.snapshotStatus?.bind(session.volumes);
    let failures = 2;
    session.volumes.snapshotStatus = async (id) => {
      if (failures-- > 0) throw new HubfleetError({ kind: 'throttled', message: 'slow down' });
      return status?.(id);
    };
    const { summary } = await downWithDeleteData(session);
    expect(summary.outcome).toBe('succeeded');
    expect(log.filter((entry) => entry.startsWith('snapshot'))).toEqual(['snapshot vol-1']);
    expect(log.at(-1)).toBe('delete vol-1');
  });

  it('waits for the snapshot an earlier (interrupted) run took instead of taking another', async () => {
    const { session, log } = snapshotCloud({
      pendingLooks: 1,
      earlier: { id: 'snap-earlier', status: 'pending' },
    });
    const { summary } = await downWithDeleteData(session);
    expect(summary.outcome).toBe('succeeded');
    expect(log).toEqual(['status snap-earlier pending', 'status snap-earlier completed', 'delete vol-1']);
  });

  it('keeps the volume when its snapshot fails, and says so', async () => {
    const { session, log } = snapshotCloud({ pendingLooks: 0 });
    session.volumes.snapshotStatus = async () => 'error';
    const { summary } = await downWithDeleteData(session);
    expect(summary.outcome).toBe('failed');
    expect(summary.failed[0]?.error.message).toBe(
      "snapshot snap-1 of hub example-simple's volume vol-1 failed, so the volume was not deleted",
    );
    expect(log).not.toContain('delete vol-1');
  });

  it('takes a new snapshot when an earlier run left a failed one', async () => {
    const { session, log } = snapshotCloud({ pendingLooks: 0, earlier: { id: 'snap-bad', status: 'error' } });
    const { summary } = await downWithDeleteData(session);
    expect(summary.outcome).toBe('succeeded');
    expect(log).toEqual(['snapshot vol-1', 'status snap-1 completed', 'delete vol-1']);
  });
});
