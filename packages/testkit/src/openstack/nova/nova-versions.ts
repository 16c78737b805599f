import type { FakeRequest } from '../../framework/http-service.js';
import { requestBaseUrl } from '../shared/marker-pagination.js';
import { jsonReply } from '../shared/openstack-http.js';
import type { NovaSettings } from './nova-settings.js';

/**
 * The version documents (no token needed): `GET /` lists v2.0 and v2.1, `GET /v2.1` shows v2.1 with
 * `min_version` and `version` (the maximum microversion), which clients negotiate against.
 */
function v21(settings: NovaSettings, base: string) {
  return {
    id: 'v2.1',
    status: 'CURRENT',
    version: settings.maxMicroversion,
    min_version: settings.minMicroversion,
    updated: '2013-07-23T11:33:21Z',
    links: [{ rel: 'self', href: `${base}/v2.1/` }],
  };
}

export function listVersions(settings: NovaSettings, request: FakeRequest) {
  const base = requestBaseUrl(request.headers);
  return jsonReply(200, {
    versions: [
      {
        id: 'v2.0',
        status: 'SUPPORTED',
        version: '',
        min_version: '',
        updated: '2011-01-21T11:33:21Z',
        links: [{ rel: 'self', href: `${base}/v2/` }],
      },
      v21(settings, base),
    ],
  });
}

export function showVersion(settings: NovaSettings, request: FakeRequest) {
  const base = requestBaseUrl(request.headers);
  return jsonReply(200, {
    version: {
      ...v21(settings, base),
      'media-types': [
        { base: 'application/json', type: 'application/vnd.openstack.compute+json;version=2.1' },
      ],
    },
  });
}
