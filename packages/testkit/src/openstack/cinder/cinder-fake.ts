import type { FakeRequest, ServiceProtocol } from '../../framework/http-service.js';
import { matchRestRoute } from '../../framework/rest-router.js';
import { type RunningFake, type StartFakeOptions, startFake } from '../../framework/start-fake.js';
import { requestBaseUrl } from '../shared/marker-pagination.js';
import { negotiateMicroversion } from '../shared/microversion.js';
import { requireToken } from '../shared/openstack-http.js';
import { createOpenStackProtocol } from '../shared/openstack-protocol.js';
import { badRequest, cinderError, cinderFault } from './cinder-errors.js';
import { CINDER_ROUTES } from './cinder-routes.js';
import {
  type CinderContext,
  type CinderFailure,
  type CinderFakeOptions,
  type CinderSettings,
  resolveCinderSettings,
} from './cinder-settings.js';
import { type CinderState, createCinderState } from './cinder-state.js';
import { settleCinder } from './cinder-transitions.js';

export interface CinderFake {
  protocol: ServiceProtocol;
  state: CinderState;
  settings: CinderSettings;
  /** The next operation of this kind ends in error (error, error_deleting, error_extending). */
  failNext(operation: CinderFailure, reason?: string): void;
  settle(): void;
}

const PUBLIC = new Set(['ListVersions', 'ShowVersion']);

function contextFor(state: CinderState, settings: CinderSettings, request: FakeRequest): CinderContext {
  const operation = matchRestRoute(CINDER_ROUTES, request.method, request.path)?.target.name ?? '';
  const hostUrl = requestBaseUrl(request.headers);
  if (!PUBLIC.has(operation)) {
    requireToken(request.headers, settings.validToken);
    // The project in the URL must be the token's (cinder/api/openstack/wsgi.py).
    if (request.path.split('/')[2] !== settings.projectId) throw badRequest('Malformed request url');
  }
  const negotiated = negotiateMicroversion(request.headers, {
    serviceType: 'volume',
    min: settings.minMicroversion,
    max: settings.maxMicroversion,
  });
  if (!negotiated.ok) throw cinderError(negotiated.status, negotiated.message);
  const now = settings.clock.now();
  // A sim state file written before backups were modelled has none.
  state.backups ??= {};
  settleCinder(state, now);
  return {
    state,
    settings,
    now,
    version: negotiated.version,
    versionHeaders: negotiated.headers,
    baseUrl: `${hostUrl}/v3/${settings.projectId}`,
    hostUrl,
  };
}

export function createCinderFake(options: CinderFakeOptions): CinderFake {
  const settings = resolveCinderSettings(options);
  const state = options.state ?? createCinderState();
  const protocol = createOpenStackProtocol<CinderContext>({
    name: 'cinder',
    routes: CINDER_ROUTES,
    contextFor: (request) => contextFor(state, settings, request),
    malformedBody: () => badRequest('Malformed request body'),
    fault: cinderFault,
    notFound: () => cinderError(404, 'The resource could not be found.'),
  });
  return {
    protocol,
    state,
    settings,
    failNext(operation, reason = 'scripted failure') {
      settings.failures.push({ operation, reason });
    },
    settle: () => settleCinder(state, settings.clock.now()),
  };
}

export interface StartCinderFakeOptions
  extends Omit<CinderFakeOptions, 'state' | 'clock'>,
    StartFakeOptions {}

export type RunningCinderFake = RunningFake<CinderState, CinderFake>;

/** Serves Cinder on 127.0.0.1; register `${url}/v3/$(project_id)s` as the `volumev3` (block-storage) endpoint. */
export function startCinderFake(options: StartCinderFakeOptions): Promise<RunningCinderFake> {
  return startFake(options, createCinderState, (state, save) =>
    createCinderFake({ ...options, state, save }),
  );
}
