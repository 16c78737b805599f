import type {
  FakeRequest,
  FakeResponse,
  RunningService,
  ServiceProtocol,
} from '../../framework/http-service.js';
import { type StartFakeOptions, startFake } from '../../framework/start-fake.js';
import { AwsServiceError, awsQueryErrorResponse } from '../shared/aws-errors.js';
import { faultError } from '../shared/aws-faults.js';
import { awsRequestId } from '../shared/aws-ids.js';
import { parseQueryRequest } from '../shared/query-params.js';
import { awsQueryResponse } from '../shared/xml.js';
import { IAM_ACTIONS, type IamAction } from './iam-actions.js';
import { IAM_FAULTS, IAM_NAMESPACE, invalidAction } from './iam-errors.js';
import { type IamFakeOptions, type IamSettings, resolveIamSettings } from './iam-settings.js';
import { createIamState, type IamState } from './iam-state.js';

export interface IamFake {
  protocol: ServiceProtocol;
  state: IamState;
  settings: IamSettings;
}

function handle(
  state: IamState,
  settings: IamSettings,
  name: string,
  action: IamAction,
  request: FakeRequest,
): FakeResponse {
  const requestId = awsRequestId();
  try {
    const { params } = parseQueryRequest(request);
    const result = action.handle({ state, settings, now: settings.clock.now(), params });
    return awsQueryResponse({ action: name, namespace: IAM_NAMESPACE, requestId, result });
  } catch (error) {
    if (error instanceof AwsServiceError) return awsQueryErrorResponse(error, IAM_NAMESPACE, requestId);
    throw error;
  }
}

/** The IAM fake (awsQuery: form-encoded POSTs, XML answers) as a ServiceProtocol over its state. */
export function createIamFake(options: IamFakeOptions): IamFake {
  const settings = resolveIamSettings(options);
  const state = options.state ?? createIamState();
  const protocol: ServiceProtocol = {
    name: 'iam',
    resolve(request) {
      const name = parseQueryRequest(request).action;
      const action = name === undefined ? undefined : IAM_ACTIONS[name];
      if (name === undefined || !action) return undefined;
      return {
        operation: name,
        mutating: action.mutating,
        handle: () => handle(state, settings, name, action, request),
      };
    },
    fault: (kind) => awsQueryErrorResponse(faultError(IAM_FAULTS, kind), IAM_NAMESPACE, awsRequestId()),
    unknown: (request) =>
      awsQueryErrorResponse(invalidAction(parseQueryRequest(request).action), IAM_NAMESPACE, awsRequestId()),
  };
  return { protocol, state, settings };
}

export interface StartIamFakeOptions extends Omit<IamFakeOptions, 'state' | 'clock'>, StartFakeOptions {}

export interface RunningIamFake extends RunningService {
  state: IamState;
}

/** Serves the IAM fake on 127.0.0.1; point `new IAMClient({ endpoint: fake.url, ... })` at it. */
export async function startIamFake(options: StartIamFakeOptions): Promise<RunningIamFake> {
  return startFake(options, createIamState, (state) => createIamFake({ ...options, state }));
}
