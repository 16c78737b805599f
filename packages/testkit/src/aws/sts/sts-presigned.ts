import { expectedPresignedSignature, type PresignedRequest, signaturesMatch } from './sts-sigv4.js';

/** STS accepts a presigned GetCallerIdentity for 15 minutes after X-Amz-Date, whatever X-Amz-Expires says. */
export const PRESIGNED_VALIDITY_MS = 15 * 60_000;

export type PresignedCheck =
  | { ok: true; accessKeyId: string; region: string; signedAt: number; signatureChecked: boolean }
  | { ok: false; problem: 'format' | 'expired' | 'unknown-key' | 'signature'; message: string };

export interface PresignedCheckOptions {
  now: number;
  secretAccessKeyFor: (accessKeyId: string) => string | undefined;
  /** When false, a key with no known secret passes unchecked (the fake's lenient default). */
  requireSignature: boolean;
}

export function parseAmzDate(value: string): number | undefined {
  const match = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
  if (!match) return undefined;
  const [, year, month, day, hour, minute, second] = match.map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  return Date.UTC(year, month - 1, day, hour, minute, second);
}

export function formatAmzDate(milliseconds: number): string {
  return new Date(milliseconds)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

const SIGNATURE_MISMATCH =
  'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.';

/** The checks STS applies to a presigned GetCallerIdentity: action, date window, key, signature. */
export function checkPresignedGetCallerIdentity(
  request: PresignedRequest,
  options: PresignedCheckOptions,
): PresignedCheck {
  const { query } = request;
  if (query.get('Action') !== 'GetCallerIdentity') {
    return { ok: false, problem: 'format', message: 'unexpected action parameter in pre-signed URL' };
  }
  if (query.get('X-Amz-Algorithm') !== 'AWS4-HMAC-SHA256') {
    return { ok: false, problem: 'format', message: 'X-Amz-Algorithm must be AWS4-HMAC-SHA256' };
  }
  const amzDate = query.get('X-Amz-Date') ?? '';
  const signedAt = parseAmzDate(amzDate);
  if (signedAt === undefined)
    return {
      ok: false,
      problem: 'format',
      message: 'X-Amz-Date parameter must be present in pre-signed URL',
    };
  if (options.now > signedAt + PRESIGNED_VALIDITY_MS) {
    const message = `Signature expired: ${amzDate} is now earlier than ${formatAmzDate(options.now - PRESIGNED_VALIDITY_MS)} (${formatAmzDate(options.now)} - 15 min.)`;
    return { ok: false, problem: 'expired', message };
  }
  const [accessKeyId = '', , region = ''] = (query.get('X-Amz-Credential') ?? '').split('/');
  const secret = options.secretAccessKeyFor(accessKeyId);
  if (secret === undefined) {
    if (!options.requireSignature && accessKeyId)
      return { ok: true, accessKeyId, region, signedAt, signatureChecked: false };
    return {
      ok: false,
      problem: 'unknown-key',
      message: 'The security token included in the request is invalid.',
    };
  }
  const expected = expectedPresignedSignature(request, secret);
  if (!expected || !signaturesMatch(expected, query.get('X-Amz-Signature') ?? '')) {
    return { ok: false, problem: 'signature', message: SIGNATURE_MISMATCH };
  }
  return { ok: true, accessKeyId, region, signedAt, signatureChecked: true };
}
