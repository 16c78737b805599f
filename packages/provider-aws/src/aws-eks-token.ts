import { SignatureV4 } from '@smithy/signature-v4';
import type { AwsStaticCredentials } from './aws-connect-options.js';
import { Sha256 } from './sha256.js';

/** The prefix EKS API servers (aws-iam-authenticator) expect on a bearer token. */
export const EKS_TOKEN_PREFIX = 'k8s-aws-v1.';
/** STS accepts the presigned URL for 15 minutes after it was signed, whatever X-Amz-Expires says. */
export const EKS_TOKEN_VALIDITY_MS = 15 * 60_000;
/** Sign a new token this long after the last one, a minute before it stops working. */
export const EKS_TOKEN_REFRESH_MS = 14 * 60_000;

const CLUSTER_ID_HEADER = 'x-k8s-aws-id';

/** The regional STS host the token is signed for; the API server sends the URL there. */
export function stsHost(region: string): string {
  return region.startsWith('cn-') ? `sts.${region}.amazonaws.com.cn` : `sts.${region}.amazonaws.com`;
}

export interface EksTokenRequest {
  clusterName: string;
  region: string;
  credentials: AwsStaticCredentials;
  signedAt: Date;
}

/**
 * An EKS bearer token, made as `aws eks get-token` makes it: a GET to STS GetCallerIdentity,
 * presigned with SigV4 (X-Amz-Expires=60) with the header `x-k8s-aws-id: <cluster>` among the signed
 * headers, then `k8s-aws-v1.` + the URL in unpadded base64url. The API server replays the URL to
 * STS and maps the caller to Kubernetes groups (access entries or aws-auth).
 */
export async function presignEksToken(request: EksTokenRequest): Promise<string> {
  const host = stsHost(request.region);
  const signer = new SignatureV4({
    service: 'sts',
    region: request.region,
    credentials: request.credentials,
    sha256: Sha256,
  });
  const signed = await signer.presign(
    {
      method: 'GET',
      protocol: 'https:',
      hostname: host,
      path: '/',
      query: { Action: 'GetCallerIdentity', Version: '2011-06-15' },
      headers: { host, [CLUSTER_ID_HEADER]: request.clusterName },
    },
    { expiresIn: 60, signingDate: request.signedAt },
  );
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(signed.query ?? {})) {
    if (typeof value === 'string') query.set(key, value);
  }
  const url = `https://${host}/?${query.toString()}`;
  return `${EKS_TOKEN_PREFIX}${Buffer.from(url).toString('base64url')}`;
}

/** A token source that signs once and again only when the last token is ~14 minutes old. */
export interface EksTokenSource {
  token(): Promise<string>;
}

export function eksTokenSource(
  clusterName: string,
  region: string,
  credentials: () => Promise<AwsStaticCredentials>,
  now: () => number = Date.now,
): EksTokenSource {
  let cached: { token: string; signedAt: number } | undefined;
  return {
    async token() {
      const time = now();
      if (cached !== undefined && time - cached.signedAt < EKS_TOKEN_REFRESH_MS) return cached.token;
      const token = await presignEksToken({
        clusterName,
        region,
        credentials: await credentials(),
        signedAt: new Date(time),
      });
      cached = { token, signedAt: time };
      return token;
    },
  };
}
