import { HubfleetError } from '../errors/index.js';

/** How often and how patiently a failing step is tried again. */
export interface RetryPolicy {
  /** Tries in all, the first included. @default 6 */
  maxAttempts: number;
  /** The ceiling of the first delay; each retry doubles it. @default 2000 */
  baseDelayMs: number;
  /** No delay is ever longer than this. @default 60000 */
  maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxAttempts: 6, baseDelayMs: 2_000, maxDelayMs: 60_000 };

/** Waits `ms`, or rejects with an `interrupted` error as soon as `signal` aborts. */
export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

/** A number in [0, 1), like `Math.random`. */
export type RandomSource = () => number;

/** The error a wait throws when the run is interrupted. */
export function interruptedError(subject?: string): HubfleetError {
  return new HubfleetError({
    kind: 'interrupted',
    message: 'Interrupted before this finished.',
    hint: 'Nothing is lost: re-run the command to continue from where it stopped.',
    ...(subject === undefined ? {} : { subject }),
  });
}

/** `Sleep` on Node's timers. */
export const sleepOnTimers: Sleep = (ms, signal) =>
  new Promise<void>((resolve, reject) => {
    if (signal?.aborted === true) {
      reject(interruptedError());
      return;
    }
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(interruptedError());
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });

/**
 * Whether trying again can help: a `HubfleetError` says so itself (throttling, 5xx and eventual
 * consistency are retryable), and any other error may carry `retryable: true`.
 */
export function isRetryable(error: unknown): boolean {
  if (HubfleetError.is(error)) return error.retryable;
  return typeof error === 'object' && error !== null && 'retryable' in error && error.retryable === true;
}

/**
 * The delay before retry number `retry` (1 for the first retry): exponential backoff with full
 * jitter, `random() × min(maxDelayMs, baseDelayMs × 2^(retry-1))`, so many clients throttled at once
 * do not come back at once.
 */
export function backoffDelayMs(retry: number, policy: RetryPolicy, random: RandomSource): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (retry - 1));
  return Math.floor(random() * ceiling);
}

/** What `withRetries` needs besides the work. */
export interface RetryRuntime {
  policy: RetryPolicy;
  sleep: Sleep;
  random: RandomSource;
  /** No retry starts once this aborts. */
  signal?: AbortSignal;
  /** Called before each wait, e.g. to tell the user. */
  onRetry?: (retry: { attempt: number; delayMs: number; error: unknown }) => void;
}

/**
 * Run `work` until it succeeds, the error is not retryable, the attempts run out or the run is
 * interrupted; then rethrow the last error.
 */
export async function withRetries<Result>(
  work: (attempt: number) => Promise<Result>,
  runtime: RetryRuntime,
): Promise<Result> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work(attempt);
    } catch (error) {
      const canRetry = isRetryable(error) && attempt < runtime.policy.maxAttempts;
      if (!canRetry || runtime.signal?.aborted === true) throw error;
      const delayMs = backoffDelayMs(attempt, runtime.policy, runtime.random);
      runtime.onRetry?.({ attempt: attempt + 1, delayMs, error });
      await runtime.sleep(delayMs, runtime.signal);
    }
  }
}
