import { OpenStackFakeError } from './openstack-http.js';

/**
 * Nova's (and Cinder's) fault wrapper: the body is `{"<faultName>": {"code": status, "message": …}}`,
 * the name chosen by status; anything unlisted is a `computeFault`.
 */
const FAULT_NAMES: Readonly<Record<number, string>> = {
  400: 'badRequest',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'itemNotFound',
  405: 'badMethod',
  409: 'conflictingRequest',
  413: 'overLimit',
  415: 'badMediaType',
  429: 'overLimit',
  501: 'notImplemented',
  503: 'serviceUnavailable',
};

export function computeStyleError(
  status: number,
  message: string,
  headers: Record<string, string> = {},
): OpenStackFakeError {
  const name = FAULT_NAMES[status] ?? 'computeFault';
  const retryAfter = headers['retry-after'];
  const fault = { code: status, message, ...(retryAfter === undefined ? {} : { retryAfter }) };
  return new OpenStackFakeError(status, { [name]: fault }, message, headers);
}
