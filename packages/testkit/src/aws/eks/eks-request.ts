import { type JsonObject, stringField, stringMapField } from '../shared/json-body.js';
import { invalidParameter } from './eks-errors.js';
import type { RequestIdentity } from './eks-state.js';

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
