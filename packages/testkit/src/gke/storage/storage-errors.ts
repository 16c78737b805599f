import { GoogleApiError } from '../google-errors.js';

/** Cloud Storage's JSON API errors: the HTTP code and the legacy `errors[].reason` GCS sends. */
export function noSuchBucket(): GoogleApiError {
  return new GoogleApiError(
    'NOT_FOUND',
    'The specified bucket does not exist.',
    undefined,
    {},
    undefined,
    'notFound',
  );
}

export function noSuchObject(bucket: string, name: string): GoogleApiError {
  return new GoogleApiError(
    'NOT_FOUND',
    `No such object: ${bucket}/${name}`,
    undefined,
    {},
    undefined,
    'notFound',
  );
}

export function bucketConflict(message: string): GoogleApiError {
  return new GoogleApiError('ALREADY_EXISTS', message, undefined, {}, 409, 'conflict');
}

/** 412 for an `ifGenerationMatch` / `ifMetagenerationMatch` (or IAM etag) that did not hold. */
export function conditionNotMet(): GoogleApiError {
  return new GoogleApiError(
    'FAILED_PRECONDITION',
    'At least one of the pre-conditions you specified did not hold.',
    undefined,
    {},
    412,
    'conditionNotMet',
  );
}

export function storageInvalid(message: string): GoogleApiError {
  return new GoogleApiError('INVALID_ARGUMENT', message, undefined, {}, undefined, 'invalid');
}
