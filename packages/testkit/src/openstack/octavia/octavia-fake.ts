import type { FakeResponse, RunningService, ServiceProtocol } from '../../framework/http-service.js';
import { type StartFakeOptions, startFake } from '../../framework/start-fake.js';
import { requestBaseUrl } from '../shared/marker-pagination.js';
import { jsonReply, requireToken } from '../shared/openstack-http.js';
import { createOpenStackProtocol } from '../shared/openstack-protocol.js';
import type { OctaviaContext } from './octavia-context.js';
import { octaviaError } from './octavia-errors.js';
import { allocateVip } from './octavia-load-balancers.js';
import { OCTAVIA_ROUTES } from './octavia-routes.js';
import { type OctaviaFakeOptions, type OctaviaSettings, resolveOctaviaSettings } from './octavia-settings.js';
import { createOctaviaState, type OctaviaState } from './octavia-state.js';
import { settleOctavia } from './octavia-transitions.js';

export interface OctaviaFake {
  protocol: ServiceProtocol;
  state: OctaviaState;
  settings: OctaviaSettings;
  /** A handler context at the current time (due transitions settled), for in-process callers. */
  contextNow(): OctaviaContext;
  /** A VIP for a load balancer made in-process (a Neutron port when Octavia has a port backend). */
  allocateVip(id: string, body: Record<string, unknown>): ReturnType<typeof allocateVip>;
  /** Persist after an in-process change (sim mode). */
  changed(): void;
}

function octaviaFault(kind: 'throttle' | 'server-error' | 'unavailable' | 'quota') {
  switch (kind) {
    case 'throttle':
      return octaviaError(429, 'Too many requests.');
    case 'server-error':
      return octaviaError(500, 'An unknown exception occurred.');
    case 'unavailable':
      return octaviaError(503, 'Project busy. Unable to lock the project. Please try again.');
    case 'quota':
      return octaviaError(403, 'Quota has been met for resources: Load Balancer');
  }
}

function versions(headers: Record<string, string | string[] | undefined>): FakeResponse {
  const base = requestBaseUrl(headers);
  return jsonReply(200, {
    versions: [
      {
        id: 'v2.0',
        status: 'SUPPORTED',
        updated: '2016-12-11T00:00:00Z',
        links: [{ rel: 'self', href: `${base}/v2` }],
      },
      {
        id: 'v2.27',
        status: 'CURRENT',
        updated: '2023-05-17T00:00:00Z',
        links: [{ rel: 'self', href: `${base}/v2` }],
      },
    ],
  });
}

export function createOctaviaFake(options: OctaviaFakeOptions & { onChange?: () => void }): OctaviaFake {
  const settings = resolveOctaviaSettings(options);
  const state = options.state ?? createOctaviaState();
  const contextAt = (baseUrl: string): OctaviaContext => {
    const now = settings.clock.now();
    settleOctavia(state, settings, now);
    return { state, settings, now, baseUrl };
  };
  const api = createOpenStackProtocol<OctaviaContext>({
    name: 'octavia',
    routes: OCTAVIA_ROUTES,
    contextFor(request) {
      requireToken(request.headers, settings.validToken);
      return contextAt(requestBaseUrl(request.headers));
    },
    malformedBody: () => octaviaError(400, 'Invalid JSON body.'),
    fault: octaviaFault,
    notFound: () => octaviaError(404, 'The resource could not be found.'),
  });
  const protocol: ServiceProtocol = {
    ...api,
    resolve(request) {
      if (request.method === 'GET' && request.path === '/')
        return { operation: 'ListVersions', mutating: false, handle: () => versions(request.headers) };
      return api.resolve(request);
    },
  };
  const contextNow = () => contextAt('http://127.0.0.1');
  return {
    protocol,
    state,
    settings,
    contextNow,
    allocateVip: (id, body) => allocateVip(contextNow(), id, body),
    changed: () => options.onChange?.(),
  };
}

export interface StartOctaviaFakeOptions
  extends Omit<OctaviaFakeOptions, 'state' | 'clock'>,
    StartFakeOptions {}

export interface RunningOctaviaFake extends RunningService {
  state: OctaviaState;
  fake: OctaviaFake;
}

/** Serves Octavia on 127.0.0.1; its load-balancer endpoint (for the catalog) is the bare URL. */
export async function startOctaviaFake(options: StartOctaviaFakeOptions): Promise<RunningOctaviaFake> {
  return startFake(options, createOctaviaState, (state, save) =>
    createOctaviaFake({ ...options, state, onChange: save }),
  );
}
