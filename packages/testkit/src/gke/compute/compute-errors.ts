import { GoogleApiError } from '../google-errors.js';

/** Compute Engine's errors: google.rpc status plus the legacy `errors[].reason` compute still sends. */
export function computeNotFound(path: string): GoogleApiError {
  return new GoogleApiError(
    'NOT_FOUND',
    `The resource '${path}' was not found`,
    undefined,
    {},
    undefined,
    'notFound',
  );
}

export function computeAlreadyExists(path: string): GoogleApiError {
  return new GoogleApiError(
    'ALREADY_EXISTS',
    `The resource '${path}' already exists`,
    undefined,
    {},
    undefined,
    'alreadyExists',
  );
}

export function resourceInUse(kind: string, path: string, user: string): GoogleApiError {
  return new GoogleApiError(
    'FAILED_PRECONDITION',
    `The ${kind} resource '${path}' is already being used by '${user}'`,
    'RESOURCE_IN_USE_BY_ANOTHER_RESOURCE',
    {},
    400,
    'resourceInUseByAnotherResource',
  );
}

export function resourceNotReady(path: string): GoogleApiError {
  return new GoogleApiError(
    'FAILED_PRECONDITION',
    `The resource '${path}' is not ready`,
    'RESOURCE_NOT_READY',
    {},
    400,
    'resourceNotReady',
  );
}

export function fingerprintMismatch(): GoogleApiError {
  return new GoogleApiError(
    'FAILED_PRECONDITION',
    'Labels fingerprint either invalid or resource labels have changed',
    'CONDITION_NOT_MET',
    {},
    412,
    'conditionNotMet',
  );
}

export function computeInvalid(message: string): GoogleApiError {
  return new GoogleApiError('INVALID_ARGUMENT', message, undefined, {}, undefined, 'invalid');
}
