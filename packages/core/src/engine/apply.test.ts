import { describe, expect, it } from 'vitest';
import { HubfleetError } from '../errors/index.js';
import { applyPlan } from './apply.js';
import { formatApplySummary } from './apply-summary.js';
import type { EngineEvent } from './events.js';
import { planChanges } from './plan.js';
import { InMemoryWorld } from './testing/in-memory-provider.js';
import { sampleDeployment, sampleDeploymentOptions } from './testing/sample-deployment.js';

const quota = () =>
  new HubfleetError({
    kind: 'quota',
    message: 'You have reached the limit of 5 VPCs in us-east-1.',
    hint: 'Delete an unused VPC or ask AWS for a higher limit.',
  });

async function planAndApply(
  world: InMemoryWorld,
  options: { parallelism?: number; overrides?: Parameters<typeof sampleDeployment>[1] } = {},
) {
  const resources = sampleDeployment(world, options.overrides);
  const plan = await planChanges({ deployment: 'course', desired: resources });
  const events: EngineEvent[] = [];
  const result = await applyPlan({
    plan,
    resources,
    onEvent: (event) => events.push(event),
    sleep: async () => {},
    ...(options.parallelism === undefined ? {} : { parallelism: options.parallelism }),
  });
  return { plan, resources, events, ...result };
}

