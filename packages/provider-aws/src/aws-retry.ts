import { HubfleetError } from '@hubfleet/core';
import { isNotFound } from './aws-errors.js';

/** hubfleet's own retries inside one provider call: how many tries, and the first wait (doubled each time). */
export interface AwsBackoff {
  attempts: number;
  delayMs: number;
  signal?: AbortSignal;
}

/** Six tries, 0.5 s to 8 s apart (15.5 s in all): EC2 asks for backoff "starting with a couple of seconds". */
export const DEFAULT_BACKOFF: AwsBackoff = { attempts: 6, delayMs: 500 };

function pause(backoff: AwsBackoff, attempt: number): Promise<void> {
  const ms = backoff.delayMs * 2 ** (attempt - 1);
  return new Promise((resolve, reject) => {
    const { signal } = backoff;
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', stop);
      resolve();
    }, ms);
    function stop() {
      clearTimeout(timer);
      reject(signal?.reason);
    }
    signal?.addEventListener('abort', stop, { once: true });
  });
}

/**
 * Runs a call that uses an id EC2 gave a moment ago (attach the new gateway, a subnet in the new
 * VPC, tag it, route through it). EC2 is eventually consistent: such a call may answer
 * `Invalid…ID.NotFound` until the id has propagated, so a not-found is tried again, with backoff, a
 * bounded number of times; anything else, and the last not-found, is thrown as it came. See
 * https://docs.aws.amazon.com/ec2/latest/devguide/eventual-consistency.html
 */
export async function retryWhileNotYetVisible<Result>(
  backoff: AwsBackoff,
  work: () => Promise<Result>,
): Promise<Result> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (!isNotFound(error) || attempt >= backoff.attempts) throw error;
    }
    await pause(backoff, attempt);
  }
}

/**
 * Makes a resource whose create takes no idempotency token (CreateVpc, CreateSubnet,
 * CreateInternetGateway). `create` must be sent once, without the SDK's retries: a create whose reply
 * was lost may have made the resource, and sending it again would make a second. So after a
 * retryable failure, `find` looks for it by its tags first, and only when it is not there is the
 * create sent again; a bounded number of times, with backoff.
 */
export async function createUnlessFound<Result>(
  backoff: AwsBackoff,
  steps: { create: () => Promise<Result>; find: () => Promise<Result | undefined> },
): Promise<Result> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await steps.create();
    } catch (error) {
      if (!(HubfleetError.is(error) && error.retryable) || attempt >= backoff.attempts) throw error;
    }
    await pause(backoff, attempt);
    const found = await steps.find();
    if (found !== undefined) return found;
  }
}
