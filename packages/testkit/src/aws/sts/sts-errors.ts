import { AwsServiceError } from '../shared/aws-errors.js';
import type { AwsFaultTable } from '../shared/aws-faults.js';

export const STS_NAMESPACE = 'https://sts.amazonaws.com/doc/2011-06-15/';
export const STS_VERSION = '2011-06-15';

/**
 * STS throttles with a 400 `Throttling`. It has no quota error for GetCallerIdentity; the closest
 * non-retryable account-level refusal is RegionDisabledException, which the quota fault renders.
 */
export const STS_FAULTS: AwsFaultTable = {
  throttle: { code: 'Throttling', status: 400, message: 'Rate exceeded' },
  'server-error': { code: 'InternalFailure', status: 500, message: 'An internal error occurred.' },
  unavailable: { code: 'ServiceUnavailable', status: 503, message: 'Service is unavailable.' },
  quota: {
    code: 'RegionDisabledException',
    status: 403,
    message: 'STS is not activated in this region for this account.',
  },
};

export function invalidClientTokenId(): AwsServiceError {
  return new AwsServiceError(
    'InvalidClientTokenId',
    403,
    'The security token included in the request is invalid.',
  );
}

export function missingAuthenticationToken(): AwsServiceError {
  return new AwsServiceError('MissingAuthenticationToken', 403, 'Request is missing Authentication Token');
}

export function signatureDoesNotMatch(message: string): AwsServiceError {
  return new AwsServiceError('SignatureDoesNotMatch', 403, message);
}

export function invalidAction(action: string | undefined): AwsServiceError {
  return new AwsServiceError(
    'InvalidAction',
    400,
    `Could not find operation ${action ?? ''} for version ${STS_VERSION}`,
  );
}
