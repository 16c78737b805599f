import { DEFAULT_KEYSTONE_IDENTITY } from '../openstack/keystone/keystone-state.js';

/** The application credential every simulated OpenStack cloud has (fixed, so a restarted sim accepts it). */
export const SIM_OPENSTACK_APPLICATION_CREDENTIAL = {
  name: 'hubfleet-sim',
  secret: 'hubfleet-simulated-application-credential-secret-0001',
} as const;

/** clouds.yaml's `auth` section and region for the simulated cloud: a password and an application credential. */
export type OpenStackSimCredentials = {
  auth_url: string;
  region_name: string;
  username: string;
  password: string;
  user_domain_name: string;
  project_name: string;
  project_domain_name: string;
  application_credential_id: string;
  application_credential_secret: string;
};

export function simCredentials(
  authUrl: string,
  region: string,
  applicationCredentialId: string,
): OpenStackSimCredentials {
  const { user, project, domain } = DEFAULT_KEYSTONE_IDENTITY;
  return {
    auth_url: `${authUrl}/v3`,
    region_name: region,
    username: user.name,
    password: user.password,
    user_domain_name: domain.name,
    project_name: project.name,
    project_domain_name: domain.name,
    application_credential_id: applicationCredentialId,
    application_credential_secret: SIM_OPENSTACK_APPLICATION_CREDENTIAL.secret,
  };
}

/**
 * A clouds.yaml with the simulated cloud as `sim` (application credential) and `sim-password`:
 * point OS_CLIENT_CONFIG_FILE at it and set OS_CLOUD, as with a real cloud.
 */
export function simCloudsYaml(credentials: OpenStackSimCredentials): string {
  const c = credentials;
  return [
    'clouds:',
    '  sim:',
    '    auth_type: v3applicationcredential',
    `    region_name: ${c.region_name}`,
    '    auth:',
    `      auth_url: ${c.auth_url}`,
    `      application_credential_id: ${c.application_credential_id}`,
    `      application_credential_secret: ${c.application_credential_secret}`,
    '  sim-password:',
    `    region_name: ${c.region_name}`,
    '    auth:',
    `      auth_url: ${c.auth_url}`,
    `      username: ${c.username}`,
    `      password: ${c.password}`,
    `      user_domain_name: ${c.user_domain_name}`,
    `      project_name: ${c.project_name}`,
    `      project_domain_name: ${c.project_domain_name}`,
    '',
  ].join('\n');
}
