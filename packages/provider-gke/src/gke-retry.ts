import { HubfleetError } from '@hubfleet/core';

/** hubfleet's own retries inside a provider call: tries, the first wait (doubled), and the interrupt. */
export interface GkeBackoff {
  attempts: number;
  delayMs: number;
  signal?: AbortSignal;
}

export const DEFAULT_BACKOFF: GkeBackoff = { attempts: 5, delayMs: 500 };

/** Wait `ms`, or stop at once when `signal` aborts. */
export function pause(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new HubfleetError({ kind: 'interrupted', message: 'interrupted' }));
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', stop);
      resolve();
    }, ms);
    function stop() {
      clearTimeout(timer);
      reject(new HubfleetError({ kind: 'interrupted', message: 'interrupted' }));
    }
    signal?.addEventListener('abort', stop, { once: true });
  });
}

/**
 * Runs `work`, trying a transient failure (a retryable HubfleetError of kind throttled or
 * unavailable) again with backoff; the last one is thrown for the engine to retry the step. Safe for
 * every GKE and compute call: names are the idempotency keys, so a create repeated after a lost reply
 * meets ALREADY_EXISTS and is adopted by its labels.
 */
export async function withBackoff<Result>(backoff: GkeBackoff, work: () => Promise<Result>): Promise<Result> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      const transient =
        HubfleetError.is(error) &&
        error.retryable &&
        (error.kind === 'throttled' || error.kind === 'unavailable');
      if (!transient || attempt >= backoff.attempts) throw error;
    }
    await pause(backoff.delayMs * 2 ** (attempt - 1), backoff.signal);
  }
}
