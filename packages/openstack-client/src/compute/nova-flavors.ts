import type { ServiceClient } from '../session/service-client.js';
import { segment } from '../session/service-request.js';
import { asWire } from '../wire/wire-fields.js';
import { toFlavor } from './compute-mappers.js';
import type { Flavor } from './compute-types.js';

/** Every flavor the project can use, in detail (ephemeral disk included), through `flavors_links`. */
export async function listFlavors(compute: ServiceClient): Promise<Flavor[]> {
  return (await compute.listAll<unknown>('/flavors/detail', 'flavors')).map(toFlavor);
}

export async function getFlavor(compute: ServiceClient, id: string): Promise<Flavor> {
  const response = await compute.request({
    method: 'GET',
    path: `/flavors/${segment(id)}`,
    subject: `flavor/${id}`,
  });
  return toFlavor(asWire(response.body).flavor);
}

/** The flavor with this name, or undefined (names are what hubfleet.yaml gives). */
export async function findFlavorByName(compute: ServiceClient, name: string): Promise<Flavor | undefined> {
  return (await listFlavors(compute)).find((flavor) => flavor.name === name);
}
