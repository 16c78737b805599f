import { HubfleetError } from '@hubfleet/core';
import { OpenStackError } from '@hubfleet/openstack-client';

/**
 * A call the OpenStack client did not replay (a POST whose connection dropped: "the cloud may have
 * acted on it"), made retryable: every step of this provider finds what it made by name and
 * metadata before making it, and a console read changes nothing, so trying again makes nothing twice.
 */
export function retryableAgain(error: unknown): unknown {
  const transient =
    error instanceof OpenStackError && (error.status === 0 || error.status === 429 || error.status >= 500);
  if (!transient || error.retryable) return error;
  return new HubfleetError({
    kind: 'unavailable',
    retryable: true,
    message: `${error.message} (safe to try again: hubfleet finds what it made by name and metadata first)`,
    ...(error.hint === undefined ? {} : { hint: error.hint }),
    ...(error.subject === undefined ? {} : { subject: error.subject }),
    cause: error,
  });
}

/** The same API, its promises rejecting with `retryableAgain`'s errors. */
export function withRetryableCalls<Api extends object>(api: Api): Api {
  return new Proxy(api, {
    get(target, key, receiver) {
      const value: unknown = Reflect.get(target, key, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        const result: unknown = value.apply(target, args);
        return result instanceof Promise
          ? result.catch((error: unknown) => {
              throw retryableAgain(error);
            })
          : result;
      };
    },
  });
}
