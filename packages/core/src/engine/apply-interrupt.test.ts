import { describe, expect, it } from 'vitest';
import { HubfleetError } from '../errors/index.js';
import { applyPlan } from './apply.js';
import type { EngineEvent } from './events.js';
import { planChanges, planTeardown } from './plan.js';
import { NO_SAFETY_FLAGS } from './safety.js';
import { InMemoryWorld } from './testing/in-memory-provider.js';
import { sampleDeployment, sampleDeploymentOptions } from './testing/sample-deployment.js';

type Boundary = { type: 'step-started' | 'step-finished'; id: string };

function isBoundary(event: EngineEvent): event is EngineEvent & Boundary {
  return event.type === 'step-started' || event.type === 'step-finished';
}

/** Apply the sample deployment's `up`, aborting right after the `interruptAt`-th step boundary. */
async function interruptedUp(world: InMemoryWorld, interruptAt: number) {
  const resources = sampleDeployment(world);
  const plan = await planChanges({ deployment: 'course', desired: resources });
  const controller = new AbortController();
  const events: EngineEvent[] = [];
  let boundaries = 0;
  const result = await applyPlan({
    plan,
    resources,
    signal: controller.signal,
    onEvent: (event) => {
      events.push(event);
      if (isBoundary(event) && ++boundaries === interruptAt) controller.abort();
    },
  });
  return { ...result, events };
}

async function upToTheEnd(world: InMemoryWorld) {
  const resources = sampleDeployment(world);
  const plan = await planChanges({ deployment: 'course', desired: resources });
  return applyPlan({ plan, resources });
}

const stepCount = sampleDeploymentOptions().length;

describe('interrupting up and running it again', () => {
  for (let interruptAt = 1; interruptAt < stepCount * 2; interruptAt++) {
    it(`converges after an interruption at step boundary ${interruptAt}, creating nothing twice`, async () => {
      const world = new InMemoryWorld();
      const first = await interruptedUp(world, interruptAt);

      expect(first.summary.outcome).toBe('interrupted');
      expect(first.summary.nextStep).toBe('re-run `hubfleet up` to continue');
      const leftOver = [...first.summary.interrupted, ...first.summary.notStarted];
      expect(leftOver.length).toBeGreaterThan(0);

      const second = await upToTheEnd(world);
      expect(second.summary.outcome).toBe('succeeded');
      expect([...second.summary.done, ...second.summary.unchanged].sort()).toEqual(
        sampleDeploymentOptions()
          .map((options) => options.id)
          .sort(),
      );

      const third = await planChanges({ deployment: 'course', desired: sampleDeployment(world) });
      expect(third.converged).toBe(true);
      for (const options of sampleDeploymentOptions()) {
        expect(world.callsOf('create', options.id)).toHaveLength(1);
      }
    });
  }
});

describe('an interruption', () => {
  it('starts nothing new, lets the running step stop at a safe point and summarises', async () => {
    const world = new InMemoryWorld();
    const resources = sampleDeployment(world, { 'cluster/main': { durationMs: 10_000 } });
    const plan = await planChanges({ deployment: 'course', desired: resources });
    const controller = new AbortController();
    const events: EngineEvent[] = [];
    const running = applyPlan({
      plan,
      resources,
      signal: controller.signal,
      onEvent: (event) => {
        events.push(event);
        if (event.type === 'step-started' && event.id === 'cluster/main')
          setTimeout(() => controller.abort(), 5);
      },
    });
    const { summary, timings } = await running;

    expect(summary.outcome).toBe('interrupted');
    expect(summary.done).toEqual(['network/main', 'volume/course-a']);
    expect(summary.interrupted).toEqual(['cluster/main']);
    expect(summary.notStarted).toEqual([
      'nodegroup/core',
      'nodegroup/users',
      'tool/ingress-nginx',
      'tool/cert-manager',
      'storage-server/course-a',
      'hub/course-a',
    ]);
    expect(world.get('cluster/main')?.status).toBe('creating');
    expect(events).toContainEqual(
      expect.objectContaining({ type: 'step-finished', id: 'cluster/main', outcome: 'interrupted' }),
    );
    expect(events).toContainEqual(
      expect.objectContaining({ type: 'step-skipped', id: 'hub/course-a', reason: 'interrupted' }),
    );
    expect(timings.steps.find((step) => step.id === 'hub/course-a')).toMatchObject({
      start: null,
      end: null,
      outcome: 'not-started',
    });
  });

  it('before the run starts nothing at all', async () => {
    const world = new InMemoryWorld();
    const resources = sampleDeployment(world);
    const plan = await planChanges({ deployment: 'course', desired: resources });
    const { summary } = await applyPlan({ plan, resources, signal: AbortSignal.abort() });
    expect(summary.outcome).toBe('interrupted');
    expect(summary.notStarted).toHaveLength(stepCount);
    expect(world.calls.filter((call) => call.operation !== 'observe')).toEqual([]);
  });

  it('ends a retry wait at once', async () => {
    const world = new InMemoryWorld();
    const throttled = () => new HubfleetError({ kind: 'throttled', message: 'Rate exceeded' });
    const resources = sampleDeployment(world, {
      'network/main': { failures: [{ during: 'apply', times: 1, error: throttled }] },
    });
    const plan = await planChanges({ deployment: 'course', desired: resources });
    const controller = new AbortController();
    const { summary } = await applyPlan({
      plan,
      resources,
      signal: controller.signal,
      retry: { maxAttempts: 3, baseDelayMs: 3_600_000, maxDelayMs: 3_600_000 },
      random: () => 0.99,
      onEvent: (event) => {
        if (event.type === 'step-retry') controller.abort();
      },
    });
    expect(summary.interrupted).toContain('network/main');
    expect(world.callsOf('create', 'network/main')).toEqual([]);
  });
});

describe('interrupting down and running it again', () => {
  for (let interruptAt = 1; interruptAt < (stepCount - 1) * 2; interruptAt++) {
    it(`deletes everything but the retained volume after an interruption at boundary ${interruptAt}`, async () => {
      const world = new InMemoryWorld();
      for (const options of sampleDeploymentOptions()) world.seed(options.id, options.spec ?? {});
      const flags = { ...NO_SAFETY_FLAGS, teardown: true };
      const controller = new AbortController();
      let boundaries = 0;
      const resources = sampleDeployment(world);
      const plan = await planTeardown({ deployment: 'course', resources });
      const first = await applyPlan({
        plan,
        resources,
        flags,
        signal: controller.signal,
        onEvent: (event) => {
          if (isBoundary(event) && ++boundaries === interruptAt) controller.abort();
        },
      });
      expect(first.summary.outcome).toBe('interrupted');
      expect(first.summary.nextStep).toBe('re-run `hubfleet down` to continue');

      const again = sampleDeployment(world);
      const second = await applyPlan({
        plan: await planTeardown({ deployment: 'course', resources: again }),
        resources: again,
        flags,
      });
      expect(second.summary.outcome).toBe('succeeded');
      expect(world.existing()).toEqual(['volume/course-a']);
      for (const options of sampleDeploymentOptions()) {
        expect(world.callsOf('delete', options.id).length).toBeLessThanOrEqual(1);
      }
    });
  }
});
