import { HubfleetError } from '@hubfleet/core';
import type {
  ApplicationCredentials,
  OpenStackAuth,
  PasswordCredentials,
  UserReference,
} from './credentials.js';

type Json = Record<string, unknown>;

function invalid(message: string, hint: string): HubfleetError {
  return new HubfleetError({ kind: 'invalid-config', message, hint, subject: 'openstack credentials' });
}

function domain(id: string | undefined, name: string | undefined): Json | undefined {
  if (id) return { id };
  if (name) return { name };
  return undefined;
}

function userBody(user: UserReference, what: string): Json {
  if (user.userId) return { id: user.userId };
  const userDomain = domain(user.userDomainId, user.userDomainName);
  if (user.username && userDomain) return { name: user.username, domain: userDomain };
  throw invalid(
    `${what} needs the user: a user id, or a user name with its domain`,
    'Set user_id, or username and user_domain_name (OS_USER_ID, or OS_USERNAME and OS_USER_DOMAIN_NAME).',
  );
}

function projectScope(auth: PasswordCredentials): Json {
  if (auth.projectId) return { project: { id: auth.projectId } };
  const projectDomain = domain(auth.projectDomainId, auth.projectDomainName);
  if (auth.projectName && projectDomain)
    return { project: { name: auth.projectName, domain: projectDomain } };
  throw invalid(
    'Password authentication needs a project: a project id, or a project name with its domain',
    'Set project_id, or project_name and project_domain_name (OS_PROJECT_ID, or OS_PROJECT_NAME and OS_PROJECT_DOMAIN_NAME); without a project Keystone issues a token with no service catalog.',
  );
}

function passwordBody(auth: PasswordCredentials): Json {
  return {
    auth: {
      identity: {
        methods: ['password'],
        password: { user: { ...userBody(auth, 'Password authentication'), password: auth.password } },
      },
      scope: projectScope(auth),
    },
  };
}

function applicationCredentialBody(auth: ApplicationCredentials): Json {
  let credential: Json;
  if (auth.applicationCredentialId) credential = { id: auth.applicationCredentialId, secret: auth.secret };
  else if (auth.applicationCredentialName)
    credential = {
      name: auth.applicationCredentialName,
      secret: auth.secret,
      user: userBody(auth, 'An application credential given by name'),
    };
  else
    throw invalid(
      'Application credential authentication needs the credential id, or its name and user',
      'Set application_credential_id (OS_APPLICATION_CREDENTIAL_ID) and application_credential_secret.',
    );
  // No scope: the credential carries its project, and Keystone answers 401 to one that asks for a scope.
  return { auth: { identity: { methods: ['application_credential'], application_credential: credential } } };
}

/** The body of `POST /v3/auth/tokens` for these credentials. */
export function authRequestBody(auth: OpenStackAuth): Json {
  return auth.type === 'password' ? passwordBody(auth) : applicationCredentialBody(auth);
}

/** `…/v3/auth/tokens` from an auth URL given with or without `/v3` (and with or without a trailing slash). */
export function tokensUrl(authUrl: string): string {
  const base = authUrl.replace(/\/+$/, '');
  return `${/\/v3$/.test(base) ? base : `${base}/v3`}/auth/tokens`;
}