describe('applyPlan', () => {
  it('creates every resource once, each after the resources it depends on are ready', async () => {
    const world = new InMemoryWorld();
    const { summary, plan } = await planAndApply(world);

    expect(summary.outcome).toBe('succeeded');
    expect(summary.done).toHaveLength(plan.steps.length);
    expect(summary.nextStep).toBeUndefined();
    const readyAt = new Map(world.callsOf('ready').map((call) => [call.id, call.sequence]));
    for (const options of sampleDeploymentOptions()) {
      const created = world.callsOf('create', options.id);
      expect(created).toHaveLength(1);
      for (const dependency of options.dependsOn ?? []) {
        expect(readyAt.get(dependency)).toBeLessThan(created[0]?.sequence ?? 0);
      }
    }
    expect(world.existing()).toHaveLength(plan.steps.length);
  });

  it('runs independent steps at the same time', async () => {
    const world = new InMemoryWorld();
    await planAndApply(world, {
      overrides: { 'nodegroup/core': { durationMs: 30 }, 'nodegroup/users': { durationMs: 30 } },
    });
    const coreCreated = world.callsOf('create', 'nodegroup/core')[0]?.sequence ?? 0;
    const usersCreated = world.callsOf('create', 'nodegroup/users')[0]?.sequence ?? 0;
    const coreReady = world.callsOf('ready', 'nodegroup/core')[0]?.sequence ?? 0;
    expect(usersCreated).toBeLessThan(coreReady);
    expect(coreCreated).toBeGreaterThan(0);
  });

  it('never has more steps in progress than the parallelism allows', async () => {
    const world = new InMemoryWorld();
    await planAndApply(world, { parallelism: 1 });
    expect(world.maxConcurrentSteps).toBe(1);
  });

  it('stops the dependents of a failed step, finishes independent branches and says what to do', async () => {
    const world = new InMemoryWorld();
    const { summary, events } = await planAndApply(world, {
      overrides: { 'nodegroup/users': { failures: [{ during: 'apply', times: 1, error: quota }] } },
    });

    expect(summary.outcome).toBe('failed');
    expect(summary.failed).toEqual([
      {
        id: 'nodegroup/users',
        error: {
          kind: 'quota',
          message: 'You have reached the limit of 5 VPCs in us-east-1.',
          hint: 'Delete an unused VPC or ask AWS for a higher limit.',
        },
      },
    ]);
    expect(summary.notStarted).toEqual(['hub/course-a']);
    expect(summary.done).toEqual(
      expect.arrayContaining([
        'nodegroup/core',
        'tool/ingress-nginx',
        'tool/cert-manager',
        'storage-server/course-a',
      ]),
    );
    expect(world.callsOf('create', 'hub/course-a')).toEqual([]);
    expect(summary.nextStep).toBe('re-run `hubfleet up` to continue');
    expect(events).toContainEqual(
      expect.objectContaining({
        type: 'step-skipped',
        id: 'hub/course-a',
        reason: 'dependency-failed',
        blockedBy: 'nodegroup/users',
      }),
    );
    expect(events).toContainEqual(
      expect.objectContaining({
        type: 'step-failed',
        id: 'nodegroup/users',
        hint: 'Delete an unused VPC or ask AWS for a higher limit.',
      }),
    );

    const text = formatApplySummary(summary);
    expect(text).toContain('hubfleet up stopped after a failure for course.');
    expect(text).toContain('  nodegroup/users: You have reached the limit of 5 VPCs in us-east-1.');
    expect(text).toContain('    hint: Delete an unused VPC or ask AWS for a higher limit.');
    expect(text).toContain('Not started (1): hub/course-a');
    expect(text).toContain('Next: re-run `hubfleet up` to continue.');
  });

  it('reports every step in order through events', async () => {
    const world = new InMemoryWorld();
    const { events, plan } = await planAndApply(world);

    expect(events[0]).toMatchObject({ type: 'plan-started', deployment: 'course', parallelism: 32 });
    expect(events.at(-1)).toMatchObject({ type: 'apply-finished', summary: { outcome: 'succeeded' } });
    for (const step of plan.steps) {
      const started = events.findIndex((event) => event.type === 'step-started' && event.id === step.id);
      const finished = events.findIndex((event) => event.type === 'step-finished' && event.id === step.id);
      expect(started).toBeGreaterThan(0);
      expect(finished).toBeGreaterThan(started);
      for (const dependency of step.dependsOn) {
        const dependencyFinished = events.findIndex(
          (event) => event.type === 'step-finished' && event.id === dependency,
        );
        expect(dependencyFinished).toBeLessThan(started);
      }
    }
    expect(events).toContainEqual(
      expect.objectContaining({ type: 'step-started', id: 'cluster/main', waitingOn: 'cluster to be ready' }),
    );
    expect(JSON.parse(JSON.stringify(events))).toEqual(events);
  });

  it('writes one timings entry per step, with the steps it waited for', async () => {
    const world = new InMemoryWorld();
    const before = Date.now();
    const { timings, plan } = await planAndApply(world);
    expect(timings.steps.map((step) => step.id)).toEqual(plan.steps.map((step) => step.id));
    for (const entry of timings.steps) {
      expect(entry.start).toBeGreaterThanOrEqual(before);
      expect(entry.end).toBeGreaterThanOrEqual(entry.start ?? Number.POSITIVE_INFINITY);
      expect(entry).toMatchObject({ attempts: 1, outcome: 'done' });
    }
    expect(timings.steps.find((entry) => entry.id === 'hub/course-a')?.dependsOn).toEqual([
      'storage-server/course-a',
      'tool/ingress-nginx',
      'tool/cert-manager',
      'nodegroup/users',
    ]);
  });

  it('skips planned no-ops without touching the cloud', async () => {
    const world = new InMemoryWorld();
    for (const options of sampleDeploymentOptions()) world.seed(options.id, options.spec ?? {});
    world.seed('tool/cert-manager', { chartVersion: '1.15.0' });
    const { summary, events, timings } = await planAndApply(world);

    expect(summary.done).toEqual(['tool/cert-manager']);
    expect(summary.unchanged).toHaveLength(8);
    expect(world.callsOf('update')).toEqual([expect.objectContaining({ id: 'tool/cert-manager' })]);
    expect(events.filter((event) => event.type === 'step-started')).toHaveLength(1);
    expect(timings.steps.find((entry) => entry.id === 'cluster/main')).toMatchObject({
      outcome: 'unchanged',
      attempts: 0,
    });
  });

  it('fails a step that takes longer than its timeout, with a hint', async () => {
    const world = new InMemoryWorld();
    const { summary } = await planAndApply(world, {
      overrides: {
        'tool/cert-manager': { timeoutMs: 20, failures: [{ during: 'wait', times: 1, hang: true }] },
      },
    });
    expect(summary.failed).toEqual([
      {
        id: 'tool/cert-manager',
        error: expect.objectContaining({
          kind: 'timeout',
          message: 'tool/cert-manager did not finish within 20ms.',
        }),
      },
    ]);
    expect(summary.failed[0]?.error.hint).toMatch(/still be working on the tool/);
    expect(summary.notStarted).toEqual(['hub/course-a']);
  });

  it('refuses a parallelism that is not a whole number of at least 1', async () => {
    const world = new InMemoryWorld();
    const resources = sampleDeployment(world);
    const plan = await planChanges({ deployment: 'course', desired: resources });
    await expect(applyPlan({ plan, resources, parallelism: 0 })).rejects.toMatchObject({
      kind: 'invalid-config',
    });
    await expect(applyPlan({ plan, resources: [] })).rejects.toMatchObject({ kind: 'internal' });
    expect(world.calls.filter((call) => call.operation !== 'observe')).toEqual([]);
  });

  it('keeps going when a progress listener throws', async () => {
    const world = new InMemoryWorld();
    const resources = sampleDeployment(world);
    const plan = await planChanges({ deployment: 'course', desired: resources });
    const { summary } = await applyPlan({
      plan,
      resources,
      onEvent: () => {
        throw new Error('renderer bug');
      },
    });
    expect(summary.outcome).toBe('succeeded');
  });
});
