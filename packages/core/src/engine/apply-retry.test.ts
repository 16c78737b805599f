import { describe, expect, it } from 'vitest';
import { HubfleetError } from '../errors/index.js';
import { applyPlan } from './apply.js';
import type { EngineEvent, StepRetryEvent } from './events.js';
import { planChanges } from './plan.js';
import { InMemoryWorld } from './testing/in-memory-provider.js';
import { type SampleOverrides, sampleDeployment } from './testing/sample-deployment.js';

const throttled = () =>
  new HubfleetError({
    kind: 'throttled',
    message: 'Rate exceeded',
    hint: 'hubfleet retries this by itself.',
  });

async function applyWithRetries(overrides: SampleOverrides) {
  const world = new InMemoryWorld();
  const resources = sampleDeployment(world, overrides);
  const plan = await planChanges({ deployment: 'course', desired: resources });
  const events: EngineEvent[] = [];
  const sleeps: number[] = [];
  const result = await applyPlan({
    plan,
    resources,
    retry: { maxAttempts: 4, baseDelayMs: 1_000, maxDelayMs: 3_000 },
    random: () => 0.75,
    sleep: async (ms) => void sleeps.push(ms),
    onEvent: (event) => events.push(event),
  });
  const retries = events.filter((event): event is StepRetryEvent => event.type === 'step-retry');
  return { world, events, sleeps, retries, ...result };
}

describe('retries', () => {
  it('retries a retryable error with backoff and jitter, then succeeds', async () => {
    const { world, sleeps, retries, summary, timings } = await applyWithRetries({
      'cluster/main': { failures: [{ during: 'apply', times: 3, error: throttled }] },
    });
    expect(summary.outcome).toBe('succeeded');
    expect(sleeps).toEqual([750, 1500, 2250]);
    expect(retries.map(({ attempt, delayMs, error }) => ({ attempt, delayMs, kind: error.kind }))).toEqual([
      { attempt: 2, delayMs: 750, kind: 'throttled' },
      { attempt: 3, delayMs: 1500, kind: 'throttled' },
      { attempt: 4, delayMs: 2250, kind: 'throttled' },
    ]);
    expect(world.callsOf('create', 'cluster/main')).toHaveLength(1);
    expect(timings.steps.find((step) => step.id === 'cluster/main')).toMatchObject({
      attempts: 4,
      outcome: 'done',
    });
  });

  it('retries errors marked retryable that are not HubfleetErrors, and errors while waiting', async () => {
    const flaky = () => Object.assign(new Error('socket hang up'), { retryable: true });
    const { summary, retries, world } = await applyWithRetries({
      'tool/ingress-nginx': { durationMs: 100, failures: [{ during: 'wait', times: 2, error: flaky }] },
    });
    expect(summary.outcome).toBe('succeeded');
    expect(retries.map((retry) => retry.id)).toEqual(['tool/ingress-nginx', 'tool/ingress-nginx']);
    expect(world.callsOf('create', 'tool/ingress-nginx')).toHaveLength(1);
  });

  it('gives up after the last attempt and reports the error with its hint', async () => {
    const { summary, sleeps } = await applyWithRetries({
      'nodegroup/core': { failures: [{ during: 'apply', times: 10, error: throttled }] },
    });
    expect(sleeps).toHaveLength(3);
    expect(summary.failed).toEqual([
      {
        id: 'nodegroup/core',
        error: { kind: 'throttled', message: 'Rate exceeded', hint: 'hubfleet retries this by itself.' },
      },
    ]);
    expect(summary.notStarted).toEqual([
      'tool/ingress-nginx',
      'tool/cert-manager',
      'storage-server/course-a',
      'hub/course-a',
    ]);
    expect(summary.done).toContain('nodegroup/users');
  });

  it('does not retry an error that is not retryable', async () => {
    const invalid = () =>
      new HubfleetError({ kind: 'permission', message: 'not authorised to eks:CreateCluster' });
    const { summary, retries } = await applyWithRetries({
      'cluster/main': { failures: [{ during: 'apply', times: 1, error: invalid }] },
    });
    expect(retries).toEqual([]);
    expect(summary.failed.map((failed) => failed.id)).toEqual(['cluster/main']);
    expect(summary.done).toEqual(['network/main', 'volume/course-a']);
  });

  it('reports an unexpected error as internal', async () => {
    const { summary } = await applyWithRetries({
      'network/main': {
        failures: [{ during: 'apply', times: 1, error: () => new TypeError('x is undefined') }],
      },
    });
    expect(summary.failed).toEqual([
      { id: 'network/main', error: expect.objectContaining({ kind: 'internal', message: 'x is undefined' }) },
    ]);
  });
});
