import { HubfleetError } from '@hubfleet/core';

function describeError(error: unknown): string {
  if (HubfleetError.is(error)) return `HubfleetError kind ${error.kind}: ${error.message}`;
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/** Awaits `work`; when it rejects, fails with what was called, the rule it broke, and what it threw. */
export async function expectToResolve(work: Promise<unknown>, call: string, rule: string): Promise<void> {
  try {
    await work;
  } catch (error) {
    throw new Error(`${call} must resolve (${rule}); it threw ${describeError(error)}`, { cause: error });
  }
}
