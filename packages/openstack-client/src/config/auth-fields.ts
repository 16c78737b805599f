import { HubfleetError } from '@hubfleet/core';
import type { OpenStackAuth } from '../auth/credentials.js';

/**
 * The auth settings clouds.yaml's `auth:` section and openrc's OS_* variables share, under
 * clouds.yaml's names (`OS_USER_DOMAIN_NAME` is `user_domain_name`).
 */
export type AuthFields = Readonly<Record<string, string | undefined>>;

const APPLICATION_CREDENTIAL_TYPES = new Set([
  'v3applicationcredential',
  'applicationcredential',
  'application_credential',
]);
const PASSWORD_TYPES = new Set(['password', 'v3password']);

function missing(what: string, source: string, hint: string): HubfleetError {
  return new HubfleetError({
    kind: 'invalid-config',
    message: `${source} has no ${what}`,
    hint,
    subject: source,
  });
}

/** `domain_name`/`domain_id` stand in for the user's and the project's domain when those are not set. */
function optional(fields: AuthFields, ...names: string[]): Record<string, string> {
  const result: Record<string, string> = {};
  for (const name of names) {
    const value = fields[name];
    if (value !== undefined && value !== '') result[name] = value;
  }
  return result;
}

/** Credentials from auth fields and `auth_type`; which kind follows the type, or the fields given. */
export function authFromFields(
  fields: AuthFields,
  authType: string | undefined,
  source: string,
): OpenStackAuth {
  const authUrl = fields.auth_url;
  if (!authUrl)
    throw missing(
      'auth_url',
      source,
      'Set auth.auth_url in clouds.yaml or OS_AUTH_URL, e.g. https://keystone.example.org:5000/v3.',
    );
  const type = authType?.toLowerCase();
  if (type !== undefined && !APPLICATION_CREDENTIAL_TYPES.has(type) && !PASSWORD_TYPES.has(type)) {
    throw new HubfleetError({
      kind: 'invalid-config',
      message: `${source} uses auth_type "${authType}", which hubfleet does not support`,
      hint: 'Use "password" (v3password) or "v3applicationcredential".',
      subject: source,
    });
  }
  const known = optional(
    fields,
    'user_id',
    'username',
    'user_domain_name',
    'user_domain_id',
    'project_id',
    'project_name',
    'project_domain_name',
    'project_domain_id',
  );
  const user = {
    ...(known.user_id ? { userId: known.user_id } : {}),
    ...(known.username ? { username: known.username } : {}),
    ...((known.user_domain_name ?? fields.domain_name)
      ? { userDomainName: known.user_domain_name ?? fields.domain_name }
      : {}),
    ...((known.user_domain_id ?? fields.domain_id)
      ? { userDomainId: known.user_domain_id ?? fields.domain_id }
      : {}),
  };
  const isApplicationCredential =
    type !== undefined
      ? APPLICATION_CREDENTIAL_TYPES.has(type)
      : fields.application_credential_secret !== undefined;
  if (isApplicationCredential) {
    const secret = fields.application_credential_secret;
    if (!secret)
      throw missing(
        'application_credential_secret',
        source,
        'Put it in secure.yaml or OS_APPLICATION_CREDENTIAL_SECRET.',
      );
    return {
      type: 'application-credential',
      authUrl,
      secret,
      ...user,
      ...(fields.application_credential_id
        ? { applicationCredentialId: fields.application_credential_id }
        : {}),
      ...(fields.application_credential_name
        ? { applicationCredentialName: fields.application_credential_name }
        : {}),
    };
  }
  const password = fields.password;
  if (!password)
    throw missing(
      'password',
      source,
      'Put it in secure.yaml or OS_PASSWORD (on NeCTAR, generate an OpenStack password in the dashboard, or use an application credential).',
    );
  return {
    type: 'password',
    authUrl,
    password,
    ...user,
    ...(known.project_id ? { projectId: known.project_id } : {}),
    ...(known.project_name ? { projectName: known.project_name } : {}),
    ...((known.project_domain_name ?? fields.domain_name)
      ? { projectDomainName: known.project_domain_name ?? fields.domain_name }
      : {}),
    ...((known.project_domain_id ?? fields.domain_id)
      ? { projectDomainId: known.project_domain_id ?? fields.domain_id }
      : {}),
  };
}
