import type { EndpointInterface, OpenStackCredentials } from '../auth/credentials.js';
import { authFromFields } from './auth-fields.js';

/** The OS_* variables an openrc file (or an application credential's openrc) exports, by auth field. */
const VARIABLES: Readonly<Record<string, string>> = {
  auth_url: 'OS_AUTH_URL',
  username: 'OS_USERNAME',
  user_id: 'OS_USER_ID',
  password: 'OS_PASSWORD',
  user_domain_name: 'OS_USER_DOMAIN_NAME',
  user_domain_id: 'OS_USER_DOMAIN_ID',
  project_id: 'OS_PROJECT_ID',
  project_name: 'OS_PROJECT_NAME',
  project_domain_name: 'OS_PROJECT_DOMAIN_NAME',
  project_domain_id: 'OS_PROJECT_DOMAIN_ID',
  domain_name: 'OS_DOMAIN_NAME',
  domain_id: 'OS_DOMAIN_ID',
  application_credential_id: 'OS_APPLICATION_CREDENTIAL_ID',
  application_credential_name: 'OS_APPLICATION_CREDENTIAL_NAME',
  application_credential_secret: 'OS_APPLICATION_CREDENTIAL_SECRET',
};

/** Keystone v2 names an old openrc may still use. */
const LEGACY: Readonly<Record<string, string>> = {
  project_id: 'OS_TENANT_ID',
  project_name: 'OS_TENANT_NAME',
};

export function hasOpenrcVariables(env: NodeJS.ProcessEnv): boolean {
  return Boolean(env.OS_AUTH_URL);
}

/** Credentials from the OS_* variables of a sourced openrc file. */
export function credentialsFromEnv(env: NodeJS.ProcessEnv): OpenStackCredentials {
  const fields: Record<string, string | undefined> = {};
  for (const [field, variable] of Object.entries(VARIABLES)) {
    const legacy = LEGACY[field];
    fields[field] = env[variable] || (legacy ? env[legacy] : undefined) || undefined;
  }
  const source = 'the OS_* environment variables';
  const region = env.OS_REGION_NAME;
  const face = env.OS_INTERFACE ?? env.OS_ENDPOINT_TYPE;
  return {
    auth: authFromFields(fields, env.OS_AUTH_TYPE, source),
    ...(region ? { regionName: region } : {}),
    ...(face ? { interface: face.replace(/URL$/, '') as EndpointInterface } : {}),
    source,
  };
}
