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

/** A Keystone token and the catalog it came with, as `POST /v3/auth/tokens` answers. */
export interface SimKeystoneToken {
  token: string;
  /** Service type → public endpoint URL (`compute`, `network`, `volumev3`, `image`, …). */
  endpoints: Record<string, string>;
}

/**
 * Sign in to a simulated cloud with its application credential, as a client with its clouds.yaml
 * would: the token and the catalog's public endpoints. For tests that talk to the services directly.
 */
export async function simKeystoneToken(
  credentials: Pick<
    OpenStackSimCredentials,
    'auth_url' | 'application_credential_id' | 'application_credential_secret'
  >,
): Promise<SimKeystoneToken> {
  const response = await fetch(`${credentials.auth_url}/auth/tokens`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      auth: {
        identity: {
          methods: ['application_credential'],
          application_credential: {
            id: credentials.application_credential_id,
            secret: credentials.application_credential_secret,
          },
        },
      },
    }),
  });
  if (response.status !== 201) throw new Error(`Keystone refused the sim's credential: ${response.status}`);
  const body = (await response.json()) as {
    token: { catalog: { type: string; endpoints: { interface: string; url: string }[] }[] };
  };
  const endpoints: Record<string, string> = {};
  for (const entry of body.token.catalog) {
    const url = entry.endpoints.find((endpoint) => endpoint.interface === 'public')?.url;
    if (url) endpoints[entry.type] = url;
  }
  return { token: response.headers.get('x-subject-token') ?? '', endpoints };
}
