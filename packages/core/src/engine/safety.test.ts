import { describe, expect, it } from 'vitest';
import { exitCodeFor, HubfleetError } from '../errors/index.js';
import { applyPlan } from './apply.js';
import { exitCodeOfRun } from './apply-summary.js';
import { planChanges, planTeardown } from './plan.js';
import type { Plan } from './plan-types.js';
import { destructiveNote, findRefusals, NO_SAFETY_FLAGS, type SafetyFlags } from './safety.js';
import { InMemoryWorld } from './testing/in-memory-provider.js';
import { sampleDeployment, sampleDeploymentOptions } from './testing/sample-deployment.js';

const flags = (given: Partial<SafetyFlags>): SafetyFlags => ({ ...NO_SAFETY_FLAGS, ...given });

function seedAll(world: InMemoryWorld): void {
  for (const options of sampleDeploymentOptions()) world.seed(options.id, options.spec ?? {});
}

async function refusalOf(run: Promise<unknown>): Promise<HubfleetError> {
  const error = await run.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  if (!HubfleetError.is(error)) throw new Error(`expected a HubfleetError, got ${String(error)}`);
  return error;
}

function changesMade(world: InMemoryWorld): string[] {
  return world.calls
    .filter((call) => call.operation !== 'observe')
    .map((call) => `${call.operation} ${call.id}`);
}

describe('destructiveNote', () => {
  it('marks cluster, busy nodegroup and data volume deletions and replacements, and nothing else', () => {
    expect(destructiveNote('replace', { cluster: true }, 'up')?.requires).toEqual(['allowReplace']);
    expect(destructiveNote('delete', { cluster: true }, 'down')?.requires).toEqual(['teardown']);
    expect(destructiveNote('replace', { userPods: 2 }, 'up')?.what).toMatch(/2 user pods/);
    expect(destructiveNote('delete', { userPods: 1 }, 'up')?.requires).toEqual(['allowReplace']);
    expect(destructiveNote('replace', { userPods: 0 }, 'up')).toBeUndefined();
    expect(destructiveNote('update', { cluster: true }, 'up')).toBeUndefined();
    expect(destructiveNote('delete', {}, 'up')).toBeUndefined();
    expect(destructiveNote('delete', { dataVolume: { hub: 'a', onDelete: 'snapshot' } }, 'down')).toEqual({
      what: "deletes hub a's data volume after taking a snapshot of it",
      requires: ['deleteData'],
    });
    expect(
      destructiveNote('replace', { dataVolume: { hub: 'a', onDelete: 'retain' } }, 'up')?.blockedBy,
    ).toMatch(/onDelete: retain/);
  });
});

