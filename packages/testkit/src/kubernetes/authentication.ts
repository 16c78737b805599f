import type { FakeRequest } from '../framework/index.js';

/** Decides whether a bearer token is let in; may be async (e.g. to verify an EKS token against STS). */
export type Authenticate = (token: string) => boolean | Promise<boolean>;

/** The bearer token of a request, if it carries one. */
export function bearerToken(request: FakeRequest): string | undefined {
  const header = request.headers.authorization;
  const value = Array.isArray(header) ? header[0] : header;
  const match = value ? /^Bearer\s+(.+)$/i.exec(value.trim()) : null;
  return match?.[1];
}

/**
 * Whether the request may proceed: it came with a client certificate the TLS handshake verified
 * against the cluster CA (kubeadm's admin.conf), or carries a bearer token `authenticate` accepts
 * (any, by default).
 */
export async function isAuthenticated(
  request: FakeRequest,
  authenticate: Authenticate | undefined,
): Promise<boolean> {
  if (request.clientCertificate) return true;
  const token = bearerToken(request);
  if (token === undefined) return false;
  return authenticate ? await authenticate(token) : true;
}
