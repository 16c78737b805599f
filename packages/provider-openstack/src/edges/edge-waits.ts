import { HubfleetError } from '@hubfleet/core';
import type { Sleep } from '@hubfleet/core/engine';
import type { MagnumEdgeDeps } from './magnum-edge-deps.js';

const onTimers: Sleep = (ms, signal) =>
  new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(signal.reason);
      },
      { once: true },
    );
  });

function interrupted(signal: AbortSignal): HubfleetError {
  const reason: unknown = signal.reason;
  return HubfleetError.is(reason)
    ? reason
    : new HubfleetError({ kind: 'interrupted', message: 'Interrupted while waiting.' });
}

/**
 * Looks again every `pollIntervalMs` until `check` answers something, the signal aborts, or
 * `limitMs` of waiting has passed (then undefined). Counted in polls, not wall time.
 */
export async function pollFor<Found>(
  deps: Pick<MagnumEdgeDeps, 'pollIntervalMs' | 'sleep'>,
  signal: AbortSignal,
  check: () => Promise<Found | undefined>,
  limitMs = Number.POSITIVE_INFINITY,
): Promise<Found | undefined> {
  const interval = deps.pollIntervalMs ?? 5_000;
  const sleep = deps.sleep ?? onTimers;
  for (let waited = 0; ; waited += interval) {
    if (signal.aborted) throw interrupted(signal);
    const found = await check();
    if (found !== undefined) return found;
    if (waited >= limitMs) return undefined;
    await sleep(interval, signal);
  }
}