describe('the safety gate', () => {
  it('refuses to replace the cluster without --allow-replace, before anything runs, with exit code 3', async () => {
    const world = new InMemoryWorld();
    seedAll(world);
    world.seed('cluster/main', { version: '1.31', region: 'us-east-1' });
    const resources = sampleDeployment(world, {
      'nodegroup/core': { spec: { instanceType: 't3.large', max: 9 } },
    });
    const plan = await planChanges({ deployment: 'course', desired: resources });

    const error = await refusalOf(applyPlan({ plan, resources }));
    expect(error.kind).toBe('refused');
    expect(exitCodeFor(error)).toBe(3);
    expect(error.message).toContain('cluster/main replaces the cluster');
    expect(error.hint).toContain('--allow-replace');
    expect(changesMade(world)).toEqual([]);

    const allowed = await applyPlan({ plan, resources, flags: flags({ allowReplace: true }) });
    expect(allowed.summary.outcome).toBe('succeeded');
    expect(world.callsOf('create', 'cluster/main')).toHaveLength(1);
  });

  it('refuses to replace a nodegroup with user pods, but not an empty one', async () => {
    const world = new InMemoryWorld();
    seedAll(world);
    world.seed('nodegroup/users', { instanceType: 't3.medium', max: 10 }, { userPods: 4 });
    world.seed('nodegroup/core', { instanceType: 't3.medium', max: 3 });
    const resources = sampleDeployment(world);
    const plan = await planChanges({ deployment: 'course', desired: resources });

    expect(findRefusals(plan.steps, NO_SAFETY_FLAGS)).toEqual([
      {
        stepId: 'nodegroup/users',
        what: 'replaces a nodegroup with 4 user pods running: their sessions end',
        missing: ['allowReplace'],
      },
    ]);
    const error = await refusalOf(applyPlan({ plan, resources }));
    expect(error.hint).toBe('If you mean it, run the command again with --allow-replace.');
    expect(changesMade(world)).toEqual([]);
  });

  it('re-checks at run time when the world changed after the plan', async () => {
    const world = new InMemoryWorld();
    seedAll(world);
    world.seed('nodegroup/users', { instanceType: 't3.medium', max: 10 });
    const resources = sampleDeployment(world);
    const plan = await planChanges({ deployment: 'course', desired: resources });
    expect(findRefusals(plan.steps, NO_SAFETY_FLAGS)).toEqual([]);
    world.setUserPods('nodegroup/users', 2);

    const { summary } = await applyPlan({ plan, resources });
    expect(summary.outcome).toBe('failed');
    expect(summary.failed).toEqual([
      {
        id: 'nodegroup/users',
        error: expect.objectContaining({ kind: 'refused', hint: expect.stringContaining('--allow-replace') }),
      },
    ]);
    expect(world.callsOf('delete', 'nodegroup/users')).toEqual([]);
    expect(summary.notStarted).toEqual([]);
    expect(exitCodeOfRun(summary)).toBe(3);
  });

  it('a run that failed for any other reason exits 1, one that succeeded 0', async () => {
    const world = new InMemoryWorld();
    const failing = sampleDeployment(world, {
      'tool/ingress-nginx': {
        failures: [
          { during: 'apply', times: 1, error: () => new HubfleetError({ kind: 'quota', message: 'limit' }) },
        ],
      },
    });
    const plan = await planChanges({ deployment: 'course', desired: failing });
    const failed = await applyPlan({ plan, resources: failing });
    expect(failed.summary.outcome).toBe('failed');
    expect(exitCodeOfRun(failed.summary)).toBe(1);
    const again = await planChanges({ deployment: 'course', desired: failing });
    const done = await applyPlan({ plan: again, resources: failing });
    expect(exitCodeOfRun(done.summary)).toBe(0);
  });

  it('never deletes a volume whose hub says onDelete: retain, even with --delete-data', async () => {
    const world = new InMemoryWorld();
    seedAll(world);
    const resources = sampleDeployment(world);
    const plan = await planTeardown({ deployment: 'course', resources });
    const { summary } = await applyPlan({
      plan,
      resources,
      flags: flags({ teardown: true, deleteData: true }),
    });

    expect(summary.outcome).toBe('succeeded');
    expect(world.existing()).toEqual(['volume/course-a']);
    expect(summary.unchanged).toContain('volume/course-a');
  });

  it('deletes a volume with onDelete: delete only with --delete-data', async () => {
    const world = new InMemoryWorld();
    seedAll(world);
    const onDeleteDelete = {
      'volume/course-a': { safety: { dataVolume: { hub: 'course-a', onDelete: 'delete' as const } } },
    };
    const resources = sampleDeployment(world, onDeleteDelete);
    const plan = await planTeardown({ deployment: 'course', resources });

    const error = await refusalOf(applyPlan({ plan, resources, flags: flags({ teardown: true }) }));
    expect(error.kind).toBe('refused');
    expect(error.message).toContain(
      "volume/course-a deletes hub course-a's data volume and all the data on it",
    );
    expect(error.hint).toContain('--delete-data');
    expect(changesMade(world)).toEqual([]);

    const done = await applyPlan({ plan, resources, flags: flags({ teardown: true, deleteData: true }) });
    expect(done.summary.outcome).toBe('succeeded');
    expect(world.existing()).toEqual([]);
  });

  it('takes confirmation to delete the cluster in down, and names every refused step', async () => {
    const world = new InMemoryWorld();
    seedAll(world);
    world.setUserPods('nodegroup/users', 3);
    const resources = sampleDeployment(world, {
      'volume/course-a': { safety: { dataVolume: { hub: 'course-a', onDelete: 'snapshot' } } },
    });
    const plan: Plan = await planTeardown({ deployment: 'course', resources });

    expect(
      findRefusals(plan.steps, NO_SAFETY_FLAGS).map((refusal) => [refusal.stepId, refusal.missing]),
    ).toEqual([
      ['nodegroup/users', ['teardown']],
      ['cluster/main', ['teardown']],
      ['volume/course-a', ['deleteData']],
    ]);
    const error = await refusalOf(applyPlan({ plan, resources, flags: flags({ deleteData: true }) }));
    expect(error.message).toMatch(/^Refused 2 destructive steps: /);
    expect(error.hint).toContain('type the deployment name, or pass --yes');
  });

  it('refuses to replace a retained volume whatever the flags, saying what to change', async () => {
    const world = new InMemoryWorld();
    seedAll(world);
    world.seed('volume/course-a', { sizeGiB: 50 });
    const resources = sampleDeployment(world);
    const plan = await planChanges({ deployment: 'course', desired: resources });
    const error = await refusalOf(
      applyPlan({ plan, resources, flags: { allowReplace: true, deleteData: true, teardown: true } }),
    );
    expect(error.hint).toContain('set onDelete to snapshot or delete first');
    expect(changesMade(world)).toEqual([]);
  });
});
