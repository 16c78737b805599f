import { HubfleetError, type ProviderSessionV1 } from '@hubfleet/core';
import { expect } from 'vitest';
import type { ConformanceContext } from './conformance-context.js';
import type { QuotaFaultOptions } from './conformance-options.js';
import { removeEverything } from './remove-everything.js';

const createCluster = (session: ProviderSessionV1) => session.cluster.create();

async function caughtFrom(work: () => Promise<unknown>): Promise<unknown> {
  try {
    await work();
  } catch (error) {
    return error;
  }
  return undefined;
}

/**
 * Stage 9: the cloud's quota error reaches the caller as a HubfleetError of kind `quota`, not
 * retryable (waiting does not raise a quota), with a hint that says what to do. Removes whatever the
 * trigger created, so a provider that swallowed the error leaves nothing behind.
 */
export async function checkQuotaErrorMapping(
  context: ConformanceContext,
  quotaFault: QuotaFaultOptions,
): Promise<void> {
  const { faults, session } = context;
  if (faults === undefined)
    throw new Error('quotaFault needs setup() to return the FaultInjector its fakes consult.');
  faults.script({ operation: quotaFault.operation, fault: 'quota', times: 1 });
  const trigger = quotaFault.trigger ?? createCluster;
  const error = await caughtFrom(() => trigger(session));
  await removeEverything(context);
  expect(error, `a quota error injected on ${quotaFault.operation} reaches the caller`).toBeDefined();
  expect(HubfleetError.is(error), `the quota error is a HubfleetError (got ${String(error)})`).toBe(true);
  const mapped = error as HubfleetError;
  expect(mapped.kind, 'the quota error kind').toBe('quota');
  expect(mapped.retryable, 'the quota error is not retryable').toBe(false);
  expect(mapped.hint?.trim(), 'the quota error has a hint that says what to do').toBeTruthy();
}
