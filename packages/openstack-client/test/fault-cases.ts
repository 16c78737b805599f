import { expect } from 'vitest';
import type { FakeWorld } from './fake-world.js';

/** One client call and the fake operation it makes. */
export interface FaultCase {
  operation: string;
  call: () => Promise<unknown>;
}

/**
 * Every operation, in order: an injected quota fault fails it at once with kind `quota` (one call,
 * no retry), then a throttle and a 503 are retried through and the call succeeds (three calls).
 */
export async function expectFaultHandling(
  world: Pick<FakeWorld, 'callLog' | 'faults'>,
  service: string,
  cases: FaultCase[],
): Promise<void> {
  for (const { operation, call } of cases) {
    const count = () => world.callLog.count({ service, operation });
    const before = count();
    world.faults.script({ operation: `${service}.${operation}`, fault: 'quota', times: 1 });
    const refused = await failure(call());
    expect(refused, operation).toMatchObject({ kind: 'quota', retryable: false });
    expect(count(), operation).toBe(before + 1);
    world.faults.script({ operation: `${service}.${operation}`, fault: 'throttle', times: 1 });
    world.faults.script({ operation: `${service}.${operation}`, fault: 'unavailable', times: 1 });
    await call();
    expect(count(), operation).toBe(before + 4);
  }
}

/** What a failed call rejected with, for assertions on kind, status and code. */
export async function failure(promise: Promise<unknown>): Promise<Record<string, unknown>> {
  try {
    await promise;
  } catch (error) {
    return error as Record<string, unknown>;
  }
  throw new Error('expected the call to fail');
}
