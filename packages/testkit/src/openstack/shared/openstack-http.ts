import { randomUUID } from 'node:crypto';
import type { FakeResponse } from '../../framework/http-service.js';

/** Every OpenStack service stamps its answers with `x-openstack-request-id: req-<uuid>`. */
export function openstackRequestId(): string {
  return `req-${randomUUID()}`;
}

export function jsonReply(
  status: number,
  body?: unknown,
  headers: Record<string, string> = {},
): FakeResponse {
  return {
    status,
    headers: {
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      'x-openstack-request-id': openstackRequestId(),
      ...headers,
    },
    body: body === undefined ? '' : JSON.stringify(body),
  };
}

/**
 * An error a fake answers with: the status and the body in the service's own shape (Nova's
 * `{"itemNotFound": …}`, Neutron's `{"NeutronError": …}`, Octavia's `{faultcode, faultstring}`).
 * Handlers throw it; the protocol renders it.
 */
export class OpenStackFakeError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }

  reply(): FakeResponse {
    return jsonReply(this.status, this.body, this.headers);
  }
}

/**
 * keystonemiddleware's answer to a missing or invalid token, the same for every service behind it.
 * Real services validate tokens with Keystone; `validToken` is that check, wired by the sim cloud.
 */
export function unauthorized(): OpenStackFakeError {
  const message = 'The request you have made requires authentication.';
  return new OpenStackFakeError(401, { error: { code: 401, title: 'Unauthorized', message } }, message, {
    'www-authenticate': 'Keystone uri="keystone"',
  });
}

export type TokenCheck = (token: string) => boolean;

export function requireToken(
  headers: Record<string, string | string[] | undefined>,
  check?: TokenCheck,
): void {
  const token = headers['x-auth-token'];
  if (typeof token !== 'string' || token === '') throw unauthorized();
  if (check && !check(token)) throw unauthorized();
}
