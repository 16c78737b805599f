import type { FakeResponse, RunningService, ServiceProtocol } from '../../framework/http-service.js';
import { type StartFakeOptions, startFake } from '../../framework/start-fake.js';
import { requestBaseUrl } from '../shared/marker-pagination.js';
import { jsonReply, requireToken } from '../shared/openstack-http.js';
import { createOpenStackProtocol } from '../shared/openstack-protocol.js';
import type { PortBackend } from '../shared/port-backend.js';
import type { NeutronContext } from './neutron-context.js';
import { neutronError } from './neutron-errors.js';
import { portBackendOver } from './neutron-port-backend.js';
import { NEUTRON_ROUTES } from './neutron-routes.js';
import { seedNeutron } from './neutron-seed.js';
import { type NeutronFakeOptions, type NeutronSettings, resolveNeutronSettings } from './neutron-settings.js';
import { createNeutronState, type NeutronState } from './neutron-state.js';

export interface NeutronFake {
  protocol: ServiceProtocol;
  state: NeutronState;
  settings: NeutronSettings;
  /** Hand this to the Nova and Octavia fakes so servers and VIPs get real Neutron ports. */
  ports: PortBackend;
}

function neutronFault(kind: 'throttle' | 'server-error' | 'unavailable' | 'quota') {
  switch (kind) {
    case 'throttle':
      return neutronError(429, 'HTTPTooManyRequests', 'Too many requests.');
    case 'server-error':
      return neutronError(
        500,
        'HTTPInternalServerError',
        'Request Failed: internal server error while processing your request.',
      );
    case 'unavailable':
      return neutronError(
        503,
        'HTTPServiceUnavailable',
        'The server is currently unavailable. Please try again at a later time.',
      );
    case 'quota':
      return neutronError(409, 'OverQuota', "Quota exceeded for resources: ['port'].");
  }
}

/** `GET /`: the version document (no token needed), pointing at v2.0. */
function versions(headers: Record<string, string | string[] | undefined>): FakeResponse {
  const base = requestBaseUrl(headers);
  return jsonReply(200, {
    versions: [{ id: 'v2.0', status: 'CURRENT', links: [{ rel: 'self', href: `${base}/v2.0/` }] }],
  });
}

export function createNeutronFake(options: NeutronFakeOptions & { onChange?: () => void }): NeutronFake {
  const settings = resolveNeutronSettings(options);
  const state = options.state ?? createNeutronState();
  const contextAt = (baseUrl: string): NeutronContext => {
    const context = { state, settings, now: settings.clock.now(), baseUrl };
    seedNeutron(context);
    return context;
  };
  const api = createOpenStackProtocol<NeutronContext>({
    name: 'neutron',
    routes: NEUTRON_ROUTES,
    contextFor(request) {
      requireToken(request.headers, settings.validToken);
      return contextAt(requestBaseUrl(request.headers));
    },
    malformedBody: () => neutronError(400, 'HTTPBadRequest', 'Malformed JSON in request body.'),
    fault: neutronFault,
    notFound: () => neutronError(404, 'HTTPNotFound', 'The resource could not be found.'),
  });
  const protocol: ServiceProtocol = {
    ...api,
    resolve(request) {
      if (request.method === 'GET' && request.path === '/')
        return { operation: 'ListVersions', mutating: false, handle: () => versions(request.headers) };
      return api.resolve(request);
    },
  };
  // Seeded at once (not on the first request), so other fakes and the sim see the external networks.
  if (!state.seeded) {
    contextAt('http://127.0.0.1');
    options.onChange?.();
  }
  const ports = portBackendOver(
    () => contextAt('http://127.0.0.1'),
    () => options.onChange?.(),
  );
  return { protocol, state, settings, ports };
}

export interface StartNeutronFakeOptions
  extends Omit<NeutronFakeOptions, 'state' | 'clock'>,
    StartFakeOptions {}

export interface RunningNeutronFake extends RunningService {
  state: NeutronState;
  fake: NeutronFake;
}

/** Serves Neutron on 127.0.0.1; its network endpoint (for the catalog) is the bare URL (no version). */
export async function startNeutronFake(options: StartNeutronFakeOptions): Promise<RunningNeutronFake> {
  return startFake(options, createNeutronState, (state, save) =>
    createNeutronFake({ ...options, state, onChange: save }),
  );
}
