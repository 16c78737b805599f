import { HubfleetError, type HubfleetErrorKind } from '@hubfleet/core';

/**
 * What a Google API error says, normalised. The SDKs surface errors three ways: gax's GoogleError
 * (`code` a google.rpc code number, `reason` from ErrorInfo), a GaxiosError whose message is the
 * JSON error body (REST mode with an `authClient`), or a plain network error.
 */
export interface GoogleErrorShape {
  /** google.rpc status name: `FAILED_PRECONDITION`, `NOT_FOUND`, … */
  status?: string;
  httpStatus?: number;
  /** ErrorInfo's reason, e.g. `CLUSTER_ALREADY_HAS_OPERATION`, or compute's legacy `errors[].reason`. */
  reason?: string;
  message: string;
  /** Node's network error code (`ECONNRESET`, `ECONNREFUSED`). */
  networkCode?: string;
}

const RPC_NAMES = [
  'OK',
  'CANCELLED',
  'UNKNOWN',
  'INVALID_ARGUMENT',
  'DEADLINE_EXCEEDED',
  'NOT_FOUND',
  'ALREADY_EXISTS',
  'PERMISSION_DENIED',
  'RESOURCE_EXHAUSTED',
  'FAILED_PRECONDITION',
  'ABORTED',
  'OUT_OF_RANGE',
  'UNIMPLEMENTED',
  'INTERNAL',
  'UNAVAILABLE',
  'DATA_LOSS',
  'UNAUTHENTICATED',
];

const STATUS_BY_HTTP: Readonly<Record<number, string>> = {
  400: 'INVALID_ARGUMENT',
  401: 'UNAUTHENTICATED',
  403: 'PERMISSION_DENIED',
  404: 'NOT_FOUND',
  409: 'ALREADY_EXISTS',
  412: 'FAILED_PRECONDITION',
  429: 'RESOURCE_EXHAUSTED',
  500: 'INTERNAL',
  502: 'UNAVAILABLE',
  503: 'UNAVAILABLE',
  504: 'DEADLINE_EXCEEDED',
};

interface ErrorBody {
  error?: {
    code?: number;
    status?: string;
    message?: string;
    details?: { reason?: string }[];
    errors?: { reason?: string }[];
  };
}

function fromBody(body: ErrorBody, fallback: string): GoogleErrorShape | undefined {
  const error = body.error;
  if (error === undefined || typeof error !== 'object') return undefined;
  const reason =
    error.details?.find((detail) => typeof detail.reason === 'string')?.reason ??
    error.errors?.find((entry) => typeof entry.reason === 'string')?.reason;
  const httpStatus = typeof error.code === 'number' ? error.code : undefined;
  const status = error.status ?? (httpStatus === undefined ? undefined : STATUS_BY_HTTP[httpStatus]);
  return {
    message: error.message ?? fallback,
    ...(status === undefined ? {} : { status }),
    ...(httpStatus === undefined ? {} : { httpStatus }),
    ...(reason === undefined ? {} : { reason }),
  };
}

