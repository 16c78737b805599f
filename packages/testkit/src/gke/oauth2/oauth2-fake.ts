import { randomBytes } from 'node:crypto';
import type { Clock } from '../../framework/clock.js';
import type { FakeRequest, FakeResponse, ServiceProtocol } from '../../framework/http-service.js';
import { type RunningFake, type StartFakeOptions, startFake } from '../../framework/start-fake.js';
import { verifyAssertion } from './oauth2-jwt.js';
import { createOAuth2State, type OAuth2State } from './oauth2-state.js';

/** Google access tokens live an hour. */
const TOKEN_LIFETIME_S = 3600;

function oauthError(status: number, error: string, description?: string): FakeResponse {
  return {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8' },
    body: JSON.stringify({ error, ...(description === undefined ? {} : { error_description: description }) }),
  };
}

function form(request: FakeRequest): URLSearchParams {
  const type = String(request.headers['content-type'] ?? '');
  if (type.includes('application/json')) {
    const parsed = JSON.parse(request.body || '{}') as Record<string, string>;
    return new URLSearchParams(parsed);
  }
  return new URLSearchParams(request.body);
}

function issue(fake: TokenContext, subject: string): FakeResponse {
  const token = `ya29.${randomBytes(24).toString('base64url')}`;
  const now = fake.clock.now();
  // Expired tokens are forgotten, so the state stays small.
  for (const [key, record] of Object.entries(fake.state.tokens)) {
    if (record.expiresAt <= now) delete fake.state.tokens[key];
  }
  fake.state.tokens[token] = { subject, expiresAt: now + TOKEN_LIFETIME_S * 1000 };
  // A token is not a change to the cloud (the call log counts it as a read), but it must outlive
  // this process: a kubeconfig written by `up` is used by the next command.
  fake.save();
  return {
    status: 200,
    headers: { 'content-type': 'application/json; charset=utf-8' },
    body: JSON.stringify({ access_token: token, expires_in: TOKEN_LIFETIME_S - 1, token_type: 'Bearer' }),
  };
}

interface TokenContext {
  state: OAuth2State;
  clock: Clock;
  save(): void;
}

/** POST /token: the JWT-bearer grant (service-account keys) and the refresh-token grant (gcloud ADC). */
function token(fake: TokenContext, request: FakeRequest): FakeResponse {
  const { state, clock } = fake;
  const params = form(request);
  const grant = params.get('grant_type');
  if (grant === 'urn:ietf:params:oauth:grant-type:jwt-bearer') {
    const check = verifyAssertion(state, params.get('assertion') ?? '', clock.now());
    return check.ok ? issue(fake, check.subject) : oauthError(400, 'invalid_grant', check.description);
  }
  if (grant === 'refresh_token') {
    const user = state.authorizedUsers[params.get('refresh_token') ?? ''];
    if (user === undefined) return oauthError(400, 'invalid_grant', 'Bad Request');
    if (user.clientId !== params.get('client_id') || user.clientSecret !== params.get('client_secret')) {
      return oauthError(401, 'invalid_client', 'Unauthorized');
    }
    return issue(fake, user.clientId);
  }
  return oauthError(400, 'unsupported_grant_type', `Invalid grant_type: ${grant ?? ''}`);
}

export interface OAuth2Fake {
  protocol: ServiceProtocol;
  state: OAuth2State;
  /** Persist the state now (after registering a service account key in sim mode). */
  save(): void;
}

export function createOAuth2Fake(options: {
  clock: Clock;
  state?: OAuth2State;
  save?: () => void;
}): OAuth2Fake {
  const state = options.state ?? createOAuth2State();
  const context: TokenContext = { state, clock: options.clock, save: options.save ?? (() => {}) };
  const protocol: ServiceProtocol = {
    name: 'oauth2',
    resolve: (request) =>
      request.method === 'POST' && request.path === '/token'
        ? { operation: 'Token', mutating: false, handle: () => token(context, request) }
        : undefined,
    fault: (kind) =>
      kind === 'throttle' || kind === 'quota'
        ? oauthError(429, 'rate_limit_exceeded', 'Rate limit exceeded')
        : oauthError(kind === 'unavailable' ? 503 : 500, 'internal_failure', 'Backend Error'),
    unknown: () => oauthError(404, 'not_found'),
  };
  return { protocol, state, save: context.save };
}

/**
 * Serves Google's OAuth2 token endpoint on 127.0.0.1 (`POST /token`). Tokens are state, so the
 * container, compute and Kubernetes fakes of a sim can accept only what it issued.
 */
export async function startOAuth2Fake(
  options: StartFakeOptions,
): Promise<RunningFake<OAuth2State, OAuth2Fake>> {
  return startFake(options, createOAuth2State, (state, save) =>
    createOAuth2Fake({ clock: options.clock, state, save }),
  );
}
