/**
 * Keystone v3 credentials, as clouds.yaml or an openrc file give them. Secrets (`password`,
 * `secret`) are kept only here and in the authentication request body; nothing prints them.
 */
export interface UserReference {
  userId?: string;
  username?: string;
  /** A user name is unique within its domain only, so a name needs one of these. */
  userDomainName?: string;
  userDomainId?: string;
}

export interface PasswordCredentials extends UserReference {
  type: 'password';
  authUrl: string;
  password: string;
  projectId?: string;
  projectName?: string;
  projectDomainName?: string;
  projectDomainId?: string;
}

/** Keystone refuses a scope with these (401): the credential is already bound to its project. */
export interface ApplicationCredentials extends UserReference {
  type: 'application-credential';
  authUrl: string;
  applicationCredentialId?: string;
  /** With a name, the owning user must be given (id, or name and domain). */
  applicationCredentialName?: string;
  secret: string;
}

export type OpenStackAuth = PasswordCredentials | ApplicationCredentials;

export type EndpointInterface = 'public' | 'internal' | 'admin';

export interface OpenStackCredentials {
  auth: OpenStackAuth;
  regionName?: string;
  /** @default 'public' */
  interface?: EndpointInterface;
  /** Where these came from, for messages: e.g. `clouds.yaml cloud "stfc" (~/.config/openstack/clouds.yaml)`. */
  source: string;
}

/** What may be shown of the credentials: everything but the secret. */
export function describeAuth(auth: OpenStackAuth): string {
  const user =
    auth.userId ??
    (auth.username ? `${auth.username}@${auth.userDomainName ?? auth.userDomainId ?? '?'}` : undefined);
  if (auth.type === 'application-credential') {
    const credential = auth.applicationCredentialId ?? auth.applicationCredentialName ?? '?';
    return `application credential ${credential}${user ? ` of ${user}` : ''} at ${auth.authUrl}`;
  }
  const project = auth.projectId ?? auth.projectName ?? 'no project';
  return `password of ${user ?? '?'} for project ${project} at ${auth.authUrl}`;
}
