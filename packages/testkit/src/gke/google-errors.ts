import type { FaultKind } from '../framework/faults.js';
import type { FakeResponse } from '../framework/http-service.js';

/** google.rpc.Code names and the HTTP status Google's REST surface sends with each (AIP-193). */
export const GOOGLE_STATUS = {
  INVALID_ARGUMENT: 400,
  FAILED_PRECONDITION: 400,
  UNAUTHENTICATED: 401,
  PERMISSION_DENIED: 403,
  NOT_FOUND: 404,
  ALREADY_EXISTS: 409,
  ABORTED: 409,
  RESOURCE_EXHAUSTED: 429,
  INTERNAL: 500,
  UNAVAILABLE: 503,
} as const;

export type GoogleStatus = keyof typeof GOOGLE_STATUS;

/**
 * An error a Google fake answers with. Rendered as Google's JSON error body:
 * `{"error": {code, message, status, details: [ErrorInfo]}}`; compute v1 adds its legacy
 * `errors: [{message, domain, reason}]` list.
 */
export class GoogleApiError extends Error {
  readonly httpStatus: number;
  constructor(
    readonly status: GoogleStatus,
    message: string,
    /** ErrorInfo's reason, e.g. `CLUSTER_ALREADY_HAS_OPERATION`, `RATE_LIMIT_EXCEEDED`. */
    readonly reason?: string,
    readonly metadata: Readonly<Record<string, string>> = {},
    /** The HTTP status when it is not the status's usual one (compute's 403 quotaExceeded). */
    httpStatus?: number,
    /** compute v1's legacy reason (`notFound`, `alreadyExists`, `resourceInUseByAnotherResource`). */
    readonly legacyReason?: string,
  ) {
    super(message);
    this.httpStatus = httpStatus ?? GOOGLE_STATUS[status];
  }
}

/** The body a Google API sends for `error`, with ErrorInfo in `details` under the service's domain. */
export function googleErrorResponse(error: GoogleApiError, domain: string): FakeResponse {
  const details =
    error.reason === undefined
      ? []
      : [
          {
            '@type': 'type.googleapis.com/google.rpc.ErrorInfo',
            reason: error.reason,
            domain,
            metadata: error.metadata,
          },
        ];
  const legacy =
    error.legacyReason === undefined
      ? {}
      : { errors: [{ message: error.message, domain: 'global', reason: error.legacyReason }] };
  return {
    status: error.httpStatus,
    headers: { 'content-type': 'application/json; charset=UTF-8' },
    body: JSON.stringify({
      error: { code: error.httpStatus, message: error.message, ...legacy, status: error.status, details },
    }),
  };
}

/**
 * Injected faults in Google's shapes. A throttle is a rate-limit RESOURCE_EXHAUSTED (retryable); a
 * `quota` fault is the quota error a create meets when the project is out of CPUs.
 */
export function googleFault(kind: Exclude<FaultKind, 'drop'>, project = 'the project'): GoogleApiError {
  switch (kind) {
    case 'throttle':
      return new GoogleApiError(
        'RESOURCE_EXHAUSTED',
        "Quota exceeded for quota metric 'Requests' and limit 'Requests per minute' of service.",
        'RATE_LIMIT_EXCEEDED',
      );
    case 'quota':
      return new GoogleApiError(
        'RESOURCE_EXHAUSTED',
        `Insufficient regional quota to satisfy request: resource "CPUS": request requires '6.0' and is short '2.0'. project has a quota of '24.0' with '4.0' available. View and manage quotas at https://console.cloud.google.com/iam-admin/quotas?usage=USED&project=${project}.`,
        'QUOTA_EXCEEDED',
        { quota_metric: 'CPUS' },
        403,
        'quotaExceeded',
      );
    case 'unavailable':
      return new GoogleApiError('UNAVAILABLE', 'The service is currently unavailable.');
    default:
      return new GoogleApiError('INTERNAL', 'Internal error encountered.');
  }
}

export function notFound(what: string, legacyReason?: string): GoogleApiError {
  return new GoogleApiError('NOT_FOUND', what, undefined, {}, undefined, legacyReason);
}

export function invalidArgument(message: string, legacyReason?: string): GoogleApiError {
  return new GoogleApiError('INVALID_ARGUMENT', message, undefined, {}, undefined, legacyReason);
}

/** 401 for a missing or unknown access token, as every googleapis.com service words it. */
export function unauthenticated(): GoogleApiError {
  return new GoogleApiError(
    'UNAUTHENTICATED',
    'Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential. See https://developers.google.com/identity/sign-in/web/devconsole-project.',
    'ACCESS_TOKEN_TYPE_UNSUPPORTED',
  );
}

/** 403 on a project the caller has no role on (IAM answers the same whether it exists or not). */
export function permissionDenied(permission: string, resource: string): GoogleApiError {
  return new GoogleApiError(
    'PERMISSION_DENIED',
    `Permission '${permission}' denied on resource '${resource}' (or it may not exist).`,
    'IAM_PERMISSION_DENIED',
    { permission, resource },
  );
}
