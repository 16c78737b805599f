import type { AwsServiceError } from '../shared/aws-errors.js';
import { type AwsFaultTable, faultError, type RenderedFaultKind } from '../shared/aws-faults.js';
import { s3Error } from './s3-errors.js';

/** Injected faults in S3's words: SlowDown and ServiceUnavailable are 503, InternalError 500. */
const S3_FAULTS: AwsFaultTable = {
  throttle: { code: 'SlowDown', status: 503, message: 'Please reduce your request rate.' },
  'server-error': {
    code: 'InternalError',
    status: 500,
    message: 'We encountered an internal error. Please try again.',
  },
  unavailable: { code: 'ServiceUnavailable', status: 503, message: 'Service is unable to handle request.' },
  // S3 has no general quota error; operations without a limit of their own answer this 400.
  quota: { code: 'InvalidRequest', status: 400, message: 'The request exceeds a limit of this account.' },
};

/** The limit errors S3 does have, by operation. */
const QUOTA_ERRORS: Readonly<Record<string, { code: string; message: string }>> = {
  CreateBucket: { code: 'TooManyBuckets', message: 'You have attempted to create more buckets than allowed' },
  PutObject: { code: 'EntityTooLarge', message: 'Your proposed upload exceeds the maximum allowed size' },
  PutBucketTagging: { code: 'InvalidTag', message: 'Bucket tag count cannot be greater than 50' },
};

export function s3FaultError(kind: RenderedFaultKind, operation: string): AwsServiceError {
  const quota = kind === 'quota' ? QUOTA_ERRORS[operation] : undefined;
  return quota ? s3Error(quota.code, 400, quota.message) : faultError(S3_FAULTS, kind);
}
