import { randomBytes, randomUUID } from 'node:crypto';
import type { ProvenIdentity } from './keystone-identity.js';
import type { KeystoneContext } from './keystone-settings.js';
import type { KeystoneIssuedToken, KeystoneState } from './keystone-state.js';

/** Keystone's time format: ISO 8601 with microseconds. */
export function keystoneTime(epochMs: number): string {
  return new Date(epochMs).toISOString().replace(/\.(\d{3})Z$/, '.$1000Z');
}

/** A Fernet-looking opaque token. */
function newTokenValue(): string {
  return `gAAAAA${randomBytes(48).toString('base64url')}`;
}

export function issueToken(
  context: KeystoneContext,
  identity: ProvenIdentity,
): { value: string; token: KeystoneIssuedToken } {
  const value = newTokenValue();
  const token: KeystoneIssuedToken = {
    userId: identity.user.id,
    projectId: identity.project?.id ?? '',
    methods: identity.methods,
    ...(identity.applicationCredential ? { applicationCredentialId: identity.applicationCredential.id } : {}),
    issuedAt: context.now,
    expiresAt: context.now + context.settings.tokenLifetimeMs,
    revoked: false,
  };
  // A token never outlives the application credential that made it.
  const credentialExpiry = identity.applicationCredential?.expiresAt;
  if (credentialExpiry != null) token.expiresAt = Math.min(token.expiresAt, credentialExpiry);
  context.state.tokens[value] = token;
  return { value, token };
}

/** The token, if it is known, not revoked, not expired, and its user (and credential) still exist. */
export function liveToken(state: KeystoneState, value: string, now: number): KeystoneIssuedToken | undefined {
  const token = state.tokens[value];
  if (!token || token.revoked || token.expiresAt <= now || !state.users[token.userId]) return undefined;
  if (token.applicationCredentialId && !state.applicationCredentials[token.applicationCredentialId])
    return undefined;
  return token;
}

/** Drops tokens that expired more than a day ago, so a long sim run's state stays small. */
export function forgetOldTokens(state: KeystoneState, now: number): void {
  for (const [value, token] of Object.entries(state.tokens)) {
    if (token.expiresAt < now - 86_400_000) delete state.tokens[value];
  }
}

function substituteProject(url: string, projectId: string): string {
  return url.replace(/\$\(project_id\)s|%\(project_id\)s|\$\(tenant_id\)s|%\(tenant_id\)s/g, projectId);
}

export function renderCatalog(context: KeystoneContext, projectId: string): unknown[] {
  const { settings } = context;
  const services = [
    { type: 'identity', name: 'keystone', url: `${settings.publicUrl}/v3` },
    ...settings.catalog,
  ];
  return services.map((service, index) => ({
    id: `${index}`.padStart(32, '0'),
    type: service.type,
    name: service.name,
    endpoints: ['public', 'internal', 'admin'].map((face) => ({
      id: randomUUID().replaceAll('-', ''),
      interface: face,
      region_id: settings.region,
      region: settings.region,
      url: substituteProject(service.url, projectId),
    })),
  }));
}

/** The `token` body of a 201 from POST /v3/auth/tokens (and of GET /v3/auth/tokens). */
export function renderToken(context: KeystoneContext, token: KeystoneIssuedToken): unknown {
  const { state } = context;
  const user = state.users[token.userId];
  const project = state.projects[token.projectId];
  const domainOf = (id: string | undefined) => (id ? { id, name: state.domains[id]?.name ?? id } : undefined);
  const credential = token.applicationCredentialId
    ? state.applicationCredentials[token.applicationCredentialId]
    : undefined;
  return {
    token: {
      methods: token.methods,
      user: { id: user?.id, name: user?.name, domain: domainOf(user?.domainId), password_expires_at: null },
      audit_ids: [randomBytes(16).toString('base64url').slice(0, 22)],
      issued_at: keystoneTime(token.issuedAt),
      expires_at: keystoneTime(token.expiresAt),
      ...(project
        ? {
            project: { id: project.id, name: project.name, domain: domainOf(project.domainId) },
            is_domain: false,
            roles: [
              { id: '0f1e2d3c4b5a69788796a5b4c3d2e1f0', name: 'member' },
              { id: '1a2b3c4d5e6f708192a3b4c5d6e7f809', name: 'reader' },
            ],
            catalog: renderCatalog(context, project.id),
          }
        : {}),
      ...(credential
        ? { application_credential: { id: credential.id, name: credential.name, restricted: true } }
        : {}),
    },
  };
}
