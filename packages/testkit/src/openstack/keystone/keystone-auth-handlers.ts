import type { FakeResponse } from '../../framework/http-service.js';
import { jsonReply } from '../shared/openstack-http.js';
import type { OpenStackRequest } from '../shared/openstack-protocol.js';
import { authenticationFailed, keystoneError } from './keystone-errors.js';
import { proveIdentity } from './keystone-identity.js';
import type { KeystoneContext } from './keystone-settings.js';
import type { KeystoneIssuedToken } from './keystone-state.js';
import { issueToken, liveToken, renderCatalog, renderToken } from './keystone-tokens.js';

/** The caller's own token (`X-Auth-Token`), which every call but authentication needs. */
export function callerToken(context: KeystoneContext, request: OpenStackRequest): KeystoneIssuedToken {
  const value = request.headers['x-auth-token'];
  const token = typeof value === 'string' ? liveToken(context.state, value, context.now) : undefined;
  if (!token) throw authenticationFailed();
  return token;
}

/** POST /v3/auth/tokens → 201, the token in X-Subject-Token. */
export function createToken(context: KeystoneContext, request: OpenStackRequest): FakeResponse {
  const identity = proveIdentity(context.state, request.body, context.now);
  const { value, token } = issueToken(context, identity);
  return jsonReply(201, renderToken(context, token), { 'x-subject-token': value });
}

function subjectToken(
  context: KeystoneContext,
  request: OpenStackRequest,
): { value: string; token: KeystoneIssuedToken } {
  callerToken(context, request);
  const value = request.headers['x-subject-token'];
  const token = typeof value === 'string' ? liveToken(context.state, value, context.now) : undefined;
  if (typeof value !== 'string' || !token)
    throw keystoneError(404, `Could not find token: ${String(value).slice(0, 8)}…`);
  return { value, token };
}

/** GET /v3/auth/tokens: validate X-Subject-Token (what keystonemiddleware does for every service). */
export function validateToken(context: KeystoneContext, request: OpenStackRequest): FakeResponse {
  const { value, token } = subjectToken(context, request);
  return jsonReply(200, renderToken(context, token), { 'x-subject-token': value });
}

/** HEAD /v3/auth/tokens: 200 if valid. */
export function checkToken(context: KeystoneContext, request: OpenStackRequest): FakeResponse {
  subjectToken(context, request);
  return jsonReply(200);
}

/** DELETE /v3/auth/tokens: revoke X-Subject-Token → 204. */
export function revokeToken(context: KeystoneContext, request: OpenStackRequest): FakeResponse {
  subjectToken(context, request).token.revoked = true;
  return jsonReply(204);
}

/** GET /v3/auth/catalog: the catalog of the caller's token. */
export function showCatalog(context: KeystoneContext, request: OpenStackRequest): FakeResponse {
  const token = callerToken(context, request);
  return jsonReply(200, { catalog: token.projectId ? renderCatalog(context, token.projectId) : [] });
}

const VERSION = (base: string) => ({
  id: 'v3.14',
  status: 'stable',
  updated: '2020-04-07T00:00:00Z',
  links: [{ rel: 'self', href: `${base}/v3/` }],
  'media-types': [{ base: 'application/json', type: 'application/vnd.openstack.identity-v3+json' }],
});

/** GET /v3: the version document. */
export function showVersion(context: KeystoneContext): FakeResponse {
  return jsonReply(200, { version: VERSION(context.settings.publicUrl) });
}

/** GET /: Keystone lists its versions under `versions.values` with 300 Multiple Choices. */
export function listVersions(context: KeystoneContext): FakeResponse {
  return jsonReply(300, { versions: { values: [VERSION(context.settings.publicUrl)] } });
}
