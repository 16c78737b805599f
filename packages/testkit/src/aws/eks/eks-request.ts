import { type JsonObject, stringField, stringMapField } from '../../framework/json-body.js';
import { invalidParameter } from './eks-errors.js';
import type { EksState, RequestIdentity } from './eks-state.js';

/** One restJson call as the handlers see it: path labels, query string and the parsed body. */
export interface EksRequest {
  labels: Record<string, string>;
  query: URLSearchParams;
  body: JsonObject;
}

export function label(request: EksRequest, name: string): string {
  const value = request.labels[name];
  if (value === undefined || value === '') throw invalidParameter(`The path parameter ${name} is required.`);
  return value;
}

export function requiredString(
  body: JsonObject | undefined,
  field: string,
  fields: Record<string, string> = {},
): string {
  const value = stringField(body, field);
  if (value === undefined || value === '') throw invalidParameter(`${field} is required.`, fields);
  return value;
}

const MAX_TAGS = 50;

/** Tags on create: at most 50, per the EKS tagging limits. */
export function tagsOf(body: JsonObject, fields: Record<string, string> = {}): Record<string, string> {
  const tags = stringMapField(body, 'tags') ?? {};
  if (Object.keys(tags).length > MAX_TAGS)
    throw invalidParameter(`A resource can have at most ${MAX_TAGS} tags.`, fields);
  return tags;
}

function stableStringify(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) =>
      a < b ? -1 : a > b ? 1 : 0,
    );
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${stableStringify(item)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** The token and a fingerprint of everything else in the request, to recognise a retried create. */
export function requestIdentityOf(request: EksRequest): RequestIdentity {
  const { clientRequestToken, ...rest } = request.body;
  return {
    clientRequestToken: typeof clientRequestToken === 'string' ? clientRequestToken : undefined,
    requestFingerprint: stableStringify({ labels: request.labels, body: rest }),
  };
}

/**
 * Idempotency: a repeated request with the same clientRequestToken and the same parameters gets the
 * original result instead of ResourceInUseException. A different request under an existing name is a
 * conflict, token or not.
 */
export function isRetryOf(existing: RequestIdentity, incoming: RequestIdentity): boolean {
  return (
    incoming.clientRequestToken !== undefined &&
    existing.clientRequestToken === incoming.clientRequestToken &&
    existing.requestFingerprint === incoming.requestFingerprint
  );
}

/** `maxResults` from the query string, clamped to EKS's 1..100 (default 100). */
export function maxResultsOf(request: EksRequest): number {
  const value = Number(request.query.get('maxResults') ?? 100);
  return Number.isInteger(value) && value >= 1 ? Math.min(value, 100) : 100;
}

/**
 * Tokens outlive what they made. A create whose token was already spent on another request, or on
 * a resource that has since been deleted, is refused rather than answered with the old resource or
 * silently made anew: call this after the live-resource retry check, then `spendToken` once created.
 *
 * Assumed: the EKS API reference documents `clientRequestToken` only as "a unique, case-sensitive
 * identifier that you provide to ensure the idempotency of the request" and names no error for a
 * reused one. The answer is modelled on EC2's `IdempotentParameterMismatch` ("associated with a
 * resource that is already deleted"), as EKS's InvalidParameterException.
 */
export function refuseSpentToken(state: EksState, operation: string, identity: RequestIdentity): void {
  const token = identity.clientRequestToken;
  const spent = token === undefined ? undefined : state.spentTokens?.[`${operation}:${token}`];
  if (spent === undefined) return;
  throw invalidParameter(
    `The clientRequestToken ${token} was already used for ${spent.resource}, which this request is not a retry of. Use a new token for a new request.`,
  );
}

export function spendToken(
  state: EksState,
  operation: string,
  identity: RequestIdentity,
  resource: string,
): void {
  const token = identity.clientRequestToken;
  if (token === undefined) return;
  state.spentTokens ??= {};
  state.spentTokens[`${operation}:${token}`] = { resource, requestFingerprint: identity.requestFingerprint };
}
