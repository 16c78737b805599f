import type {
  FakeRequest,
  FakeResponse,
  RunningService,
  ServiceProtocol,
} from '../../framework/http-service.js';
import { parseJsonObject } from '../../framework/json-body.js';
import { matchRestRoute, type RestMatch } from '../../framework/rest-router.js';
import { type StartFakeOptions, startFake } from '../../framework/start-fake.js';
import { AwsServiceError, restJsonErrorResponse } from '../shared/aws-errors.js';
import { faultError } from '../shared/aws-faults.js';
import { awsRequestId } from '../shared/aws-ids.js';
import { EKS_FAULTS, invalidParameter } from './eks-errors.js';
import { EKS_ROUTES, type EksOperation } from './eks-routes.js';
import { type EksFakeOptions, type EksSettings, resolveEksSettings } from './eks-settings.js';
import { createEksState, type EksState } from './eks-state.js';
import { settleEks } from './eks-transitions.js';

export interface EksFake {
  protocol: ServiceProtocol;
  /** Plain JSON; pass it to createStateStore's file or read it with eksNodeGroups(). */
  state: EksState;
  settings: EksSettings;
}

function jsonResponse(result: unknown, requestId: string): FakeResponse {
  return {
    status: 200,
    headers: { 'content-type': 'application/json', 'x-amzn-requestid': requestId },
    body: JSON.stringify(result),
  };
}

function handle(
  fake: Omit<EksFake, 'protocol'>,
  match: RestMatch<EksOperation>,
  request: FakeRequest,
): FakeResponse {
  const requestId = awsRequestId();
  try {
    const body = parseJsonObject(request.body);
    if (!body) throw invalidParameter('The request body is not a JSON object.');
    const now = fake.settings.clock.now();
    settleEks(fake.state, now);
    const context = { state: fake.state, settings: fake.settings, now };
    return jsonResponse(
      match.target.handle(context, { labels: match.labels, query: request.query, body }),
      requestId,
    );
  } catch (error) {
    if (error instanceof AwsServiceError) return restJsonErrorResponse(error, requestId);
    throw error;
  }
}

/** The EKS fake as a ServiceProtocol over its state; serve it with startService (or use startEksFake). */
export function createEksFake(options: EksFakeOptions): EksFake {
  const settings = resolveEksSettings(options);
  const state = options.state ?? createEksState();
  const protocol: ServiceProtocol = {
    name: 'eks',
    resolve(request) {
      const match = matchRestRoute(EKS_ROUTES, request.method, request.path);
      if (!match) return undefined;
      return {
        operation: match.target.name,
        mutating: match.target.mutating,
        handle: () => handle({ state, settings }, match, request),
      };
    },
    fault: (kind) => restJsonErrorResponse(faultError(EKS_FAULTS, kind), awsRequestId()),
    unknown: (request) =>
      restJsonErrorResponse(
        new AwsServiceError(
          'UnknownOperationException',
          404,
          `No EKS operation matches ${request.method} ${request.path}`,
        ),
        awsRequestId(),
      ),
  };
  return { protocol, state, settings };
}

export interface StartEksFakeOptions extends Omit<EksFakeOptions, 'state' | 'clock'>, StartFakeOptions {}

export interface RunningEksFake extends RunningService {
  state: EksState;
}

/** Serves the EKS fake on 127.0.0.1; point `new EKSClient({ endpoint: fake.url, ... })` at it. */
export async function startEksFake(options: StartEksFakeOptions): Promise<RunningEksFake> {
  return startFake(options, createEksState, (state) => createEksFake({ ...options, state }));
}
