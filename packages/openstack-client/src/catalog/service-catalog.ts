import { HubfleetError } from '@hubfleet/core';
import type { EndpointInterface } from '../auth/credentials.js';
import type { OpenStackServiceType } from '../errors/openstack-error.js';
import { SERVICE_NAMES } from '../errors/service-names.js';
import type { CatalogService } from './catalog-types.js';

/**
 * Catalog types each service is registered under, preferred first. Block storage has carried
 * several names (volumev3, block-storage, volume); identity and the others one each.
 */
const CATALOG_TYPES: Readonly<Record<OpenStackServiceType, readonly string[]>> = {
  identity: ['identity'],
  compute: ['compute'],
  network: ['network'],
  'block-storage': ['volumev3', 'block-storage', 'block-store', 'volume'],
  'container-infra': ['container-infra'],
  'load-balancer': ['load-balancer'],
  image: ['image'],
};

/**
 * The version path each API lives under, appended when the catalog URL lacks it (Neutron's,
 * Octavia's and Glance's are often registered bare). Nova's and Cinder's URLs carry theirs
 * (Cinder's also the project id), Magnum's `/v1`: those are used as registered.
 */
const VERSION_SUFFIX: Readonly<Partial<Record<OpenStackServiceType, string>>> = {
  network: '/v2.0',
  'load-balancer': '/v2',
  image: '/v2',
};

export interface EndpointQuery {
  service: OpenStackServiceType;
  /** @default 'public' */
  interface?: EndpointInterface;
  region?: string;
}

function withVersion(service: OpenStackServiceType, url: string): string {
  const base = url.replace(/\/+$/, '');
  const suffix = VERSION_SUFFIX[service];
  if (!suffix || /\/v\d+(\.\d+)?$/.test(base)) return base;
  return `${base}${suffix}`;
}

function notInCatalog(query: EndpointQuery, catalog: readonly CatalogService[], why: string): HubfleetError {
  const name = SERVICE_NAMES[query.service];
  const offered = [...new Set(catalog.map((entry) => entry.type))].sort().join(', ') || 'nothing';
  return new HubfleetError({
    kind: 'not-found',
    message: `The cloud's service catalog has no ${name} (${CATALOG_TYPES[query.service].join('/')}) ${why}; it offers: ${offered}`,
    hint: `Check the region (region_name / OS_REGION_NAME) and interface, and that this cloud runs ${name}.`,
    subject: `catalog/${query.service}`,
  });
}

/** The endpoint URL of a service from a token's catalog, with the version path it needs. */
export function selectEndpoint(catalog: readonly CatalogService[], query: EndpointQuery): string {
  const face = query.interface ?? 'public';
  const entries = CATALOG_TYPES[query.service].flatMap((type) =>
    catalog.filter((entry) => entry.type === type),
  );
  if (entries.length === 0) throw notInCatalog(query, catalog, 'at all');
  for (const entry of entries) {
    const endpoint = entry.endpoints.find(
      (candidate) =>
        candidate.interface === face &&
        (query.region === undefined ||
          candidate.region_id === query.region ||
          candidate.region === query.region),
    );
    if (endpoint) return withVersion(query.service, endpoint.url);
  }
  throw notInCatalog(
    query,
    catalog,
    `with a ${face} endpoint${query.region ? ` in region ${query.region}` : ''}`,
  );
}
