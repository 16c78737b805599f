import { OpenStackError } from '../errors/openstack-error.js';
import type { HttpTransport } from '../http/http-transport.js';
import { connectionFailure, responseError } from '../session/call-failure.js';
import { authRequestBody, tokensUrl } from './auth-request.js';
import { describeAuth, type OpenStackAuth } from './credentials.js';
import { parseTokenResponse, type Token } from './token.js';

export interface TokenSourceOptions {
  auth: OpenStackAuth;
  transport: HttpTransport;
  /**
   * Re-issue the token this long before `expires_at`, so a call never leaves with a token that
   * expires on the way (capped at half the token's lifetime). @default 300000 (5 minutes)
   */
  renewalMarginMs?: number;
}

/** Keystone tokens for one set of credentials: issued on first use, re-issued before they expire. */
export interface TokenSource {
  /** A token valid for at least the renewal margin. */
  current(): Promise<Token>;
  /** A new token instead of `stale` (after a 401); concurrent callers share one re-authentication. */
  renew(stale: Token | undefined): Promise<Token>;
  /** The token endpoint; never holds a secret. */
  readonly url: string;
}

function authenticationRefused(error: OpenStackError, auth: OpenStackAuth): OpenStackError {
  if (error.status !== 401) return error;
  const scoped =
    auth.type === 'application-credential'
      ? ' Application credentials cannot request a scope; hubfleet sends none.'
      : '';
  return new OpenStackError({
    kind: 'permission',
    message: `Keystone refused the ${describeAuth(auth)}: ${error.message}`,
    hint: `Check the credentials in clouds.yaml/secure.yaml or the OS_* variables: the password or secret may be wrong, or the application credential expired or deleted.${scoped}`,
    subject: 'openstack credentials',
    retryable: false,
    service: 'identity',
    status: error.status,
    code: error.code,
    requestId: error.requestId,
  });
}

export function createKeystoneTokenSource(options: TokenSourceOptions): TokenSource {
  const { auth, transport } = options;
  const url = tokensUrl(auth.authUrl);
  const margin = options.renewalMarginMs ?? 300_000;
  let token: Token | undefined;
  let pending: Promise<Token> | undefined;

  async function issue(): Promise<Token> {
    const site = {
      service: 'identity' as const,
      method: 'POST',
      path: '/v3/auth/tokens',
      subject: 'openstack credentials',
    };
    let response: Awaited<ReturnType<HttpTransport['send']>>;
    try {
      response = await transport.send({
        method: 'POST',
        url,
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify(authRequestBody(auth)),
        replayable: true,
      });
    } catch (error) {
      connectionFailure(site, error);
    }
    if (response.status !== 201 && response.status !== 200)
      throw authenticationRefused(responseError(site, response), auth);
    return parseTokenResponse(
      response.headers.get('x-subject-token'),
      response.text,
      transport.settings.now(),
    );
  }

  function reissue(): Promise<Token> {
    pending ??= issue()
      .then((issued) => {
        token = issued;
        return issued;
      })
      .finally(() => {
        pending = undefined;
      });
    return pending;
  }

  function fresh(candidate: Token): boolean {
    const lifetime = candidate.expiresAt - candidate.issuedAt;
    const early = Math.min(margin, Math.max(0, lifetime / 2));
    return transport.settings.now() < candidate.expiresAt - early;
  }

  return {
    url,
    current: () => (token && fresh(token) ? Promise.resolve(token) : reissue()),
    renew: (stale) => (token && stale && token.value !== stale.value ? Promise.resolve(token) : reissue()),
  };
}
