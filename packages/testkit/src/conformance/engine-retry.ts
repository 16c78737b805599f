import type { RetryPolicy } from '@hubfleet/core';
import { backoffDelayMs, isRetryable, sleepOnTimers } from '@hubfleet/core/engine';

/** The engine's policy, with delays shrunk to a few milliseconds: the suite counts attempts, not time. */
const CONFORMANCE_RETRY_POLICY: RetryPolicy = { maxAttempts: 6, baseDelayMs: 2, maxDelayMs: 8 };

const HALF_JITTER = () => 0.5;

/**
 * Runs `work` the way the engine runs a step: a retryable error (by `isRetryable`) is tried again
 * with backoff, anything else is thrown. Every error seen is pushed to `seen`, for the caller to judge.
 */
export async function retryLikeTheEngine<Result>(
  work: () => Promise<Result>,
  seen: unknown[],
): Promise<Result> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      seen.push(error);
      if (!isRetryable(error) || attempt >= CONFORMANCE_RETRY_POLICY.maxAttempts) throw error;
      await sleepOnTimers(backoffDelayMs(attempt, CONFORMANCE_RETRY_POLICY, HALF_JITTER));
    }
  }
}
