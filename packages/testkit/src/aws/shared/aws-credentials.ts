import type { FakeRequest } from '../../framework/http-service.js';

const HEADER_CREDENTIAL = /Credential=([^/,\s]+)\//;

/**
 * The access key id a request was signed with, read from the SigV4 `Authorization` header or, for
 * presigned URLs, the `X-Amz-Credential` query parameter. The signature itself is not checked: the
 * fakes trust the caller, as tests need no real keys.
 */
export function accessKeyIdOf(request: FakeRequest): string | undefined {
  const authorization = request.headers.authorization;
  const fromHeader =
    typeof authorization === 'string' ? HEADER_CREDENTIAL.exec(authorization)?.[1] : undefined;
  if (fromHeader) return fromHeader;
  const credential = request.query.get('X-Amz-Credential');
  return credential ? credential.split('/')[0] : undefined;
}

/** The region a request was signed for (from the credential scope), when it says. */
export function signingRegionOf(request: FakeRequest): string | undefined {
  const authorization = request.headers.authorization;
  const scope =
    typeof authorization === 'string'
      ? /Credential=[^/]+\/\d{8}\/([^/]+)\//.exec(authorization)?.[1]
      : request.query.get('X-Amz-Credential')?.split('/')[2];
  return scope || undefined;
}
