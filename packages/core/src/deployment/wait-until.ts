import type { Sleep } from '../engine/retry.js';
import { HubfleetError } from '../errors/index.js';

/** One look at whatever is being waited for. */
export interface WaitCheck {
  done: boolean;
  /** What it is still waiting for, e.g. `cluster prod-green is creating`. */
  waitingFor?: string;
}

export interface WaitOptions {
  signal: AbortSignal;
  intervalMs: number;
  sleep: Sleep;
}

/**
 * Look, wait, look again, until `check` says done. The step's signal ends the wait (interrupt or the
 * step's time limit); a check that throws ends it too, so a failed resource stops the step at once.
 */
export async function waitUntil(check: () => Promise<WaitCheck>, options: WaitOptions): Promise<void> {
  for (;;) {
    if (options.signal.aborted) {
      const reason: unknown = options.signal.reason;
      throw HubfleetError.is(reason)
        ? reason
        : new HubfleetError({ kind: 'interrupted', message: 'Interrupted while waiting.' });
    }
    const result = await check();
    if (result.done) return;
    await options.sleep(options.intervalMs, options.signal);
  }
}
