import type { FakeRequest, FakeResponse } from '../../framework/http-service.js';
import { accessKeyIdOf } from '../shared/aws-credentials.js';
import { AwsServiceError } from '../shared/aws-errors.js';
import { awsQueryResponse } from '../shared/xml.js';
import {
  invalidClientTokenId,
  missingAuthenticationToken,
  STS_NAMESPACE,
  signatureDoesNotMatch,
} from './sts-errors.js';
import { checkPresignedGetCallerIdentity } from './sts-presigned.js';
import type { StsSettings } from './sts-settings.js';
import { defaultPrincipal, type StsPrincipal, type StsState } from './sts-state.js';

function headersOf(request: FakeRequest): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(',') : value;
  }
  return headers;
}

function principalFor(state: StsState, settings: StsSettings, accessKeyId: string): StsPrincipal {
  const known = state.principals[accessKeyId];
  if (known) return known;
  if (settings.strictCredentials) throw invalidClientTokenId();
  return defaultPrincipal(state.accountId, accessKeyId);
}

/** A presigned GET (an EKS token's URL): the signature is checked when the key's secret is known. */
function presignedCaller(state: StsState, settings: StsSettings, request: FakeRequest): string {
  const check = checkPresignedGetCallerIdentity(
    { method: request.method, path: request.path, query: request.query, headers: headersOf(request) },
    {
      now: settings.clock.now(),
      secretAccessKeyFor: (accessKeyId) => state.principals[accessKeyId]?.secretAccessKey,
      requireSignature: settings.strictCredentials,
    },
  );
  if (check.ok) return check.accessKeyId;
  if (check.problem === 'unknown-key') throw invalidClientTokenId();
  if (check.problem === 'format') throw new AwsServiceError('InvalidParameterValue', 400, check.message);
  throw signatureDoesNotMatch(check.message);
}

function wantsJson(request: FakeRequest): boolean {
  return String(request.headers.accept ?? '').includes('application/json');
}

/**
 * GetCallerIdentity, from the SDK's signed POST or from a presigned GET. aws-iam-authenticator asks
 * for JSON (`Accept: application/json`) and STS then answers the same structure as JSON.
 */
export function getCallerIdentity(
  state: StsState,
  settings: StsSettings,
  request: FakeRequest,
  requestId: string,
): FakeResponse {
  const presigned = request.query.has('X-Amz-Signature');
  const accessKeyId = presigned ? presignedCaller(state, settings, request) : accessKeyIdOf(request);
  if (!accessKeyId) throw missingAuthenticationToken();
  const principal = principalFor(state, settings, accessKeyId);
  const result = { Arn: principal.arn, UserId: principal.userId, Account: state.accountId };
  if (wantsJson(request)) {
    return {
      status: 200,
      headers: { 'content-type': 'application/json', 'x-amzn-requestid': requestId },
      body: JSON.stringify({
        GetCallerIdentityResponse: {
          GetCallerIdentityResult: result,
          ResponseMetadata: { RequestId: requestId },
        },
      }),
    };
  }
  return awsQueryResponse({ action: 'GetCallerIdentity', namespace: STS_NAMESPACE, requestId, result });
}
