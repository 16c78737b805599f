import { describe, expect, it } from 'vitest';
import { applyPlan } from '../engine/apply.js';
import { formatPlan } from '../engine/format-plan.js';
import { planTeardown } from '../engine/plan.js';
import { dataOnDelete } from '../provider/v1/data-on-delete.js';
import type { ProviderResourceV1, ResourceDataV1 } from '../provider/v1/resources.js';
import { emptyCloud, stubGraph, TEST_RETRY } from './testing/stub-cloud.js';

const quick = { retry: TEST_RETRY, sleep: async () => undefined };
const DOWN = { allowReplace: false, deleteData: false, teardown: true };
const DOWN_DELETING = { ...DOWN, deleteData: true };

/** A bucket that exists until deleted, holding backups, with the given `onDelete`. */
function bucket(
  data: Pick<ResourceDataV1, 'onDelete' | 'keptBecause'>,
  log: string[],
): ProviderResourceV1<true> {
  let exists = true;
  return {
    name: 'backups',
    kind: 'bucket',
    observe: async () => (exists ? true : undefined),
    diff: (observed) =>
      observed === undefined ? { action: 'create', reason: 'missing' } : { action: 'noop', reason: 'exists' },
    holdsData: () => ({ what: "bucket backups with velero's backups", ...data }),
    apply: async (action) => {
      log.push(action);
      if (action === 'delete') exists = false;
    },
  };
}

async function teardown(resource: ProviderResourceV1<true>, deleteData: boolean) {
  const session = emptyCloud();
  session.resources = () => [resource];
  const graph = stubGraph(session);
  const resources = (await graph.teardown()).filter((node) => node.kind === 'bucket');
  const plan = await planTeardown({ deployment: 'prod-green', resources, deleteData, ...quick });
  graph.goLive();
  return { plan, resources, graph };
}

describe('provider resources that hold data (holdsData)', () => {
  it('plain down keeps one whose onDelete is delete: a retained no-op in the plan, never asked to delete', async () => {
    const log: string[] = [];
    const { plan, resources } = await teardown(bucket({ onDelete: 'delete' }, log), false);
    const step = plan.steps.find((candidate) => candidate.id === 'bucket/backups');
    expect(step).toMatchObject({
      action: 'noop',
      retained: true,
      keeps: "bucket backups with velero's backups stays without --delete-data",
      reason: "retained: bucket backups with velero's backups stays without --delete-data",
    });
    expect(step?.destructive).toBeUndefined();
    expect(plan.counts).toMatchObject({ delete: 0, retained: 1 });
    expect(formatPlan(plan)).toContain('Retained: bucket/backups.');
    const run = await applyPlan({ plan, resources, flags: DOWN, ...quick });
    expect(run.summary.outcome).toBe('succeeded');
    expect(log).toEqual([]);
  });

  it('down --delete-data deletes it when onDelete is delete, as a destructive step needing the flag', async () => {
    const log: string[] = [];
    const { plan, resources } = await teardown(bucket({ onDelete: 'delete' }, log), true);
    const step = plan.steps.find((candidate) => candidate.id === 'bucket/backups');
    expect(step).toMatchObject({
      action: 'delete',
      destructive: { what: "deletes bucket backups with velero's backups", requires: ['deleteData'] },
    });
    expect(step?.retained).toBeUndefined();
    expect(formatPlan(plan)).toContain(
      "! deletes bucket backups with velero's backups (needs --delete-data)",
    );
    // A plan made for --delete-data is refused by a run without it, before anything is asked.
    await expect(applyPlan({ plan, resources, flags: DOWN, ...quick })).rejects.toThrow(/--delete-data/);
    expect(log).toEqual([]);
    const run = await applyPlan({ plan, resources, flags: DOWN_DELETING, ...quick });
    expect(run.summary.outcome).toBe('succeeded');
    expect(log).toEqual(['delete']);
  });

  it('--delete-data still keeps one whose onDelete is retain, saying why', async () => {
    const log: string[] = [];
    const kept = bucket({ onDelete: 'retain', keptBecause: 'reserved outside hubfleet (adopted)' }, log);
    const { plan, resources } = await teardown(kept, true);
    expect(plan.steps.find((candidate) => candidate.id === 'bucket/backups')).toMatchObject({
      action: 'noop',
      retained: true,
      keeps: "reserved outside hubfleet (adopted), so bucket backups with velero's backups stays",
    });
    expect((await applyPlan({ plan, resources, flags: DOWN_DELETING, ...quick })).summary.outcome).toBe(
      'succeeded',
    );
    expect(log).toEqual([]);
  });
});

describe('dataOnDelete(config)', () => {
  const hub = (name: string, onDelete: 'retain' | 'snapshot' | 'delete') => ({
    name,
    storage: { onDelete } as never,
  });

  it('is delete only when every hub says storage.onDelete: delete', () => {
    expect(dataOnDelete({ hubs: [hub('a', 'delete'), hub('b', 'delete')] })).toEqual({ onDelete: 'delete' });
    expect(dataOnDelete({ hubs: [hub('a', 'delete'), hub('b', 'snapshot')] })).toEqual({
      onDelete: 'retain',
      keptBecause: 'not every hub has storage.onDelete: delete (hub b (snapshot))',
    });
  });
});
