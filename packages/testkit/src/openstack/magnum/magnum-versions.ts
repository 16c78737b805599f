import type { FakeResponse } from '../../framework/http-service.js';
import { jsonReply } from '../shared/openstack-http.js';
import { magnumReply } from './magnum-reply.js';
import type { MagnumContext } from './magnum-settings.js';

/** GET / → the root document with `versions[]` (api-ref container-infra "List API versions"). */
export function listVersions(context: MagnumContext): FakeResponse {
  return jsonReply(200, {
    versions: [
      {
        id: 'v1',
        status: 'CURRENT',
        min_version: context.settings.minMicroversion,
        max_version: context.settings.maxMicroversion,
        links: [{ href: `${context.baseUrl}/v1/`, rel: 'self' }],
      },
    ],
    name: 'OpenStack Magnum API',
    description: 'Magnum is an OpenStack project which aims to provide container cluster management.',
  });
}

/**
 * GET /v1 → the v1 document (links to its collections). Its range is in the
 * OpenStack-API-Minimum-Version / -Maximum-Version headers, as on every /v1 answer.
 */
export function showVersion(context: MagnumContext): FakeResponse {
  const link = (name: string) => [
    { href: `${context.baseUrl}/v1/${name}/`, rel: 'self' },
    { href: `${context.baseUrl}/${name}/`, rel: 'bookmark' },
  ];
  return magnumReply(context, 200, {
    id: 'v1',
    media_types: [{ base: 'application/json', type: 'application/vnd.openstack.magnum.v1+json' }],
    links: [{ href: `${context.baseUrl}/v1/`, rel: 'self' }],
    clustertemplates: link('clustertemplates'),
    clusters: link('clusters'),
    certificates: link('certificates'),
    mservices: link('mservices'),
  });
}
