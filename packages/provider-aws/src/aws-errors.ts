import { HubfleetError, type HubfleetErrorKind } from '@hubfleet/core';
import { credentialsError } from './aws-credentials-error.js';
import { invalidHint, permissionHint, quotaHint } from './aws-error-hints.js';

/** What hubfleet reads of an AWS SDK error; every field is optional because anything can be thrown. */
interface AwsErrorShape {
  name?: unknown;
  message?: unknown;
  code?: unknown;
  $metadata?: { httpStatusCode?: unknown };
  $retryable?: { throttling?: unknown };
}

/** Where the error happened, for the message and the hint. */
export interface AwsErrorContext {
  /** `service:Action`, e.g. `eks:CreateCluster`: the IAM action too. */
  operation?: string;
  /** What hubfleet was working on, e.g. `cluster/quickstart` or `nodegroup/users`. */
  subject?: string;
  region?: string;
}

const THROTTLING = new Set([
  'ThrottlingException',
  'Throttling',
  'TooManyRequestsException',
  'RequestLimitExceeded',
  'RequestThrottled',
  'RequestThrottledException',
  'SlowDown',
  'PriorRequestNotComplete',
  'BandwidthLimitExceeded',
  'EC2ThrottledException',
]);

const UNAVAILABLE = new Set([
  'ServerException',
  'ServiceUnavailableException',
  'ServiceUnavailable',
  'Unavailable',
  'InternalError',
  'InternalFailure',
  'InternalServerError',
  'ServiceFailure',
  'ResourcePropagationDelayException',
  'RequestTimeout',
  'RequestTimeoutException',
  'TimeoutError',
]);

const NETWORK_FAILURES = new Set(['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ETIMEDOUT', 'EAI_AGAIN']);

// Query-protocol clients (IAM, STS) name their modelled errors `<Code>Exception`: NoSuchEntity
// arrives as NoSuchEntityException. `baseCode` folds both spellings into the one below.
const NOT_FOUND = new Set([
  'ResourceNotFoundException',
  'NoSuchEntity',
  'NotFoundException',
  'NoSuchBucket',
  'NoSuchKey',
  'NotFound',
]);

/** Busy, not wrong: trying again after the other operation finishes helps. */
const BUSY = new Set([
  'VolumeInUse',
  'DependencyViolation',
  'DeleteConflict',
  'IncorrectState',
  'ConcurrentModification',
  'ConcurrentModificationException',
  'OperationAborted',
]);

const EXISTS = new Set([
  'EntityAlreadyExists',
  'BucketAlreadyExists',
  'BucketAlreadyOwnedByYou',
  'IdempotentParameterMismatch',
  'RouteAlreadyExists',
  'Resource.AlreadyAssociated',
]);

const QUOTA = new Set([
  'ResourceLimitExceededException',
  'LimitExceeded',
  'LimitExceededException',
  'ServiceQuotaExceededException',
  'QuotaExceeded',
]);

const PERMISSION = new Set([
  'AccessDenied',
  'AccessDeniedException',
  'UnauthorizedOperation',
  'UnauthorizedException',
  'UnrecognizedClientException',
  'InvalidClientTokenId',
  'InvalidAccessKeyId',
  'SignatureDoesNotMatch',
  'MissingAuthenticationToken',
  'ExpiredToken',
  'ExpiredTokenException',
  'AuthFailure',
  'OptInRequired',
  'RegionDisabledException',
]);

const INVALID = new Set([
  'InvalidParameterException',
  'InvalidParameterValue',
  'InvalidParameterCombination',
  'InvalidParameter',
  'InvalidRequestException',
  'InvalidInput',
  'MissingParameter',
  'ValidationError',
  'ValidationException',
  'MalformedPolicyDocument',
  'ClientException',
  'BadRequestException',
  'UnsupportedAvailabilityZoneException',
]);

