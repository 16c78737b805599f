import { OpenStackFakeError } from '../shared/openstack-http.js';

/** Octavia's wsme error body: `{"faultcode": "Client"|"Server", "faultstring": …, "debuginfo": null}`. */
export function octaviaError(status: number, faultstring: string): OpenStackFakeError {
  const faultcode = status >= 500 ? 'Server' : 'Client';
  return new OpenStackFakeError(status, { faultcode, faultstring, debuginfo: null }, faultstring);
}

export const validationError = (detail: string) => octaviaError(400, `Validation failure: ${detail}`);

export const immutable = (resource: string, id: string) =>
  octaviaError(409, `${resource} ${id} is immutable and cannot be updated.`);

export const notFound = (resource: string, id: string) =>
  octaviaError(404, `${resource} ${id} could not be found.`);

export const quotaMet = (resource: string) =>
  octaviaError(403, `Quota has been met for resources: ${resource}`);
