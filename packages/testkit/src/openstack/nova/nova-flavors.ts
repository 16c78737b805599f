import { markerPage } from '../shared/marker-pagination.js';
import { atLeast } from '../shared/microversion.js';
import type { OpenStackRequest } from '../shared/openstack-protocol.js';
import { badRequest, type NovaContext, notFound, reply } from './nova-context.js';
import type { FlavorRecord } from './nova-state.js';

function links(context: NovaContext, id: string) {
  return [{ rel: 'self', href: `${context.baseUrl}/flavors/${id}` }];
}

function summary(context: NovaContext, flavor: FlavorRecord) {
  return {
    id: flavor.id,
    name: flavor.name,
    links: links(context, flavor.id),
    ...(atLeast(context.version, '2.55') ? { description: flavor.description ?? null } : {}),
  };
}

/** The detail view; the ephemeral disk is `OS-FLV-EXT-DATA:ephemeral` (GiB), swap `""` before 2.75. */
function detail(context: NovaContext, flavor: FlavorRecord) {
  return {
    ...summary(context, flavor),
    vcpus: flavor.vcpus,
    ram: flavor.ram,
    disk: flavor.disk,
    'OS-FLV-EXT-DATA:ephemeral': flavor.ephemeral,
    swap: flavor.swap === 0 && !atLeast(context.version, '2.75') ? '' : flavor.swap,
    rxtx_factor: 1.0,
    'os-flavor-access:is_public': flavor.isPublic,
    'OS-FLV-DISABLED:disabled': false,
    ...(atLeast(context.version, '2.61') ? { extra_specs: flavor.extraSpecs } : {}),
  };
}

function listFlavors(context: NovaContext, request: OpenStackRequest, detailed: boolean) {
  const minRam = Number(request.query.get('minRam') ?? 0);
  const minDisk = Number(request.query.get('minDisk') ?? 0);
  const flavors = Object.values(context.state.flavors)
    .filter((flavor) => flavor.ram >= minRam && flavor.disk >= minDisk)
    // Nova's default order: sort_key=flavorid, sort_dir=asc.
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const page = markerPage(flavors, request.query, context.settings.maxLimit);
  if ('markerNotFound' in page) throw badRequest(`marker [${page.markerNotFound}] not found`);
  const params = new URLSearchParams(request.query);
  if (page.nextMarker) params.set('marker', page.nextMarker);
  const path = detailed ? 'flavors/detail' : 'flavors';
  return reply(context, 200, {
    flavors: page.items.map((flavor) => (detailed ? detail : summary)(context, flavor)),
    ...(page.nextMarker
      ? { flavors_links: [{ rel: 'next', href: `${context.baseUrl}/${path}?${params}` }] }
      : {}),
  });
}

export const listFlavorSummaries = (context: NovaContext, request: OpenStackRequest) =>
  listFlavors(context, request, false);

export const listFlavorDetails = (context: NovaContext, request: OpenStackRequest) =>
  listFlavors(context, request, true);

export function getFlavor(context: NovaContext, request: OpenStackRequest) {
  const flavor = context.state.flavors[request.labels.id ?? ''];
  if (!flavor) throw notFound(`Flavor ${request.labels.id} could not be found.`);
  return reply(context, 200, { flavor: detail(context, flavor) });
}
