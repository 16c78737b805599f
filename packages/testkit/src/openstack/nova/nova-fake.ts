import type { FakeRequest, RunningService, ServiceProtocol } from '../../framework/http-service.js';
import { type StartFakeOptions, startFake } from '../../framework/start-fake.js';
import { computeStyleError } from '../shared/compute-style-errors.js';
import { requestBaseUrl } from '../shared/marker-pagination.js';
import { negotiateMicroversion } from '../shared/microversion.js';
import { requireToken } from '../shared/openstack-http.js';
import { createOpenStackProtocol } from '../shared/openstack-protocol.js';
import type { NovaContext } from './nova-context.js';
import { NOVA_ROUTES } from './nova-routes.js';
import {
  DEFAULT_NOVA_FLAVORS,
  type NovaFakeOptions,
  type NovaSettings,
  resolveNovaSettings,
} from './nova-settings.js';
import { createNovaState, type NovaState } from './nova-state.js';
import { settleNova } from './nova-transitions.js';
import { listVersions, showVersion } from './nova-versions.js';

export interface NovaFake {
  protocol: ServiceProtocol;
  state: NovaState;
  settings: NovaSettings;
  /** Pin a server's host keys (OpenSSH public key lines), e.g. to a real sshd's for a NeCTAR sim. */
  setHostKeys(serverId: string, keys: string[]): void;
}

/** Nova's faults: 429 overLimit with Retry-After, 500 computeFault, 503, and quota as 403 forbidden. */
function novaFault(kind: 'throttle' | 'server-error' | 'unavailable' | 'quota') {
  switch (kind) {
    case 'throttle':
      return computeStyleError(429, 'This request was rate-limited.', { 'retry-after': '0' });
    case 'server-error':
      return computeStyleError(
        500,
        'Unexpected API Error. Please report this at http://bugs.launchpad.net/nova/',
      );
    case 'unavailable':
      return computeStyleError(503, 'The service is unavailable.');
    case 'quota':
      return computeStyleError(
        403,
        'Quota exceeded for instances: Requested 1, but already used 10 of 10 instances',
      );
  }
}

/** Catalog URLs may carry the project (`/v2.1/<project>/servers`); Nova serves both forms. */
function withoutProject(request: FakeRequest, projectId: string): FakeRequest {
  const prefix = `/v2.1/${projectId}`;
  return request.path === prefix || request.path.startsWith(`${prefix}/`)
    ? { ...request, path: `/v2.1${request.path.slice(prefix.length)}` }
    : request;
}

export function createNovaFake(options: NovaFakeOptions): NovaFake {
  const settings = resolveNovaSettings(options);
  const state = options.state ?? createNovaState();
  if (Object.keys(state.flavors).length === 0)
    for (const flavor of options.flavors ?? DEFAULT_NOVA_FLAVORS) state.flavors[flavor.id] = { ...flavor };
  const api = createOpenStackProtocol<NovaContext>({
    name: 'nova',
    routes: NOVA_ROUTES,
    contextFor(request) {
      requireToken(request.headers, settings.validToken);
      const negotiated = negotiateMicroversion(request.headers, {
        serviceType: 'compute',
        min: settings.minMicroversion,
        max: settings.maxMicroversion,
        legacyHeader: 'x-openstack-nova-api-version',
      });
      if (!negotiated.ok) throw computeStyleError(negotiated.status, negotiated.message);
      const now = settings.clock.now();
      settleNova(state, settings, now);
      return {
        state,
        settings,
        now,
        version: negotiated.version,
        versionHeaders: negotiated.headers,
        baseUrl: `${requestBaseUrl(request.headers)}/v2.1`,
      };
    },
    malformedBody: () => computeStyleError(400, 'Malformed request body'),
    fault: novaFault,
    notFound: () => computeStyleError(404, 'The resource could not be found.'),
  });
  const protocol: ServiceProtocol = {
    ...api,
    resolve(incoming) {
      const request = withoutProject(incoming, settings.projectId);
      if (request.method === 'GET' && (request.path === '/' || request.path.replace(/\/$/, '') === '/v2.1'))
        return {
          operation: request.path === '/' ? 'ListVersions' : 'ShowVersion',
          mutating: false,
          handle: () => (request.path === '/' ? listVersions : showVersion)(settings, request),
        };
      return api.resolve(request);
    },
    unknown: (incoming) => api.unknown(withoutProject(incoming, settings.projectId)),
  };
  return {
    protocol,
    state,
    settings,
    setHostKeys(serverId, keys) {
      const server = state.servers[serverId];
      if (!server) throw new Error(`no server ${serverId} in the Nova fake`);
      server.hostKeys = [...keys];
    },
  };
}

export interface StartNovaFakeOptions extends Omit<NovaFakeOptions, 'state' | 'clock'>, StartFakeOptions {}

export interface RunningNovaFake extends RunningService {
  /** Persist the state now (after a change made outside a request). */
  save(): void;
  state: NovaState;
  fake: NovaFake;
}

/** Serves Nova on 127.0.0.1; its compute endpoint (for the catalog) is `${url}/v2.1`. */
export async function startNovaFake(options: StartNovaFakeOptions): Promise<RunningNovaFake> {
  return startFake(options, createNovaState, (state) => createNovaFake({ ...options, state }));
}
