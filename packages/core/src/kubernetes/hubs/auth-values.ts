import type { AuthConfig } from '../../config/auth.js';
import type { HubConfig } from '../../config/hub.js';
import type { SecretRef } from '../../config/secret.js';
import { deepMerge, type Values } from './deep-merge.js';
import { type HubSecret, hubSecret, pythonSecret } from './hub-secrets.js';

/** What the authenticator functions need to know about the hub besides its auth section. */
export interface AuthContext {
  hub: HubConfig;
  /** `https://<host>/<hub>/`. */
  publicUrl: string;
  scheme: 'http' | 'https';
}

/** One authenticator's part of the values, the secrets it reads, and what the operator should know. */
export interface AuthValues {
  values: Values;
  secrets: HubSecret[];
  warnings: string[];
}

type AuthOf<Type extends AuthConfig['type']> = Extract<AuthConfig, { type: Type }>;

/** The `hub.extraConfig` entry hubfleet's authenticator Python goes into. */
export const AUTH_EXTRA_CONFIG_KEY = 'hubfleet-auth';

/**
 * JupyterHub 5 lets nobody in without some allow rule; `allow_all` is right wherever the identity
 * provider is the gate (an LMS launch, a hosted domain, an approved sign-up).
 */
function authenticator(authenticatorClass: string, sections: Values, allowAll: boolean): Values {
  return {
    hub: {
      config: {
        JupyterHub: { authenticator_class: authenticatorClass },
        Authenticator: { allow_all: allowAll },
        ...sections,
      },
    },
  };
}

function withPython(values: Values, lines: readonly string[]): Values {
  return deepMerge(values, { hub: { extraConfig: { [AUTH_EXTRA_CONFIG_KEY]: lines.join('\n') } } });
}

function callbackUrl(context: AuthContext): string {
  return `${context.publicUrl}hub/oauth_callback`;
}

/** An OAuthenticator's client secret: from the hub's auth Secret, set on `className` by Python. */
function oauthClientSecret(
  context: AuthContext,
  ref: SecretRef,
  className: string,
): { secret: HubSecret; python: string[] } {
  const secret = hubSecret(context.hub, 'oauth-client-secret', ref);
  const python = ['import os', `c.${className}.client_secret = ${pythonSecret(secret)}`];
  return { secret, python };
}

/** LTI 1.1 (DS@OSU): the LMS launches users at `/<hub>/hub/lti/launch`, signed with the consumer key. */
export function lti11Values(context: AuthContext, auth: AuthOf<'lti11'>): AuthValues {
  const key = hubSecret(context.hub, 'lti11-consumer-key', auth.consumerKey);
  const secret = hubSecret(context.hub, 'lti11-shared-secret', auth.sharedSecret);
  const values = authenticator(
    'ltiauthenticator.lti11.auth.LTI11Authenticator',
    {
      LTI11Authenticator: {
        uri_scheme: context.scheme,
        config_title: context.hub.displayName ?? context.hub.name,
      },
    },
    true,
  );
  const python = [
    'import os',
    'c.LTI11Authenticator.consumers = {',
    `    ${pythonSecret(key)}: ${pythonSecret(secret)},`,
    '}',
  ];
  return { values: withPython(values, python), secrets: [key, secret], warnings: [] };
}

/** LTI 1.3: public settings only (the platform signs with keys published at its JWKS URL). */
export function lti13Values(context: AuthContext, auth: AuthOf<'lti13'>): AuthValues {
  const values = authenticator(
    'ltiauthenticator.lti13.auth.LTI13Authenticator',
    {
      LTI13Authenticator: {
        issuer: auth.issuer,
        client_id: [auth.clientId],
        authorize_url: auth.authorizeUrl,
        jwks_endpoint: auth.jwksUrl,
        uri_scheme: context.scheme,
        tool_name: context.hub.displayName ?? context.hub.name,
      },
    },
    true,
  );
  return { values, secrets: [], warnings: [] };
}

/**
 * Generic OAuth2 / OpenID Connect (STFC IRIS IAM). Groups come from the userinfo `groups` claim
 * (OAuthenticator 17 `auth_state_groups_key`, which needs `manage_groups`); with allowed groups only
 * their members get in, without them everyone who completes the login does.
 */
export function oauthValues(context: AuthContext, auth: AuthOf<'oauth'>): AuthValues {
  const allowedGroups = auth.allowedGroups ?? [];
  const adminGroups = auth.adminGroups ?? [];
  const groups =
    allowedGroups.length > 0 || adminGroups.length > 0
      ? {
          manage_groups: true,
          auth_state_groups_key: 'oauth_user.groups',
          ...(allowedGroups.length > 0 ? { allowed_groups: allowedGroups } : {}),
          ...(adminGroups.length > 0 ? { admin_groups: adminGroups } : {}),
        }
      : {};
  const values = authenticator(
    'generic-oauth',
    {
      GenericOAuthenticator: {
        client_id: auth.clientId,
        oauth_callback_url: callbackUrl(context),
        authorize_url: auth.authorizeUrl,
        token_url: auth.tokenUrl,
        userdata_url: auth.userdataUrl,
        scope: auth.scopes,
        username_claim: auth.usernameClaim,
        ...groups,
      },
    },
    allowedGroups.length === 0,
  );
  const { secret, python } = oauthClientSecret(context, auth.clientSecret, 'GenericOAuthenticator');
  return { values: withPython(values, python), secrets: [secret], warnings: [] };
}

