import { OpenStackFakeError } from '../shared/openstack-http.js';

/** Neutron's error body: `{"NeutronError": {"type", "message", "detail"}}`. */
export function neutronError(status: number, type: string, message: string): OpenStackFakeError {
  return new OpenStackFakeError(status, { NeutronError: { type, message, detail: '' } }, message);
}

export const badRequest = (resource: string, message: string) =>
  neutronError(400, 'BadRequest', `Bad ${resource} request: ${message}.`);

export const invalidInput = (message: string) =>
  neutronError(400, 'InvalidInput', `Invalid input for operation: ${message}.`);

export const overQuota = (resource: string) =>
  neutronError(409, 'OverQuota', `Quota exceeded for resources: ['${resource}'].`);

export const inUse = (type: string, message: string) => neutronError(409, type, message);

export const notFound = (type: string, message: string) => neutronError(404, type, message);
