import { describe, expect, it } from 'vitest';
import { HubfleetError } from '../errors/index.js';
import { backoffDelayMs, isRetryable, sleepOnTimers, withRetries } from './retry.js';

const policy = { maxAttempts: 5, baseDelayMs: 100, maxDelayMs: 500 };

describe('backoffDelayMs', () => {
  it('doubles the ceiling each retry up to the cap, with full jitter below it', () => {
    const ceilings = [1, 2, 3, 4, 5].map((retry) => backoffDelayMs(retry, policy, () => 0.999999));
    expect(ceilings).toEqual([99, 199, 399, 499, 499]);
    expect(backoffDelayMs(3, policy, () => 0)).toBe(0);
    expect(backoffDelayMs(3, policy, () => 0.5)).toBe(200);
  });
});

describe('isRetryable', () => {
  it('follows the error: HubfleetError kinds, or a retryable flag on any error', () => {
    expect(isRetryable(new HubfleetError({ kind: 'throttled', message: 'slow down' }))).toBe(true);
    expect(isRetryable(new HubfleetError({ kind: 'quota', message: 'limit' }))).toBe(false);
    expect(isRetryable(new HubfleetError({ kind: 'conflict', message: 'busy', retryable: true }))).toBe(true);
    expect(isRetryable(Object.assign(new Error('socket hang up'), { retryable: true }))).toBe(true);
    expect(isRetryable(new Error('boom'))).toBe(false);
    expect(isRetryable('boom')).toBe(false);
  });
});

describe('withRetries', () => {
  it('retries retryable errors until the attempts run out, then rethrows the last', async () => {
    const delays: number[] = [];
    let calls = 0;
    const run = withRetries(
      async () => {
        calls += 1;
        throw new HubfleetError({ kind: 'unavailable', message: `503 number ${calls}` });
      },
      { policy, random: () => 0.5, sleep: async (ms) => void delays.push(ms) },
    );
    await expect(run).rejects.toThrow('503 number 5');
    expect(calls).toBe(5);
    expect(delays).toEqual([50, 100, 200, 250]);
  });

  it('does not retry once the run is interrupted', async () => {
    const controller = new AbortController();
    let calls = 0;
    const run = withRetries(
      async () => {
        calls += 1;
        controller.abort();
        throw new HubfleetError({ kind: 'throttled', message: 'slow down' });
      },
      { policy, random: () => 0.5, sleep: sleepOnTimers, signal: controller.signal },
    );
    await expect(run).rejects.toThrow('slow down');
    expect(calls).toBe(1);
  });
});

describe('sleepOnTimers', () => {
  it('rejects with an interrupted error when aborted', async () => {
    const controller = new AbortController();
    const sleeping = sleepOnTimers(60_000, controller.signal);
    controller.abort();
    await expect(sleeping).rejects.toMatchObject({ kind: 'interrupted' });
  });
});