function shapeOf(error: unknown): AwsErrorShape {
  return typeof error === 'object' && error !== null ? (error as AwsErrorShape) : {};
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** An AWS error's code is its `name`; a Node network error is a plain `Error` with a `code`. */
function codeOf(shape: AwsErrorShape): string | undefined {
  const name = text(shape.name);
  return name === undefined || name === 'Error' ? (text(shape.code) ?? name) : name;
}

/** Codes whose SDK exception adds `Exception` to the wire code (IAM, STS, S3). */
const QUERY_CODES = new Set([
  'NoSuchEntity',
  'EntityAlreadyExists',
  'DeleteConflict',
  'LimitExceeded',
  'MalformedPolicyDocument',
  'InvalidInput',
  'ServiceFailure',
  'ConcurrentModification',
  'UnmodifiableEntity',
  'ExpiredToken',
  'InvalidClientTokenId',
]);

/** `NoSuchEntityException` → `NoSuchEntity`: one spelling per error, whichever client threw it. */
function baseCode(code: string): string {
  const bare = code.endsWith('Exception') ? code.slice(0, -'Exception'.length) : code;
  return QUERY_CODES.has(bare) ? bare : code;
}

/**
 * The AWS error code (`ResourceNotFoundException`, `InvalidVolume.NotFound`, `NoSuchEntity`),
 * looking through a mapped error's cause.
 */
export function awsErrorCode(error: unknown): string | undefined {
  const code = codeOf(shapeOf(HubfleetError.is(error) ? error.cause : error));
  return code === undefined ? undefined : baseCode(code);
}

function statusOf(shape: AwsErrorShape): number | undefined {
  const status = shape.$metadata?.httpStatusCode;
  return typeof status === 'number' ? status : undefined;
}

interface Classification {
  kind: HubfleetErrorKind;
  retryable: boolean;
}

function classifyByCode(code: string, message: string): Classification | undefined {
  if (THROTTLING.has(code)) return { kind: 'throttled', retryable: true };
  if (UNAVAILABLE.has(code) || NETWORK_FAILURES.has(code)) return { kind: 'unavailable', retryable: true };
  if (NOT_FOUND.has(code) || code.endsWith('.NotFound')) return { kind: 'not-found', retryable: false };
  if (BUSY.has(code)) return { kind: 'conflict', retryable: true };
  if (EXISTS.has(code) || code.endsWith('.Duplicate')) return { kind: 'conflict', retryable: false };
  if (code === 'ResourceInUseException') {
    // "already exists" will not change by waiting; "has update in progress" / "is in DELETING status" will.
    return { kind: 'conflict', retryable: !/already exists/i.test(message) };
  }
  if (QUOTA.has(code) || /LimitExceeded(Exception)?$/.test(code)) return { kind: 'quota', retryable: false };
  if (PERMISSION.has(code)) return { kind: 'permission', retryable: false };
  if (code === 'InvalidRequestException' && /\bstatus\b/i.test(message)) {
    // EKS: "Cluster 'x' is not in ACTIVE status" while it is still being created.
    return { kind: 'conflict', retryable: true };
  }
  if (code === 'InvalidParameterException' && /could not be assumed|trusted entit/i.test(message)) {
    // A role created a moment ago is not yet visible to EKS: IAM is eventually consistent.
    return { kind: 'unavailable', retryable: true };
  }
  if (INVALID.has(code) || /^Invalid[\w]*\.(Malformed|Range|Conflict)$/.test(code)) {
    return { kind: 'invalid-config', retryable: false };
  }
  return undefined;
}

function classifyByStatus(status: number | undefined): Classification {
  if (status === 429) return { kind: 'throttled', retryable: true };
  if (status !== undefined && status >= 500) return { kind: 'unavailable', retryable: true };
  if (status === 404) return { kind: 'not-found', retryable: false };
  if (status === 403) return { kind: 'permission', retryable: false };
  if (status === 409) return { kind: 'conflict', retryable: false };
  if (status === 400) return { kind: 'invalid-config', retryable: false };
  return { kind: 'internal', retryable: false };
}

function classify(shape: AwsErrorShape, code: string, message: string): Classification {
  if (code === 'AbortError') return { kind: 'interrupted', retryable: false };
  const byCode = classifyByCode(code, message);
  if (byCode !== undefined) return byCode;
  if (shape.$retryable?.throttling === true) return { kind: 'throttled', retryable: true };
  if (shape.$retryable !== undefined) return { kind: 'unavailable', retryable: true };
  return classifyByStatus(statusOf(shape));
}

const GENERIC_HINTS: Partial<Record<HubfleetErrorKind, string>> = {
  throttled:
    'AWS asked hubfleet to slow down; it retries with backoff. If it persists, another tool is using the same account heavily.',
  unavailable:
    'a temporary AWS problem; hubfleet retries. If it persists, check https://health.aws.amazon.com for the region.',
  'not-found': 'it is gone or was never created; run `hubfleet plan` to see what exists',
  interrupted: 're-run the command: every step is idempotent and picks up where it stopped',
  internal: 'an AWS error hubfleet does not recognise; please report it with the message above',
};

function hintFor(kind: HubfleetErrorKind, code: string, message: string, context: AwsErrorContext): string {
  if (kind === 'quota') return quotaHint(code, message, context.operation, context.region);
  if (kind === 'permission') return permissionHint(code, message, context.operation);
  if (kind === 'invalid-config') return invalidHint(message, context.subject);
  if (kind === 'conflict') {
    return BUSY.has(code) || code === 'ResourceInUseException' || code === 'InvalidRequestException'
      ? 'another operation on it is still running; hubfleet retries when it is done'
      : 'a resource with this name already exists and is not this deployment’s; rename the deployment or remove the other resource';
  }
  if (kind === 'unavailable' && code === 'InvalidParameterException') {
    return 'IAM changes take a few seconds to reach EKS; hubfleet retries';
  }
  return GENERIC_HINTS[kind] ?? '';
}

/**
 * Maps anything an AWS SDK call throws to a HubfleetError: throttling and 5xx are retryable
 * (`throttled` / `unavailable`), quota and permission and invalid parameters stop with a hint that
 * says what to do. A HubfleetError passes through unchanged. The original error is the `cause`,
 * so `awsErrorCode` still sees the AWS code.
 */
export function mapAwsError(error: unknown, context: AwsErrorContext = {}): HubfleetError {
  if (HubfleetError.is(error)) return error;
  const shape = shapeOf(error);
  const code = baseCode(codeOf(shape) ?? 'Error');
  const message = text(shape.message) ?? String(error);
  const noCredentials = credentialsError(error, code, message);
  if (noCredentials !== undefined) return noCredentials;
  const { kind, retryable } = classify(shape, code, message);
  const where = context.operation === undefined ? 'AWS' : `AWS ${context.operation}`;
  return new HubfleetError({
    kind,
    retryable,
    message: `${where} failed${context.subject === undefined ? '' : ` for ${context.subject}`}: ${code}: ${message}`,
    hint: hintFor(kind, code, message, context),
    ...(context.subject === undefined ? {} : { subject: context.subject }),
    cause: error,
  });
}

/** True when `error` (mapped or raw) is one of these AWS error codes. */
export function isAwsError(error: unknown, ...codes: string[]): boolean {
  const code = awsErrorCode(error);
  return code !== undefined && codes.includes(code);
}

/** True for a HubfleetError of kind `not-found` or a raw AWS not-found error. */
export function isNotFound(error: unknown): boolean {
  if (HubfleetError.is(error)) return error.kind === 'not-found';
  return mapAwsError(error).kind === 'not-found';
}
