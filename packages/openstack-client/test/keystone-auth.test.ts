import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OpenStackError } from '../src/errors/openstack-error.js';
import { createOpenStackSession } from '../src/session/openstack-session.js';
import { type FakeWorld, passwordCredentials, sessionFor, startFakeWorld } from './fake-world.js';

let world: FakeWorld;
beforeEach(async () => {
  world = await startFakeWorld();
});
afterEach(() => world.close());

describe('Keystone v3 authentication against the Keystone fake', () => {
  it('issues a project-scoped token from a password and reads the catalog', async () => {
    world.keystone.fake.registerService({
      type: 'volumev3',
      name: 'cinderv3',
      url: 'http://127.0.0.1:1/v3/$(project_id)s',
    });
    const session = sessionFor(world);
    const token = await session.tokens.current();
    expect(token.projectId).toBe('a1b2c3d4e5f60718293a4b5c6d7e8f90');
    expect(token.expiresAt - token.issuedAt).toBe(3_600_000);
    expect(token.catalog.map((entry) => entry.type).sort()).toEqual(['identity', 'volumev3']);
    const volume = token.catalog.find((entry) => entry.type === 'volumev3');
    expect(volume?.endpoints.find((endpoint) => endpoint.interface === 'public')?.url).toBe(
      'http://127.0.0.1:1/v3/a1b2c3d4e5f60718293a4b5c6d7e8f90',
    );
    expect(world.keystone.fake.validToken(token.value)).toBe(true);
  });

  it('scopes by project id as well as by name and domain', async () => {
    const credentials = passwordCredentials(world.keystone.url);
    if (credentials.auth.type !== 'password') throw new Error('unexpected');
    const { projectName: _name, projectDomainName: _domain, ...rest } = credentials.auth;
    const session = createOpenStackSession({
      credentials: { ...credentials, auth: { ...rest, projectId: 'a1b2c3d4e5f60718293a4b5c6d7e8f90' } },
      http: world.http,
    });
    expect(await session.projectId()).toBe('a1b2c3d4e5f60718293a4b5c6d7e8f90');
  });

  it('authenticates with an application credential by id, sending no scope', async () => {
    const credential = world.keystone.fake.addApplicationCredential({
      name: 'hubfleet-ci',
      secret: 's3cret-value',
    });
    const session = createOpenStackSession({
      credentials: {
        auth: {
          type: 'application-credential',
          authUrl: world.keystone.url,
          applicationCredentialId: credential.id,
          secret: 's3cret-value',
        },
        source: 'test',
      },
      http: world.http,
    });
    const token = await session.tokens.current();
    expect(token.projectId).toBe(credential.projectId);
    expect(world.keystone.state.tokens[token.value]?.methods).toEqual(['application_credential']);
  });

  it('authenticates with an application credential by name and user', async () => {
    world.keystone.fake.addApplicationCredential({ name: 'named', secret: 'another-secret' });
    const session = createOpenStackSession({
      credentials: {
        auth: {
          type: 'application-credential',
          authUrl: world.keystone.url,
          applicationCredentialName: 'named',
          username: 'hubfleet',
          userDomainName: 'Default',
          secret: 'another-secret',
        },
        source: 'test',
      },
      http: world.http,
    });
    expect(await session.projectId()).toBe('a1b2c3d4e5f60718293a4b5c6d7e8f90');
  });

  it('answers 401 to an application credential that asks for a scope, as Keystone does', async () => {
    const credential = world.keystone.fake.addApplicationCredential({ name: 'scoped', secret: 'x-secret' });
    const response = await fetch(`${world.keystone.url}/v3/auth/tokens`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        auth: {
          identity: {
            methods: ['application_credential'],
            application_credential: { id: credential.id, secret: 'x-secret' },
          },
          scope: { project: { id: credential.projectId } },
        },
      }),
    });
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({
      error: { code: 401, title: 'Unauthorized', message: 'Application credentials cannot request a scope.' },
    });
  });

  it('maps a wrong password to a permission error that never shows the secret', async () => {
    const credentials = passwordCredentials(world.keystone.url);
    if (credentials.auth.type !== 'password') throw new Error('unexpected');
    const session = createOpenStackSession({
      credentials: { ...credentials, auth: { ...credentials.auth, password: 'wrong-horse-battery' } },
      http: world.http,
    });
    const error = await session.tokens.current().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(OpenStackError);
    expect(error).toMatchObject({ kind: 'permission', status: 401, retryable: false, service: 'identity' });
    const text = JSON.stringify({ ...(error as OpenStackError), message: (error as Error).message });
    expect(text).not.toContain('wrong-horse-battery');
    expect((error as OpenStackError).hint).toContain('clouds.yaml');
    expect((error as OpenStackError).requestId).toMatch(/^req-/);
  });

  it('maps a wrong application credential secret to permission, the secret nowhere in the error', async () => {
    const credential = world.keystone.fake.addApplicationCredential({ name: 'ci', secret: 'right-secret' });
    const session = createOpenStackSession({
      credentials: {
        auth: {
          type: 'application-credential',
          authUrl: world.keystone.url,
          applicationCredentialId: credential.id,
          secret: 'wrong-secret-value',
        },
        source: 'test',
      },
      http: world.http,
    });
    const error = (await session.tokens.current().catch((caught: unknown) => caught)) as OpenStackError;
    expect(error).toMatchObject({ kind: 'permission', status: 401 });
    expect(error.message).toContain(`application credential ${credential.id}`);
    expect(error.hint).toContain('cannot request a scope; hubfleet sends none');
    for (const text of [error.message, error.hint ?? '', JSON.stringify(error), String(error.stack)])
      expect(text).not.toContain('wrong-secret-value');
  });

  it('refuses an expired application credential', async () => {
    const credential = world.keystone.fake.addApplicationCredential({
      name: 'old',
      secret: 'old-secret',
      expiresAt: world.clock.now() - 1,
    });
    const session = createOpenStackSession({
      credentials: {
        auth: {
          type: 'application-credential',
          authUrl: world.keystone.url,
          applicationCredentialId: credential.id,
          secret: 'old-secret',
        },
        source: 'test',
      },
      http: world.http,
    });
    await expect(session.tokens.current()).rejects.toMatchObject({ kind: 'permission', status: 401 });
  });

  it('re-issues the token before expires_at and not before', async () => {
    const session = sessionFor(world);
    const first = await session.tokens.current();
    world.clock.advance(50 * 60_000);
    expect((await session.tokens.current()).value).toBe(first.value);
    world.clock.advance(6 * 60_000); // 4 minutes left: inside the 5-minute renewal margin
    const second = await session.tokens.current();
    expect(second.value).not.toBe(first.value);
    expect(world.callLog.count({ service: 'keystone', operation: 'IssueToken' })).toBe(2);
  });

  it('shares one re-authentication between concurrent callers', async () => {
    const session = sessionFor(world);
    const tokens = await Promise.all([
      session.tokens.current(),
      session.tokens.current(),
      session.tokens.current(),
    ]);
    expect(new Set(tokens.map((token) => token.value)).size).toBe(1);
    expect(world.callLog.count({ service: 'keystone', operation: 'IssueToken' })).toBe(1);
  });

  it('retries a 503 from Keystone and replays a token request whose connection dropped', async () => {
    world.faults.script({ operation: 'keystone.IssueToken', fault: 'unavailable', times: 1 });
    world.faults.script({ operation: 'keystone.IssueToken', fault: 'drop', times: 1 });
    const token = await sessionFor(world).tokens.current();
    expect(world.keystone.fake.validToken(token.value)).toBe(true);
    expect(world.callLog.count({ service: 'keystone', operation: 'IssueToken' })).toBe(3);
  });

  it('gives up after the bounded number of tries with a retryable unavailable error', async () => {
    world.faults.script({ operation: 'keystone.IssueToken', fault: 'server-error', times: 10 });
    const error = await sessionFor(world)
      .tokens.current()
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ kind: 'unavailable', retryable: true, status: 500 });
    expect(world.callLog.count({ service: 'keystone', operation: 'IssueToken' })).toBe(4);
  });
});
