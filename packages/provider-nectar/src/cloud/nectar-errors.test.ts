import { HubfleetError } from '@hubfleet/core';
import { OpenStackError } from '@hubfleet/openstack-client';
import { describe, expect, it } from 'vitest';
import { retryableAgain, withRetryableCalls } from './nectar-errors.js';

const failure = (status: number, retryable: boolean) =>
  new OpenStackError({
    kind: status === 404 ? 'not-found' : 'unavailable',
    retryable,
    message: `POST /servers failed (${status}) and was not replayed: the cloud may have acted on it`,
    service: 'compute',
    status,
    code: undefined,
    requestId: undefined,
  });

describe('calls the OpenStack client would not replay', () => {
  it('a dropped POST becomes retryable: every step looks before it makes', () => {
    const error = retryableAgain(failure(0, false)) as HubfleetError;
    expect(error).toBeInstanceOf(HubfleetError);
    expect(error.retryable).toBe(true);
    expect(error.message).toContain('safe to try again');
  });

  it('leaves a 404 and an already retryable error as they are', () => {
    const missing = failure(404, false);
    expect(retryableAgain(missing)).toBe(missing);
    const busy = failure(503, true);
    expect(retryableAgain(busy)).toBe(busy);
  });

  it('wraps the promises of an API, not its plain members', async () => {
    const api = withRetryableCalls({
      name: 'x',
      fail: async () => {
        throw failure(0, false);
      },
    });
    expect(api.name).toBe('x');
    await expect(api.fail()).rejects.toMatchObject({ retryable: true });
  });
});
