import { checkPresignedGetCallerIdentity } from './sts-presigned.js';

/** The token format aws-iam-authenticator and `aws eks get-token` produce and EKS API servers accept. */
export const EKS_TOKEN_PREFIX = 'k8s-aws-v1.';
const CLUSTER_ID_HEADER = 'x-k8s-aws-id';
const MAX_TOKEN_LENGTH = 4096;
const ALLOWED_PARAMETERS = new Set([
  'action',
  'version',
  'x-amz-algorithm',
  'x-amz-credential',
  'x-amz-date',
  'x-amz-expires',
  'x-amz-security-token',
  'x-amz-signature',
  'x-amz-signedheaders',
]);
const STS_HOST = /^sts(\.[a-z0-9-]+)?\.amazonaws\.com(\.cn)?$/;

export interface VerifyEksTokenOptions {
  /** The clusters this API server answers for; the token must be signed for one of them. */
  clusterNames: readonly string[];
  /** The secret of an access key. The cluster name is only inside the signature, so it is required. */
  secretAccessKeyFor: (accessKeyId: string) => string | undefined;
  /** Epoch milliseconds (the fakes' clock). */
  now: number;
}

export type EksTokenVerification =
  | { ok: true; clusterName: string; accessKeyId: string; region: string; signedAt: number }
  | { ok: false; reason: string };

function fail(reason: string): EksTokenVerification {
  return { ok: false, reason: `input token was not properly formatted: ${reason}` };
}

function decodeUrl(token: string): URL | string {
  if (token.length > MAX_TOKEN_LENGTH) return 'token is too large';
  if (!token.startsWith(EKS_TOKEN_PREFIX)) return `token is missing expected "${EKS_TOKEN_PREFIX}" prefix`;
  const encoded = token.slice(EKS_TOKEN_PREFIX.length);
  if (!/^[A-Za-z0-9_-]*$/.test(encoded)) return 'illegal base64 data';
  try {
    return new URL(Buffer.from(encoded, 'base64url').toString('utf8'));
  } catch {
    return 'the token does not hold a URL';
  }
}

function formatProblem(url: URL): string | undefined {
  if (url.protocol !== 'https:')
    return `unexpected scheme "${url.protocol.replace(':', '')}" in pre-signed URL`;
  if (!STS_HOST.test(url.host)) return `unexpected hostname "${url.host}" in pre-signed URL`;
  if (url.pathname !== '/') return 'unexpected path in pre-signed URL';
  for (const key of new Set(url.searchParams.keys())) {
    if (!ALLOWED_PARAMETERS.has(key.toLowerCase())) return `non-whitelisted query parameter "${key}"`;
    if (url.searchParams.getAll(key).length !== 1)
      return 'query parameter with multiple values not supported';
  }
  const signedHeaders = (url.searchParams.get('X-Amz-SignedHeaders') ?? '').toLowerCase().split(';');
  if (!signedHeaders.includes(CLUSTER_ID_HEADER))
    return `client did not sign the ${CLUSTER_ID_HEADER} header in the pre-signed URL`;
  const expires = Number(url.searchParams.get('X-Amz-Expires'));
  if (!Number.isInteger(expires) || expires < 0 || expires > 900) {
    return `invalid X-Amz-Expires parameter in pre-signed URL: ${url.searchParams.get('X-Amz-Expires')}`;
  }
  return undefined;
}

/**
 * Verifies an EKS bearer token the way aws-iam-authenticator and STS do together: the
 * `k8s-aws-v1.` prefix, a base64url https URL to an STS host, a presigned GetCallerIdentity that
 * signs `x-k8s-aws-id`, X-Amz-Date less than 15 minutes old, and a signature that matches one of the
 * cluster names. Returns that cluster name. Kubernetes fakes use it to authenticate requests.
 */
export function verifyEksToken(token: string, options: VerifyEksTokenOptions): EksTokenVerification {
  const url = decodeUrl(token);
  if (typeof url === 'string') return fail(url);
  const problem = formatProblem(url);
  if (problem) return fail(problem);
  for (const clusterName of options.clusterNames) {
    const check = checkPresignedGetCallerIdentity(
      {
        method: 'GET',
        path: url.pathname,
        query: url.searchParams,
        headers: { host: url.host, [CLUSTER_ID_HEADER]: clusterName },
      },
      { now: options.now, secretAccessKeyFor: options.secretAccessKeyFor, requireSignature: true },
    );
    if (check.ok) {
      return {
        ok: true,
        clusterName,
        accessKeyId: check.accessKeyId,
        region: check.region,
        signedAt: check.signedAt,
      };
    }
    if (check.problem !== 'signature')
      return { ok: false, reason: `sts getCallerIdentity failed: ${check.message}` };
  }
  const clusters = options.clusterNames.length > 0 ? options.clusterNames.join(', ') : '(none given)';
  return {
    ok: false,
    reason: `sts getCallerIdentity failed: the token is not signed for cluster ${clusters}`,
  };
}
