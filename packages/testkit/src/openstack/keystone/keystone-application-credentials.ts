import { randomBytes, randomUUID } from 'node:crypto';
import type { FakeResponse } from '../../framework/http-service.js';
import { objectField, stringField } from '../../framework/json-body.js';
import { jsonReply } from '../shared/openstack-http.js';
import type { OpenStackRequest } from '../shared/openstack-protocol.js';
import { callerToken } from './keystone-auth-handlers.js';
import { badRequest, keystoneError } from './keystone-errors.js';
import type { KeystoneContext } from './keystone-settings.js';
import type { KeystoneApplicationCredential } from './keystone-state.js';
import { keystoneTime } from './keystone-tokens.js';

function render(credential: KeystoneApplicationCredential, secret?: string): unknown {
  return {
    id: credential.id,
    name: credential.name,
    description: credential.description,
    project_id: credential.projectId,
    user_id: credential.userId,
    expires_at: credential.expiresAt === null ? null : keystoneTime(credential.expiresAt),
    unrestricted: false,
    roles: credential.roles.map((name) => ({ name })),
    ...(secret === undefined ? {} : { secret }),
  };
}

/** The user in the path must be the caller; the caller must not itself be an application credential. */
function ownUser(context: KeystoneContext, request: OpenStackRequest): string {
  const token = callerToken(context, request);
  const userId = request.labels.userId as string;
  if (token.userId !== userId)
    throw keystoneError(
      403,
      'You are not authorized to perform the requested action: identity:list_application_credentials.',
    );
  if (request.method !== 'GET' && token.applicationCredentialId)
    throw keystoneError(
      403,
      "Using method 'application_credential' is not allowed for managing additional application credentials.",
    );
  return userId;
}

/** POST /v3/users/{userId}/application_credentials → 201 with the secret (shown this once). */
export function createApplicationCredential(
  context: KeystoneContext,
  request: OpenStackRequest,
): FakeResponse {
  const userId = ownUser(context, request);
  const token = callerToken(context, request);
  const body = objectField(request.body, 'application_credential');
  const name = stringField(body, 'name');
  if (!name)
    throw badRequest("Invalid input for field 'application_credential/name': 'name' is a required property");
  const taken = Object.values(context.state.applicationCredentials).some(
    (c) => c.userId === userId && c.name === name,
  );
  if (taken)
    throw keystoneError(
      409,
      'Conflict occurred attempting to store application_credential - Duplicate entry.',
    );
  const expires = stringField(body, 'expires_at');
  const expiresAt = expires ? Date.parse(expires) : null;
  if (expiresAt !== null && Number.isNaN(expiresAt))
    throw badRequest(`Invalid input for field 'expires_at': ${expires}`);
  const secret = stringField(body, 'secret') ?? randomBytes(48).toString('base64url');
  const credential: KeystoneApplicationCredential = {
    id: randomUUID().replaceAll('-', ''),
    name,
    userId,
    projectId: token.projectId,
    secret,
    description: stringField(body, 'description') ?? null,
    expiresAt,
    roles: ['member', 'reader'],
  };
  context.state.applicationCredentials[credential.id] = credential;
  return jsonReply(201, { application_credential: render(credential, secret) });
}

export function listApplicationCredentials(
  context: KeystoneContext,
  request: OpenStackRequest,
): FakeResponse {
  const userId = ownUser(context, request);
  const name = request.query.get('name');
  const found = Object.values(context.state.applicationCredentials).filter(
    (credential) => credential.userId === userId && (name === null || credential.name === name),
  );
  return jsonReply(200, {
    application_credentials: found.map((credential) => render(credential)),
    links: { self: null, next: null, previous: null },
  });
}

function find(context: KeystoneContext, request: OpenStackRequest): KeystoneApplicationCredential {
  const userId = ownUser(context, request);
  const credential = context.state.applicationCredentials[request.labels.credentialId as string];
  if (!credential || credential.userId !== userId)
    throw keystoneError(404, `Could not find application credential: ${request.labels.credentialId}.`);
  return credential;
}

export function showApplicationCredential(context: KeystoneContext, request: OpenStackRequest): FakeResponse {
  return jsonReply(200, { application_credential: render(find(context, request)) });
}

/** DELETE → 204; tokens it issued stop validating. */
export function deleteApplicationCredential(
  context: KeystoneContext,
  request: OpenStackRequest,
): FakeResponse {
  const credential = find(context, request);
  delete context.state.applicationCredentials[credential.id];
  return jsonReply(204);
}
