import type { ServiceClient } from '../session/service-client.js';
import { asWire } from '../wire/wire-fields.js';
import { toAvailabilityZone } from './compute-mappers.js';
import type { AvailabilityZone } from './compute-types.js';

export async function listAvailabilityZones(compute: ServiceClient): Promise<AvailabilityZone[]> {
  const response = await compute.request({ method: 'GET', path: '/os-availability-zone' });
  const zones = asWire(response.body).availabilityZoneInfo;
  return (Array.isArray(zones) ? zones : []).map(toAvailabilityZone);
}
