import { type JsonObject, objectField, stringField } from '../../framework/json-body.js';
import { authenticationFailed, badRequest } from './keystone-errors.js';
import type {
  KeystoneApplicationCredential,
  KeystoneProject,
  KeystoneState,
  KeystoneUser,
} from './keystone-state.js';

/** Who an authentication request proved to be, and the project it asked for (or got). */
export interface ProvenIdentity {
  user: KeystoneUser;
  project: KeystoneProject | undefined;
  methods: string[];
  applicationCredential?: KeystoneApplicationCredential;
}

function domainIdOf(state: KeystoneState, reference: JsonObject | undefined): string | undefined {
  const id = stringField(reference, 'id');
  if (id) return state.domains[id] ? id : undefined;
  const name = stringField(reference, 'name');
  return Object.values(state.domains).find((domain) => domain.name === name)?.id;
}

/** `{id}` or `{name, domain: {id|name}}`, as api-ref identity v3 allows for users. */
export function findUser(state: KeystoneState, reference: JsonObject | undefined): KeystoneUser | undefined {
  const id = stringField(reference, 'id');
  if (id) return state.users[id];
  const name = stringField(reference, 'name');
  const domainId = domainIdOf(state, objectField(reference, 'domain'));
  if (!name || !domainId) return undefined;
  return Object.values(state.users).find((user) => user.name === name && user.domainId === domainId);
}

function findProject(state: KeystoneState, reference: JsonObject | undefined): KeystoneProject | undefined {
  const id = stringField(reference, 'id');
  if (id) return state.projects[id];
  const name = stringField(reference, 'name');
  const domainId = domainIdOf(state, objectField(reference, 'domain'));
  return Object.values(state.projects).find(
    (project) => project.name === name && project.domainId === domainId,
  );
}

function byPassword(
  state: KeystoneState,
  identity: JsonObject,
  scope: JsonObject | undefined,
): ProvenIdentity {
  const userReference = objectField(objectField(identity, 'password'), 'user');
  if (!userReference)
    throw badRequest("Invalid input for field 'identity/password/user': None is not of type 'object'");
  const user = findUser(state, userReference);
  if (!user || user.password !== stringField(userReference, 'password')) throw authenticationFailed();
  if (!scope) return { user, project: undefined, methods: ['password'] };
  const projectReference = objectField(scope, 'project');
  if (!projectReference) throw badRequest('Only project scope is supported by this fake.');
  const project = findProject(state, projectReference);
  // Keystone does not say whether the project is missing or the user has no role on it.
  if (!project || !user.projectIds.includes(project.id)) throw authenticationFailed();
  return { user, project, methods: ['password'] };
}

function byApplicationCredential(
  state: KeystoneState,
  identity: JsonObject,
  scope: JsonObject | undefined,
  now: number,
): ProvenIdentity {
  if (scope) throw authenticationFailed('Application credentials cannot request a scope.');
  const reference = objectField(identity, 'application_credential');
  const id = stringField(reference, 'id');
  const name = stringField(reference, 'name');
  let credential: KeystoneApplicationCredential | undefined;
  if (id) credential = state.applicationCredentials[id];
  else if (name) {
    const owner = findUser(state, objectField(reference, 'user'));
    credential = Object.values(state.applicationCredentials).find(
      (candidate) => candidate.name === name && candidate.userId === owner?.id,
    );
  } else
    throw badRequest("Invalid input for field 'identity/application_credential': 'id' or 'name' is required");
  if (!credential || credential.secret !== stringField(reference, 'secret')) throw authenticationFailed();
  if (credential.expiresAt !== null && credential.expiresAt <= now) throw authenticationFailed();
  const user = state.users[credential.userId];
  const project = state.projects[credential.projectId];
  if (!user || !project) throw authenticationFailed();
  return { user, project, methods: ['application_credential'], applicationCredential: credential };
}

/** Checks an `auth` body (api-ref identity v3 "Authentication and token management"). */
export function proveIdentity(state: KeystoneState, body: JsonObject, now: number): ProvenIdentity {
  const auth = objectField(body, 'auth');
  const identity = objectField(auth, 'identity');
  const methods = identity?.methods;
  if (!identity || !Array.isArray(methods) || methods.length === 0)
    throw badRequest("Invalid input for field 'identity': 'methods' is a required property");
  const scope = objectField(auth, 'scope');
  if (methods.includes('application_credential')) return byApplicationCredential(state, identity, scope, now);
  if (methods.includes('password')) return byPassword(state, identity, scope);
  throw authenticationFailed(`Attempted to authenticate with an unsupported method.`);
}
