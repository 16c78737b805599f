import { HubfleetError } from '@hubfleet/core';

/** The HubfleetError `work` fails with; anything else (or success) fails the test. */
export async function caught(work: () => Promise<unknown>): Promise<HubfleetError> {
  try {
    await work();
  } catch (error) {
    if (HubfleetError.is(error)) return error;
    throw error;
  }
  throw new Error('expected an error');
}