function parseJson(text: unknown): unknown {
  if (typeof text !== 'string' || !text.trimStart().startsWith('{')) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export function googleErrorOf(error: unknown): GoogleErrorShape {
  const shape = (error ?? {}) as {
    message?: unknown;
    code?: unknown;
    status?: unknown;
    reason?: unknown;
    response?: { data?: unknown; status?: unknown };
  };
  const message = typeof shape.message === 'string' ? shape.message : String(error);
  const body = (parseJson(message) ?? parseJson(shape.response?.data) ?? shape.response?.data) as
    | ErrorBody
    | undefined;
  const parsed = body === undefined ? undefined : fromBody(body, message);
  if (parsed !== undefined) return parsed;
  if (typeof shape.code === 'string' && /^E[A-Z]+$/.test(shape.code))
    return { message, networkCode: shape.code };
  if (typeof shape.code === 'number') {
    // gax's GoogleError carries a google.rpc code; a GaxiosError without a body an HTTP status.
    const status = shape.code < RPC_NAMES.length ? RPC_NAMES[shape.code] : STATUS_BY_HTTP[shape.code];
    return {
      message,
      ...(status === undefined ? {} : { status }),
      ...(shape.code >= 100 ? { httpStatus: shape.code } : {}),
      ...(typeof shape.reason === 'string' ? { reason: shape.reason } : {}),
    };
  }
  return { message };
}

/** What an error is about: the API call and its subject, for the message. */
export interface GoogleErrorContext {
  /** The API method, e.g. `container.projects.locations.clusters.create`. */
  operation?: string;
  subject?: string;
  project?: string;
}

interface Classification {
  kind: HubfleetErrorKind;
  retryable: boolean;
  hint: string;
}

/** The quota a RESOURCE_EXHAUSTED message names (`resource "CPUS"`, `Quota 'SSD_TOTAL_GB'`). */
function quotaName(message: string): string | undefined {
  return /resource "([A-Z_]+)"/.exec(message)?.[1] ?? /Quota '([A-Z_]+)'/.exec(message)?.[1];
}

/** The IAM permission a PERMISSION_DENIED message names. */
function permissionName(message: string): string | undefined {
  return (
    /Permission '([a-zA-Z.]+)'/.exec(message)?.[1] ?? /required '([a-zA-Z.]+)' permission/.exec(message)?.[1]
  );
}

/** The predefined role that grants a permission, for the hint. */
function roleFor(permission: string | undefined): string {
  if (permission?.startsWith('container.')) return 'roles/container.admin (Kubernetes Engine Admin)';
  if (permission?.startsWith('compute.')) return 'roles/compute.storageAdmin and roles/compute.publicIpAdmin';
  return 'roles/container.admin, roles/compute.storageAdmin and roles/compute.publicIpAdmin';
}

function classify(shape: GoogleErrorShape, context: GoogleErrorContext): Classification {
  const project = context.project ?? 'the project';
  if (shape.networkCode !== undefined) {
    return {
      kind: 'unavailable',
      retryable: true,
      hint: 'the connection to Google Cloud failed; hubfleet retries',
    };
  }
  const reason = shape.reason ?? '';
  switch (shape.status) {
    case 'FAILED_PRECONDITION':
    case 'ABORTED':
      return {
        kind: 'conflict',
        retryable: true,
        hint:
          reason === 'CLUSTER_ALREADY_HAS_OPERATION' || /incompatible operation|currently/.test(shape.message)
            ? 'another operation is running on the cluster (GKE runs one at a time, including its own upgrades and repairs); hubfleet waits for it and retries'
            : 'the resource is busy or changed meanwhile; hubfleet reads it again and retries',
      };
    case 'RESOURCE_EXHAUSTED': {
      if (reason === 'RATE_LIMIT_EXCEEDED' || /per minute|rate limit/i.test(shape.message)) {
        return {
          kind: 'throttled',
          retryable: true,
          hint: 'Google asked hubfleet to slow down; it retries with backoff',
        };
      }
      const quota = quotaName(shape.message);
      return {
        kind: 'quota',
        retryable: false,
        hint: `the project is out of ${quota === undefined ? 'a quota' : `its ${quota} quota`}: request more at https://console.cloud.google.com/iam-admin/quotas?project=${project}${quota === undefined ? '' : ` (filter: ${quota})`}, or choose smaller or fewer machines`,
      };
    }
    case 'PERMISSION_DENIED': {
      if (reason === 'QUOTA_EXCEEDED' || /quota/i.test(shape.message)) {
        const quota = quotaName(shape.message);
        return {
          kind: 'quota',
          retryable: false,
          hint: `the project is out of ${quota === undefined ? 'a quota' : `its ${quota} quota`}: request more at https://console.cloud.google.com/iam-admin/quotas?project=${project}`,
        };
      }
      const permission = permissionName(shape.message);
      return {
        kind: 'permission',
        retryable: false,
        hint: `the credentials lack ${permission === undefined ? 'a permission' : `'${permission}'`} on ${project}: grant ${roleFor(permission)} to the account (gcloud projects add-iam-policy-binding ${project} --member=… --role=…), or check that the project id is right and its APIs (container.googleapis.com, compute.googleapis.com) are enabled`,
      };
    }
    case 'UNAUTHENTICATED':
      return {
        kind: 'permission',
        retryable: false,
        hint: 'the credentials were refused: run `gcloud auth application-default login`, or point GOOGLE_APPLICATION_CREDENTIALS (or provider.credentials) at a valid service-account key',
      };
    case 'NOT_FOUND':
      return {
        kind: 'not-found',
        retryable: false,
        hint: 'it is gone or was never created; run `hubfleet plan` to see what exists',
      };
    case 'ALREADY_EXISTS':
      return {
        kind: 'conflict',
        retryable: false,
        hint: 'a resource with this name already exists; hubfleet adopts it only when its labels say it is this deployment’s',
      };
    case 'INVALID_ARGUMENT':
    case 'OUT_OF_RANGE':
      return {
        kind: 'invalid-config',
        retryable: false,
        hint: 'fix the config value the message names, then run `hubfleet up` again',
      };
    case 'UNAVAILABLE':
    case 'INTERNAL':
    case 'DEADLINE_EXCEEDED':
    case 'UNKNOWN':
      return {
        kind: 'unavailable',
        retryable: true,
        hint: 'a temporary Google Cloud problem; hubfleet retries. If it persists, check https://status.cloud.google.com',
      };
    case 'CANCELLED':
      return { kind: 'interrupted', retryable: false, hint: 're-run the command: every step is idempotent' };
    default:
      return {
        kind: 'internal',
        retryable: false,
        hint: 'a Google Cloud error hubfleet does not recognise; please report it with the message above',
      };
  }
}

/** Any SDK error as a HubfleetError; a HubfleetError passes through. The original is the `cause`. */
export function mapGoogleError(error: unknown, context: GoogleErrorContext = {}): HubfleetError {
  if (HubfleetError.is(error)) return error;
  if ((error as { name?: unknown } | undefined)?.name === 'AbortError') {
    return new HubfleetError({ kind: 'interrupted', message: 'interrupted', cause: error });
  }
  const shape = googleErrorOf(error);
  const { kind, retryable, hint } = classify(shape, context);
  const where = context.operation === undefined ? 'Google Cloud' : context.operation;
  const code = [shape.status, shape.reason].filter(Boolean).join('/');
  return new HubfleetError({
    kind,
    retryable,
    message: `${where} failed${context.subject === undefined ? '' : ` for ${context.subject}`}: ${code === '' ? '' : `${code}: `}${shape.message}`,
    hint,
    ...(context.subject === undefined ? {} : { subject: context.subject }),
    cause: error,
  });
}

/** The Google status and reason of an error (mapped or raw). */
export function googleStatusOf(error: unknown): GoogleErrorShape {
  return googleErrorOf(HubfleetError.is(error) ? error.cause : error);
}

export function isGoogleNotFound(error: unknown): boolean {
  return googleStatusOf(error).status === 'NOT_FOUND';
}

export function isGoogleAlreadyExists(error: unknown): boolean {
  return googleStatusOf(error).status === 'ALREADY_EXISTS';
}

/** The cluster is busy with another operation (GKE: one at a time). */
export function isClusterBusy(error: unknown): boolean {
  const shape = googleStatusOf(error);
  return (
    shape.status === 'FAILED_PRECONDITION' &&
    (shape.reason === 'CLUSTER_ALREADY_HAS_OPERATION' || /operation/i.test(shape.message))
  );
}
