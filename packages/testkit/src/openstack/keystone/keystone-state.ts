/**
 * Keystone's identity data, plain JSON so sim mode can persist it: domains, projects, users with
 * their passwords and role assignments, application credentials, and issued tokens.
 */
export interface KeystoneDomain {
  id: string;
  name: string;
}

export interface KeystoneProject {
  id: string;
  name: string;
  domainId: string;
}

export interface KeystoneUser {
  id: string;
  name: string;
  domainId: string;
  password: string;
  /** Projects the user has a role on (a token can be scoped only to these). */
  projectIds: string[];
}

export interface KeystoneApplicationCredential {
  id: string;
  name: string;
  userId: string;
  projectId: string;
  secret: string;
  description: string | null;
  /** Epoch milliseconds; null never expires. */
  expiresAt: number | null;
  roles: string[];
}

export interface KeystoneIssuedToken {
  userId: string;
  projectId: string;
  methods: string[];
  applicationCredentialId?: string;
  issuedAt: number;
  expiresAt: number;
  revoked: boolean;
}

export interface KeystoneState {
  domains: Record<string, KeystoneDomain>;
  projects: Record<string, KeystoneProject>;
  users: Record<string, KeystoneUser>;
  applicationCredentials: Record<string, KeystoneApplicationCredential>;
  tokens: Record<string, KeystoneIssuedToken>;
}

/** The identities every fresh Keystone fake has (and the sim cloud's credentials use). */
export const DEFAULT_KEYSTONE_IDENTITY = {
  domain: { id: 'default', name: 'Default' },
  project: { id: 'a1b2c3d4e5f60718293a4b5c6d7e8f90', name: 'hubfleet', domainId: 'default' },
  user: {
    id: 'f0e1d2c3b4a5968778695a4b3c2d1e0f',
    name: 'hubfleet',
    domainId: 'default',
    password: 'sim-password',
  },
} as const;

export function createKeystoneState(): KeystoneState {
  const { domain, project, user } = DEFAULT_KEYSTONE_IDENTITY;
  return {
    domains: { [domain.id]: { ...domain } },
    projects: { [project.id]: { ...project } },
    users: { [user.id]: { ...user, projectIds: [project.id] } },
    applicationCredentials: {},
    tokens: {},
  };
}