/**
 * Google (Rhodes). `hosted_domain` limits sign-in to the institution's Workspace; `strip_domain` stays
 * off so usernames are always the full address, matching `admins` and stable if domains change.
 */
export function googleValues(context: AuthContext, auth: AuthOf<'google'>): AuthValues {
  const domains = auth.hostedDomain === undefined ? [] : [auth.hostedDomain].flat();
  const values = authenticator(
    'google',
    {
      GoogleOAuthenticator: {
        client_id: auth.clientId,
        oauth_callback_url: callbackUrl(context),
        ...(domains.length > 0 ? { hosted_domain: domains, strip_domain: false } : {}),
      },
    },
    true,
  );
  const { secret, python } = oauthClientSecret(context, auth.clientSecret, 'GoogleOAuthenticator');
  const warnings =
    domains.length === 0
      ? [`hub ${context.hub.name}: google auth without hostedDomain lets any Google account sign in`]
      : [];
  const bareAdmins = context.hub.admins.filter((admin) => !admin.includes('@'));
  if (bareAdmins.length > 0) {
    warnings.push(
      `hub ${context.hub.name}: Google usernames are e-mail addresses, so admins ${bareAdmins.join(', ')} will never match a user; write them as name@domain`,
    );
  }
  return { values: withPython(values, python), secrets: [secret], warnings };
}

/** GitHub: members of the allowed organizations (or teams, `org:team`), else any GitHub account. */
export function githubValues(context: AuthContext, auth: AuthOf<'github'>): AuthValues {
  const organizations = auth.allowedOrganizations ?? [];
  const values = authenticator(
    'github',
    {
      GitHubOAuthenticator: {
        client_id: auth.clientId,
        oauth_callback_url: callbackUrl(context),
        // read:org sees private memberships and teams, not only public organization membership.
        ...(organizations.length > 0 ? { allowed_organizations: organizations, scope: ['read:org'] } : {}),
      },
    },
    organizations.length === 0,
  );
  const { secret, python } = oauthClientSecret(context, auth.clientSecret, 'GitHubOAuthenticator');
  const warnings =
    organizations.length === 0
      ? [`hub ${context.hub.name}: github auth without allowedOrganizations lets any GitHub account sign in`]
      : [];
  return { values: withPython(values, python), secrets: [secret], warnings };
}

/**
 * NativeAuthenticator (STFC outreach, NeCTAR): users sign up at `/<hub>/hub/signup`; unless sign-up is
 * open, an admin approves each account at `/<hub>/hub/authorize`. Its templates add the sign-up link.
 */
export function nativeValues(context: AuthContext, auth: AuthOf<'native'>): AuthValues {
  const values = authenticator('native', { NativeAuthenticator: { open_signup: auth.openSignup } }, true);
  const python = [
    'import os',
    'import nativeauthenticator',
    'from z2jh import get_config',
    'c.JupyterHub.template_paths = [',
    '    os.path.join(os.path.dirname(nativeauthenticator.__file__), "templates"),',
    '    *get_config("hub.templatePaths", []),',
    ']',
  ];
  const warnings: string[] = [];
  if (auth.openSignup) {
    warnings.push(
      `hub ${context.hub.name}: native auth with openSignup lets anyone create an account and use the hub`,
    );
  }
  if (!auth.openSignup && adminUsers(context.hub).length === 0) {
    warnings.push(`hub ${context.hub.name}: native auth has no admins, so nobody can approve sign-ups`);
  }
  return { values: withPython(values, python), secrets: [], warnings };
}

/** DummyAuthenticator: any username, with the shared password when one is given. Tests only. */
export function dummyValues(context: AuthContext, auth: AuthOf<'dummy'>): AuthValues {
  const values = authenticator('dummy', {}, true);
  const warnings = [`hub ${context.hub.name}: dummy auth lets anyone log in; it is for tests only`];
  if (auth.password === undefined) return { values, secrets: [], warnings };
  const secret = hubSecret(context.hub, 'dummy-password', auth.password);
  const python = ['import os', `c.DummyAuthenticator.password = ${pythonSecret(secret)}`];
  return { values: withPython(values, python), secrets: [secret], warnings };
}

/** The hub's admins, plus those listed in a native auth section. */
export function adminUsers(hub: HubConfig): string[] {
  const native = hub.auth.type === 'native' ? (hub.auth.admins ?? []) : [];
  return [...new Set([...hub.admins, ...native])];
}

function authenticatorValues(context: AuthContext): AuthValues {
  const auth = context.hub.auth;
  switch (auth.type) {
    case 'lti11':
      return lti11Values(context, auth);
    case 'lti13':
      return lti13Values(context, auth);
    case 'oauth':
      return oauthValues(context, auth);
    case 'google':
      return googleValues(context, auth);
    case 'github':
      return githubValues(context, auth);
    case 'native':
      return nativeValues(context, auth);
    case 'dummy':
      return dummyValues(context, auth);
    default: {
      const unknown: never = auth;
      throw new Error(`unknown auth type ${JSON.stringify(unknown)}`);
    }
  }
}

/** The hub's authenticator, with `Authenticator.admin_users` from `admins`. */
export function authValues(context: AuthContext): AuthValues {
  const result = authenticatorValues(context);
  const admins = adminUsers(context.hub);
  if (admins.length === 0) return result;
  const adminValues = { hub: { config: { Authenticator: { admin_users: admins } } } };
  return { ...result, values: deepMerge(result.values, adminValues) };
}
