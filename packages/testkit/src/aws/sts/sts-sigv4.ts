import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Query-string SigV4 (presigned URLs), recomputed with node:crypto so the fake can tell a genuine
 * signature from a tampered one. Mirrors the canonical request of the SigV4 spec: method, path,
 * sorted RFC 3986-encoded query without the signature, signed headers, and the empty-body hash.
 */
const EMPTY_BODY_SHA256 = createHash('sha256').update('').digest('hex');

function rfc3986(value: string): string {
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

function canonicalQuery(query: URLSearchParams): string {
  return [...query]
    .filter(([key]) => key !== 'X-Amz-Signature')
    .map(([key, value]) => [rfc3986(key), rfc3986(value)] as const)
    .sort(([keyA, valueA], [keyB, valueB]) =>
      keyA < keyB ? -1 : keyA > keyB ? 1 : valueA < valueB ? -1 : valueA > valueB ? 1 : 0,
    )
    .map(([key, value]) => `${key}=${value}`)
    .join('&');
}

function canonicalHeaders(
  signedHeaders: readonly string[],
  headers: Readonly<Record<string, string>>,
): string {
  return signedHeaders
    .map((name) => `${name}:${(headers[name] ?? '').trim().replace(/\s+/g, ' ')}\n`)
    .join('');
}

function hmac(key: Buffer | string, data: string): Buffer {
  return createHmac('sha256', key).update(data).digest();
}

export interface PresignedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  /** Lower-cased names; must hold every signed header, `host` included. */
  headers: Readonly<Record<string, string>>;
}

/** The signature a presigned request should carry for `secretAccessKey`, or undefined if unreadable. */
export function expectedPresignedSignature(
  request: PresignedRequest,
  secretAccessKey: string,
): string | undefined {
  const credential = request.query.get('X-Amz-Credential')?.split('/');
  const amzDate = request.query.get('X-Amz-Date');
  const signedHeaders = request.query.get('X-Amz-SignedHeaders')?.split(';');
  if (credential?.length !== 5 || !amzDate || !signedHeaders) return undefined;
  const [, date, region, service, terminator] = credential as [string, string, string, string, string];
  const canonicalRequest = [
    request.method,
    request.path || '/',
    canonicalQuery(request.query),
    canonicalHeaders(signedHeaders, request.headers),
    signedHeaders.join(';'),
    EMPTY_BODY_SHA256,
  ].join('\n');
  const scope = `${date}/${region}/${service}/${terminator}`;
  const stringToSign = [
    'AWS4-HMAC-SHA256',
    amzDate,
    scope,
    createHash('sha256').update(canonicalRequest).digest('hex'),
  ].join('\n');
  const signingKey = hmac(hmac(hmac(hmac(`AWS4${secretAccessKey}`, date), region), service), terminator);
  return hmac(signingKey, stringToSign).toString('hex');
}

export function signaturesMatch(expected: string, actual: string): boolean {
  const a = Buffer.from(expected);
  const b = Buffer.from(actual);
  return a.length === b.length && timingSafeEqual(a, b);
}
