import { describe, expect, it } from 'vitest';
import type { CatalogService } from './catalog-types.js';
import { selectEndpoint } from './service-catalog.js';

const endpoints = (url: string, region = 'RegionOne') =>
  ['public', 'internal'].map((face) => ({
    interface: face,
    region_id: region,
    url: face === 'public' ? url : url.replace('https://', 'http://internal.'),
  }));

const CATALOG: CatalogService[] = [
  { type: 'volumev3', name: 'cinderv3', endpoints: endpoints('https://cloud.example:8776/v3/p123') },
  {
    type: 'network',
    name: 'neutron',
    endpoints: [
      ...endpoints('https://cloud.example:9696/'),
      ...endpoints('https://other.example:9696', 'RegionTwo'),
    ],
  },
  { type: 'load-balancer', name: 'octavia', endpoints: endpoints('https://cloud.example:9876') },
  { type: 'image', name: 'glance', endpoints: endpoints('https://cloud.example:9292/v2') },
  { type: 'compute', name: 'nova', endpoints: endpoints('https://cloud.example:8774/v2.1') },
  { type: 'container-infra', name: 'magnum', endpoints: endpoints('https://cloud.example:9511/v1') },
];

describe('service catalog', () => {
  it("keeps Cinder, Nova and Magnum URLs as registered (with the project in Cinder's)", () => {
    expect(selectEndpoint(CATALOG, { service: 'block-storage' })).toBe('https://cloud.example:8776/v3/p123');
    expect(selectEndpoint(CATALOG, { service: 'compute' })).toBe('https://cloud.example:8774/v2.1');
    expect(selectEndpoint(CATALOG, { service: 'container-infra' })).toBe('https://cloud.example:9511/v1');
  });

  it('appends the version path Neutron, Octavia and Glance URLs often lack', () => {
    expect(selectEndpoint(CATALOG, { service: 'network' })).toBe('https://cloud.example:9696/v2.0');
    expect(selectEndpoint(CATALOG, { service: 'load-balancer' })).toBe('https://cloud.example:9876/v2');
    expect(selectEndpoint(CATALOG, { service: 'image' })).toBe('https://cloud.example:9292/v2');
  });

  it('picks by interface and region', () => {
    expect(selectEndpoint(CATALOG, { service: 'network', region: 'RegionTwo' })).toBe(
      'https://other.example:9696/v2.0',
    );
    expect(selectEndpoint(CATALOG, { service: 'compute', interface: 'internal' })).toBe(
      'http://internal.cloud.example:8774/v2.1',
    );
  });

  it('finds block storage under any of its catalog types', () => {
    for (const type of ['block-storage', 'volume', 'volumev3']) {
      expect(
        selectEndpoint([{ type, endpoints: endpoints('https://c/v3/p') }], { service: 'block-storage' }),
      ).toBe('https://c/v3/p');
    }
  });

  it('says what the catalog offers when a service or region is missing', () => {
    expect(() => selectEndpoint(CATALOG, { service: 'identity' })).toThrow(
      /no Keystone .* at all; it offers: compute, container-infra, image/,
    );
    expect(() => selectEndpoint(CATALOG, { service: 'compute', region: 'Mars' })).toThrow(
      /public endpoint in region Mars/,
    );
  });
});
