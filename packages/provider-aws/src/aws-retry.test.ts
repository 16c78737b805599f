import { HubfleetError } from '@hubfleet/core';
import { describe, expect, it } from 'vitest';
import { mapAwsError } from './aws-errors.js';
import { createUnlessFound, retryWhileNotYetVisible } from './aws-retry.js';

const backoff = { attempts: 3, delayMs: 1 };

/** What the EC2 client throws for an id that does not exist (yet), as aws-call maps it. */
function notFound(): HubfleetError {
  const error = Object.assign(new Error('The vpc ID does not exist'), {
    name: 'InvalidVpcID.NotFound',
    $metadata: { httpStatusCode: 400 },
  });
  return mapAwsError(error, { operation: 'ec2:CreateSubnet' });
}

/** A function that fails with `errors` in turn, then answers `result`, counting its calls. */
function failing<Result>(errors: unknown[], result: Result) {
  const work = async () => {
    work.calls += 1;
    const error = errors.shift();
    if (error !== undefined) throw error;
    return result;
  };
  work.calls = 0;
  return work;
}

describe('retryWhileNotYetVisible', () => {
  it('tries a not-found again until the id has propagated', async () => {
    const work = failing([notFound(), notFound()], 'ok');
    await expect(retryWhileNotYetVisible(backoff, work)).resolves.toBe('ok');
    expect(work.calls).toBe(3);
  });

  it('gives up after its attempts with the not-found, which stays not retryable', async () => {
    const work = failing([notFound(), notFound(), notFound()], 'ok');
    await expect(retryWhileNotYetVisible(backoff, work)).rejects.toMatchObject({
      kind: 'not-found',
      retryable: false,
    });
    expect(work.calls).toBe(3);
  });

  it('does not retry anything else', async () => {
    const work = failing([new HubfleetError({ kind: 'throttled', message: 'slow down' })], 'ok');
    await expect(retryWhileNotYetVisible(backoff, work)).rejects.toMatchObject({ kind: 'throttled' });
    expect(work.calls).toBe(1);
  });
});

describe('createUnlessFound', () => {
  const unavailable = () => new HubfleetError({ kind: 'unavailable', message: 'connection reset' });

  it('looks again after a retryable failure and takes what the lost reply made', async () => {
    const create = failing([unavailable()], 'second');
    const find = failing([], 'made by the first');
    await expect(createUnlessFound(backoff, { create, find })).resolves.toBe('made by the first');
    expect([create.calls, find.calls]).toEqual([1, 1]);
  });

  it('creates again when the look finds nothing, a bounded number of times', async () => {
    const create = failing([unavailable(), unavailable(), unavailable()], 'made');
    const find = async () => undefined;
    await expect(createUnlessFound(backoff, { create, find })).rejects.toMatchObject({ kind: 'unavailable' });
    expect(create.calls).toBe(3);
  });

  it('never looks again after a failure that cannot have made anything', async () => {
    const create = failing([new HubfleetError({ kind: 'quota', message: 'VpcLimitExceeded' })], 'made');
    const find = failing([], 'found');
    await expect(createUnlessFound(backoff, { create, find })).rejects.toMatchObject({ kind: 'quota' });
    expect(find.calls).toBe(0);
  });
});
