import type { FakeRequest } from '../framework/index.js';
import { clientIdentity } from '../framework/index.js';

/** Decides whether a bearer token is let in; may be async (e.g. to verify an EKS token against STS). */
export type Authenticate = (token: string) => boolean | Promise<boolean>;

/** Who a request authenticated as, and how. */
export interface KubernetesIdentity {
  user: string;
  groups: string[];
  /** `token` for a bearer token, `client-certificate` for a certificate signed by the cluster CA. */
  method: 'token' | 'client-certificate';
}

/** How the fake API server authenticates requests. */
export interface AuthenticationSettings {
  /** Decides on bearer tokens when given (e.g. the EKS-token verifier); otherwise `tokens` does. */
  authenticate?: Authenticate;
  /**
   * Which bearer tokens are let in without `authenticate`: any (the default, as an EKS-like sim
   * always did), only those the fake issued and that have not expired, or none (client certificates only).
   */
  tokens: 'any' | 'issued' | 'none';
  /** Issued tokens: the user each names and when it expires (the clock's milliseconds). */
  issued: ReadonlyMap<string, { user: string; groups: string[]; expiresAt: number }>;
  now(): number;
}

/** The bearer token of a request, if it carries one. */
export function bearerToken(request: FakeRequest): string | undefined {
  const header = request.headers.authorization;
  const value = Array.isArray(header) ? header[0] : header;
  const match = value ? /^Bearer\s+(.+)$/i.exec(value.trim()) : null;
  return match?.[1];
}

async function tokenIdentity(
  token: string,
  settings: AuthenticationSettings,
): Promise<KubernetesIdentity | undefined> {
  const issued = settings.issued.get(token);
  if (issued !== undefined) {
    return issued.expiresAt > settings.now()
      ? { user: issued.user, groups: issued.groups, method: 'token' }
      : undefined;
  }
  if (settings.authenticate) {
    return (await settings.authenticate(token))
      ? { user: 'token-user', groups: ['system:authenticated'], method: 'token' }
      : undefined;
  }
  return settings.tokens === 'any'
    ? { user: 'token-user', groups: ['system:authenticated'], method: 'token' }
    : undefined;
}

/**
 * Authenticate as kube-apiserver does, first method that succeeds: a client certificate that chains
 * to the cluster CA (user from CN, groups from O), then a bearer token. Undefined means 401. A
 * certificate that does not chain is not an identity, whatever it names.
 */
export async function authenticateRequest(
  request: FakeRequest,
  settings: AuthenticationSettings,
): Promise<KubernetesIdentity | undefined> {
  const certificate = request.clientCertificate;
  if (certificate?.trusted) {
    const { user, groups } = clientIdentity(certificate.pem);
    return { user, groups: [...groups, 'system:authenticated'], method: 'client-certificate' };
  }
  const token = bearerToken(request);
  if (token === undefined || settings.tokens === 'none') return undefined;
  return tokenIdentity(token, settings);
}
