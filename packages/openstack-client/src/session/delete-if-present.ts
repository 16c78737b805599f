import { isOpenStackStatus } from '../errors/openstack-error.js';
import type { ServiceClient } from './service-client.js';
import type { ServiceRequest } from './service-request.js';

/**
 * A DELETE that treats 404 as done: cleanup runs again after an interrupted run, and a resource
 * someone else removed is as gone as one we removed. True when this call deleted it.
 */
export async function deleteIfPresent(
  client: ServiceClient,
  request: Omit<ServiceRequest, 'method'>,
): Promise<boolean> {
  try {
    await client.request({ ...request, method: 'DELETE' });
    return true;
  } catch (error) {
    if (isOpenStackStatus(error, 404)) return false;
    throw error;
  }
}
