import type {
  FakeRequest,
  FakeResponse,
  RunningService,
  ServiceProtocol,
} from '../../framework/http-service.js';
import { type StartFakeOptions, startFake } from '../../framework/start-fake.js';
import { AwsServiceError, awsQueryErrorResponse } from '../shared/aws-errors.js';
import { faultError } from '../shared/aws-faults.js';
import { awsRequestId, DEFAULT_ACCOUNT_ID } from '../shared/aws-ids.js';
import { parseQueryRequest } from '../shared/query-params.js';
import { getCallerIdentity } from './sts-caller-identity.js';
import { invalidAction, STS_FAULTS, STS_NAMESPACE } from './sts-errors.js';
import type { StsFakeOptions, StsSettings } from './sts-settings.js';
import { createStsState, type StsState } from './sts-state.js';

export interface StsFake {
  protocol: ServiceProtocol;
  state: StsState;
}

function handle(state: StsState, settings: StsSettings, request: FakeRequest): FakeResponse {
  const requestId = awsRequestId();
  try {
    return getCallerIdentity(state, settings, request, requestId);
  } catch (error) {
    if (error instanceof AwsServiceError) return awsQueryErrorResponse(error, STS_NAMESPACE, requestId);
    throw error;
  }
}

/** The STS fake: GetCallerIdentity over awsQuery POSTs and presigned GETs (EKS tokens). */
export function createStsFake(options: StsFakeOptions): StsFake {
  const state = options.state ?? createStsState(options.accountId ?? DEFAULT_ACCOUNT_ID);
  Object.assign(state.principals, options.principals);
  const settings: StsSettings = {
    clock: options.clock,
    strictCredentials: options.strictCredentials ?? false,
  };
  const protocol: ServiceProtocol = {
    name: 'sts',
    resolve(request) {
      if (parseQueryRequest(request).action !== 'GetCallerIdentity') return undefined;
      return {
        operation: 'GetCallerIdentity',
        mutating: false,
        handle: () => handle(state, settings, request),
      };
    },
    fault: (kind) => awsQueryErrorResponse(faultError(STS_FAULTS, kind), STS_NAMESPACE, awsRequestId()),
    unknown: (request) =>
      awsQueryErrorResponse(invalidAction(parseQueryRequest(request).action), STS_NAMESPACE, awsRequestId()),
  };
  return { protocol, state };
}

export interface StartStsFakeOptions extends Omit<StsFakeOptions, 'state' | 'clock'>, StartFakeOptions {}

export interface RunningStsFake extends RunningService {
  state: StsState;
}

/** Serves the STS fake on 127.0.0.1; point `new STSClient({ endpoint: fake.url, ... })` at it. */
export async function startStsFake(options: StartStsFakeOptions): Promise<RunningStsFake> {
  return startFake(
    options,
    () => createStsState(options.accountId ?? DEFAULT_ACCOUNT_ID),
    (state) => createStsFake({ ...options, state }),
  );
}
