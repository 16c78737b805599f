import type { FakeResponse } from '../framework/index.js';
import { qualifiedKind, qualifiedResource, type ResourceType } from './resource-types.js';

/** One cause inside a Status's details (a failing field, a conflicting manager). */
export interface StatusCause {
  reason?: string;
  message?: string;
  field?: string;
}

/** The `details` of a Status. `kind` is the resource (`deployments`) except for Invalid, where it is the Kind. */
export interface StatusDetails {
  name?: string;
  group?: string;
  kind?: string;
  uid?: string;
  causes?: StatusCause[];
  retryAfterSeconds?: number;
}

/** The `Status` object the API server answers errors (and some deletes) with. */
export interface KubernetesStatus {
  kind: 'Status';
  apiVersion: 'v1';
  metadata: Record<string, never>;
  status: 'Success' | 'Failure';
  message?: string;
  reason?: string;
  details?: StatusDetails;
  code: number;
}

/** An API error a handler throws; the fake renders it as a `Status` response. */
export class KubernetesApiError extends Error {
  readonly status: KubernetesStatus;
  readonly headers: Record<string, string>;

  constructor(
    code: number,
    reason: string,
    message: string,
    details?: StatusDetails,
    headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'KubernetesApiError';
    this.status = {
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message,
      reason,
      ...(details ? { details } : {}),
      code,
    };
    this.headers = headers;
  }

  /** The error as an HTTP response. */
  toResponse(): FakeResponse {
    return jsonResponse(this.status.code, this.status, this.headers);
  }
}

/** A JSON response with the API server's content type. */
export function jsonResponse(
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): FakeResponse {
  return { status, headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) };
}

function resourceDetails(type: ResourceType, name: string): StatusDetails {
  return { name, ...(type.group ? { group: type.group } : {}), kind: type.plural };
}

/** 404: `deployments.apps "web" not found`. */
export function notFound(type: ResourceType, name: string): KubernetesApiError {
  return new KubernetesApiError(
    404,
    'NotFound',
    `${qualifiedResource(type)} "${name}" not found`,
    resourceDetails(type, name),
  );
}

/** 404 for a namespace that does not exist (creating into it, or reading it). */
export function namespaceNotFound(namespace: string): KubernetesApiError {
  return new KubernetesApiError(404, 'NotFound', `namespaces "${namespace}" not found`, {
    name: namespace,
    kind: 'namespaces',
  });
}

/** 404 for a path no resource is served at. */
export function pathNotFound(): KubernetesApiError {
  return new KubernetesApiError(404, 'NotFound', 'the server could not find the requested resource', {});
}

/** 409 AlreadyExists. */
export function alreadyExists(type: ResourceType, name: string): KubernetesApiError {
  return new KubernetesApiError(
    409,
    'AlreadyExists',
    `${qualifiedResource(type)} "${name}" already exists`,
    resourceDetails(type, name),
  );
}

/** 409 Conflict, by default the stale-resourceVersion message. */
export function conflict(
  type: ResourceType,
  name: string,
  detail = 'the object has been modified; please apply your changes to the latest version and try again',
  causes?: StatusCause[],
): KubernetesApiError {
  return new KubernetesApiError(
    409,
    'Conflict',
    `Operation cannot be fulfilled on ${qualifiedResource(type)} "${name}": ${detail}`,
    { ...resourceDetails(type, name), ...(causes ? { causes } : {}) },
  );
}

/** 422 Invalid, one cause per failing field. */
export function invalid(
  type: ResourceType,
  name: string,
  causes: Required<Pick<StatusCause, 'field' | 'message'>>[],
) {
  const message = `${qualifiedKind(type)} "${name}" is invalid: ${causes.map((cause) => `${cause.field}: ${cause.message}`).join(', ')}`;
  return new KubernetesApiError(422, 'Invalid', message, {
    name,
    ...(type.group ? { group: type.group } : {}),
    kind: type.kind,
    causes: causes.map((cause) => ({
      reason: cause.message.startsWith('Required value') ? 'FieldValueRequired' : 'FieldValueInvalid',
      ...cause,
    })),
  });
}

/** 400 BadRequest. */
export function badRequest(message: string): KubernetesApiError {
  return new KubernetesApiError(400, 'BadRequest', message);
}

/** 401 Unauthorized. */
export function unauthorized(): KubernetesApiError {
  return new KubernetesApiError(401, 'Unauthorized', 'Unauthorized');
}

/** 403 Forbidden about one object. */
export function forbidden(
  type: ResourceType,
  name: string,
  why: string,
  causes?: StatusCause[],
): KubernetesApiError {
  return new KubernetesApiError(
    403,
    'Forbidden',
    `${qualifiedResource(type)} "${name}" is forbidden: ${why}`,
    {
      ...resourceDetails(type, name),
      ...(causes ? { causes } : {}),
    },
  );
}

/** 405 MethodNotAllowed. */
export function methodNotAllowed(): KubernetesApiError {
  return new KubernetesApiError(
    405,
    'MethodNotAllowed',
    'the server does not allow this method on the requested resource',
    {},
  );
}

/** 415 UnsupportedMediaType for a PATCH content type the server does not take. */
export function unsupportedMediaType(contentType: string): KubernetesApiError {
  return new KubernetesApiError(
    415,
    'UnsupportedMediaType',
    `the body of the request was in an unknown format (${contentType}) - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml, application/strategic-merge-patch+json`,
  );
}

/** 429 TooManyRequests with Retry-After, as API Priority and Fairness rejects. */
export function tooManyRequests(retryAfterSeconds = 1): KubernetesApiError {
  return new KubernetesApiError(
    429,
    'TooManyRequests',
    'Too many requests, please try again later.',
    { retryAfterSeconds },
    { 'retry-after': String(retryAfterSeconds) },
  );
}

/** 500 InternalError. */
export function internalError(detail: string): KubernetesApiError {
  return new KubernetesApiError(500, 'InternalError', `Internal error occurred: ${detail}`, {
    causes: [{ message: detail }],
  });
}

/** 503 ServiceUnavailable. */
export function serviceUnavailable(): KubernetesApiError {
  return new KubernetesApiError(
    503,
    'ServiceUnavailable',
    'The server is currently unable to handle the request',
  );
}

/** 403 exceeded quota, the API server's answer when a ResourceQuota is used up. */
export function quotaExceeded(operation: string): KubernetesApiError {
  return new KubernetesApiError(
    403,
    'Forbidden',
    `exceeded quota: compute-resources, requested by ${operation}`,
    {},
  );
}
