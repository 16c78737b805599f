import type { ConformanceContext } from './conformance-context.js';

function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Settle, then observe, until `done` holds: at most `poll.attempts` rounds. Counting rounds rather
 * than measuring time keeps the suite independent of how fast the machine is.
 */
export async function waitFor<Observed>(
  context: ConformanceContext,
  description: string,
  observe: () => Promise<Observed>,
  done: (observed: Observed) => boolean,
): Promise<Observed> {
  let observed: Observed | undefined;
  for (let round = 1; round <= context.poll.attempts; round++) {
    await context.settle();
    observed = await observe();
    if (done(observed)) return observed;
    await pause(context.poll.intervalMs);
  }
  throw new Error(
    `${description}: not reached after ${context.poll.attempts} settle-and-observe rounds; last observed: ${JSON.stringify(observed)}`,
  );
}
