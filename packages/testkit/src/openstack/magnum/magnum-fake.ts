import type { FakeRequest, ServiceProtocol } from '../../framework/http-service.js';
import type { CertificateAndKey } from '../../framework/pki.js';
import { matchRestRoute } from '../../framework/rest-router.js';
import { type RunningFake, type StartFakeOptions, startFake } from '../../framework/start-fake.js';
import { requestBaseUrl } from '../shared/marker-pagination.js';
import { formatMicroversion, negotiateMicroversion } from '../shared/microversion.js';
import { requireToken } from '../shared/openstack-http.js';
import { createOpenStackProtocol } from '../shared/openstack-protocol.js';
import { clusterAuthority } from './magnum-certificates.js';
import { magnumError, magnumFault } from './magnum-errors.js';
import { MAGNUM_ROUTES, MINIMUM_MICROVERSION } from './magnum-routes.js';
import {
  type MagnumContext,
  type MagnumFailure,
  type MagnumFakeOptions,
  type MagnumSettings,
  resolveMagnumSettings,
} from './magnum-settings.js';
import { type ClusterTemplateRecord, createMagnumState, type MagnumState } from './magnum-state.js';
import { templateFromBody } from './magnum-templates.js';
import { settleMagnum } from './magnum-transitions.js';

export interface MagnumFake {
  protocol: ServiceProtocol;
  state: MagnumState;
  settings: MagnumSettings;
  /** The next accepted operation of this kind ends in *_FAILED with `reason` (DELETE_FAILED, CREATE_FAILED…). */
  failNext(operation: MagnumFailure, reason: string): void;
  /** Seeds a cluster template, as an operator's `openstack coe cluster template create` would. */
  addClusterTemplate(body: Record<string, unknown>): ClusterTemplateRecord;
  /** Applies due transitions now (sim mode reads state between requests). */
  settle(): void;
  /** The cluster's CA (made on first use), e.g. for a Kubernetes fake that trusts its client certificates. */
  certificateAuthorityOf(clusterUuid: string): Promise<CertificateAndKey | undefined>;
}

const PUBLIC = new Set(['ListVersions', 'ShowVersion']);

function rangeHeaders(settings: MagnumSettings): Record<string, string> {
  return {
    'openstack-api-minimum-version': `container-infra ${settings.minMicroversion}`,
    'openstack-api-maximum-version': `container-infra ${settings.maxMicroversion}`,
  };
}

function contextFor(state: MagnumState, settings: MagnumSettings, request: FakeRequest): MagnumContext {
  const operation = matchRestRoute(MAGNUM_ROUTES, request.method, request.path)?.target.name ?? '';
  if (!PUBLIC.has(operation)) requireToken(request.headers, settings.validToken);
  const negotiated = negotiateMicroversion(request.headers, {
    serviceType: 'container-infra',
    min: settings.minMicroversion,
    max: settings.maxMicroversion,
  });
  const range = rangeHeaders(settings);
  if (!negotiated.ok) {
    const requested = String(request.headers['openstack-api-version'] ?? '')
      .split(/\s+/)
      .at(-1);
    const message =
      negotiated.status === 406
        ? `Version ${requested} was requested but the minor version is not supported by this service. The supported version range is: [${settings.minMicroversion}, ${settings.maxMicroversion}].`
        : negotiated.message;
    throw magnumError(negotiated.status, message, range);
  }
  const minimum = MINIMUM_MICROVERSION[operation];
  if (minimum !== undefined && negotiated.version.major === 1 && negotiated.version.minor < minimum)
    throw magnumError(
      406,
      `Version ${formatMicroversion(negotiated.version)} was requested but the requested method ${operation} is not supported for this version.`,
      range,
    );
  const now = settings.clock.now();
  settleMagnum(state, settings, now);
  return {
    state,
    settings,
    now,
    version: negotiated.version,
    versionHeaders: { ...range, ...negotiated.headers },
    baseUrl: requestBaseUrl(request.headers),
  };
}

export function createMagnumFake(options: MagnumFakeOptions): MagnumFake {
  const settings = resolveMagnumSettings(options);
  const state = options.state ?? createMagnumState();
  const protocol = createOpenStackProtocol<MagnumContext>({
    name: 'magnum',
    routes: MAGNUM_ROUTES,
    contextFor: (request) => contextFor(state, settings, request),
    malformedBody: () => magnumError(400, 'The request body is not valid JSON.'),
    fault: magnumFault,
    notFound: (request) =>
      magnumError(404, `The resource could not be found: ${request.method} ${request.path}`),
  });
  const seedContext = (): MagnumContext => ({
    state,
    settings,
    now: settings.clock.now(),
    version: { major: 1, minor: 1 },
    versionHeaders: {},
    baseUrl: '',
  });
  return {
    protocol,
    state,
    settings,
    failNext(operation, reason) {
      settings.failures.push({ operation, reason });
    },
    addClusterTemplate(body) {
      const template = templateFromBody(seedContext(), body);
      state.clusterTemplates[template.uuid] = template;
      return template;
    },
    settle: () => settleMagnum(state, settings, settings.clock.now()),
    async certificateAuthorityOf(clusterUuid) {
      const cluster = state.clusters[clusterUuid];
      return cluster ? clusterAuthority({ state, settings }, cluster) : undefined;
    },
  };
}

export interface StartMagnumFakeOptions
  extends Omit<MagnumFakeOptions, 'state' | 'clock'>,
    StartFakeOptions {}

export type RunningMagnumFake = RunningFake<MagnumState, MagnumFake>;

/** Serves Magnum on 127.0.0.1; register `${url}/v1` as the `container-infra` endpoint. */
export function startMagnumFake(options: StartMagnumFakeOptions): Promise<RunningMagnumFake> {
  return startFake(options, createMagnumState, (state, save) =>
    createMagnumFake({ ...options, state, save }),
  );
}
