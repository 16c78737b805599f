import { AwsServiceError } from '../shared/aws-errors.js';
import type { AwsFaultTable } from '../shared/aws-faults.js';

export const IAM_NAMESPACE = 'https://iam.amazonaws.com/doc/2010-05-08/';
export const IAM_VERSION = '2010-05-08';

/** IAM throttles with a 400 `Throttling` (Sender), not a 429; the SDK retries it by code. */
export const IAM_FAULTS: AwsFaultTable = {
  throttle: { code: 'Throttling', status: 400, message: 'Rate exceeded' },
  'server-error': {
    code: 'ServiceFailure',
    status: 500,
    message: 'The request processing has failed because of an unknown error, exception or failure.',
  },
  unavailable: { code: 'ServiceUnavailable', status: 503, message: 'Service is unavailable.' },
  quota: { code: 'LimitExceeded', status: 409, message: 'Cannot exceed quota for RolesPerAccount: 1000' },
};

export function noSuchRole(roleName: string): AwsServiceError {
  return new AwsServiceError('NoSuchEntity', 404, `The role with name ${roleName} cannot be found.`);
}

export function entityAlreadyExists(message: string): AwsServiceError {
  return new AwsServiceError('EntityAlreadyExists', 409, message);
}

export function noSuchEntity(message: string): AwsServiceError {
  return new AwsServiceError('NoSuchEntity', 404, message);
}

export function deleteConflict(message: string): AwsServiceError {
  return new AwsServiceError('DeleteConflict', 409, message);
}

export function limitExceeded(message: string): AwsServiceError {
  return new AwsServiceError('LimitExceeded', 409, message);
}

export function invalidInput(message: string): AwsServiceError {
  return new AwsServiceError('InvalidInput', 400, message);
}

export function malformedPolicyDocument(message: string): AwsServiceError {
  return new AwsServiceError('MalformedPolicyDocument', 400, message);
}

/** The constraint-violation shape IAM shares with other AWS services. */
export function validationError(
  member: string,
  value: string | undefined,
  constraint: string,
): AwsServiceError {
  const shown = value === undefined ? 'null' : `'${value}'`;
  return new AwsServiceError(
    'ValidationError',
    400,
    `1 validation error detected: Value ${shown} at '${member}' failed to satisfy constraint: ${constraint}`,
  );
}

export function invalidAction(action: string | undefined): AwsServiceError {
  return new AwsServiceError(
    'InvalidAction',
    400,
    `Could not find operation ${action ?? ''} for version ${IAM_VERSION}`,
  );
}
