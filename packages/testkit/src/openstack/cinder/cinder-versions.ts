import type { FakeResponse } from '../../framework/http-service.js';
import { jsonReply } from '../shared/openstack-http.js';
import type { CinderSettings } from './cinder-settings.js';

function v3(settings: CinderSettings, base: string): Record<string, unknown> {
  return {
    id: 'v3.0',
    status: 'CURRENT',
    version: settings.maxMicroversion,
    min_version: settings.minMicroversion,
    updated: '2023-08-31T00:00:00Z',
    links: [{ rel: 'self', href: `${base}/v3/` }],
    'media-types': [{ base: 'application/json', type: 'application/vnd.openstack.volume+json;version=3' }],
  };
}

/** GET / → 300 Multiple Choices listing the versions (api-ref block-storage "List All Api Versions"). */
export function listVersions(settings: CinderSettings, base: string): FakeResponse {
  return jsonReply(300, { versions: [v3(settings, base)] });
}

/** GET /v3/ → the v3 entry with its microversion range (`version` is the maximum). */
export function showVersion(settings: CinderSettings, base: string): FakeResponse {
  return jsonReply(200, { versions: [v3(settings, base)] });
}
