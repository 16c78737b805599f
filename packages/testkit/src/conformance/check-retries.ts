import { HubfleetError } from '@hubfleet/core';
import { expect } from 'vitest';
import type { ConformanceContext } from './conformance-context.js';
import { retryLikeTheEngine } from './engine-retry.js';
import { removeEverything } from './remove-everything.js';
import { waitFor } from './wait-for.js';

/** What the retries stage injects, in order, into the next calls of any operation. */
export const TRANSIENT_FAULTS = [
  { fault: 'throttle', times: 2 },
  { fault: 'server-error', times: 1 },
] as const;

const INJECTED = TRANSIENT_FAULTS.reduce((sum, { times }) => sum + times, 0);

function isFaultedStatus(status: number): boolean {
  return status === 429 || status >= 500;
}

/** Every error that reached the caller is a retryable HubfleetError: the mapping at the provider edge. */
function expectRetryableMapping(seen: readonly unknown[]): void {
  for (const error of seen) {
    expect(
      HubfleetError.is(error) && error.retryable,
      `a transient fault surfaced as ${HubfleetError.is(error) ? `HubfleetError kind ${error.kind}, retryable ${error.retryable}` : String(error)}; it must be a retryable HubfleetError (throttled or unavailable)`,
    ).toBe(true);
  }
}

/**
 * Stage 8: with two throttles and one server error scripted on the next calls, creating the cluster
 * and observing it `active` still succeed, run as the engine runs steps. Whatever the provider does
 * not absorb itself must surface as a retryable HubfleetError. Removes the cluster afterwards.
 */
export async function checkRetriesTransientFaults(context: ConformanceContext): Promise<void> {
  const { faults, callLog, session } = context;
  if (faults === undefined) throw new Error('The retries check needs the FaultInjector the fakes consult.');
  const callsBefore = callLog?.calls.length ?? 0;
  for (const { fault, times } of TRANSIENT_FAULTS) faults.script({ operation: '*', fault, times });
  const seen: unknown[] = [];
  await retryLikeTheEngine(() => session.cluster.create(), seen);
  const cluster = await waitFor(
    context,
    'cluster becomes active despite transient faults',
    () => retryLikeTheEngine(() => session.cluster.observe(), seen),
    (observed) => observed?.status === 'active',
  );
  expect(cluster?.status, 'cluster after create under transient faults').toBe('active');
  expectRetryableMapping(seen);
  if (callLog !== undefined) {
    const faulted = callLog.calls.slice(callsBefore).filter((call) => isFaultedStatus(call.status)).length;
    expect(faulted, 'faulted calls in the call log (the injected faults were served)').toBeGreaterThanOrEqual(
      INJECTED,
    );
  }
  await removeEverything(context);
}
