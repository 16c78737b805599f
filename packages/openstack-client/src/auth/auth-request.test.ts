import { describe, expect, it } from 'vitest';
import { authRequestBody, tokensUrl } from './auth-request.js';

describe('Keystone authentication bodies', () => {
  it('scopes a password to a project by name and domain', () => {
    expect(
      authRequestBody({
        type: 'password',
        authUrl: 'x',
        username: 'u',
        userDomainName: 'D',
        password: 'p',
        projectName: 'n',
        projectDomainId: 'default',
      }),
    ).toEqual({
      auth: {
        identity: {
          methods: ['password'],
          password: { user: { name: 'u', domain: { name: 'D' }, password: 'p' } },
        },
        scope: { project: { name: 'n', domain: { id: 'default' } } },
      },
    });
  });

  it('sends an application credential with no scope, by id or by name and user', () => {
    expect(
      authRequestBody({
        type: 'application-credential',
        authUrl: 'x',
        applicationCredentialId: 'i',
        secret: 's',
      }),
    ).toEqual({
      auth: {
        identity: { methods: ['application_credential'], application_credential: { id: 'i', secret: 's' } },
      },
    });
    const byName = authRequestBody({
      type: 'application-credential',
      authUrl: 'x',
      applicationCredentialName: 'n',
      userId: 'u1',
      secret: 's',
    });
    expect(byName).toEqual({
      auth: {
        identity: {
          methods: ['application_credential'],
          application_credential: { name: 'n', secret: 's', user: { id: 'u1' } },
        },
      },
    });
  });

  it('refuses credentials Keystone could not place, in words an operator can act on', () => {
    expect(() =>
      authRequestBody({ type: 'password', authUrl: 'x', username: 'u', password: 'p', projectId: 'p1' }),
    ).toThrow(/user name with its domain/);
    expect(() => authRequestBody({ type: 'password', authUrl: 'x', userId: 'u', password: 'p' })).toThrow(
      /needs a project/,
    );
    expect(() =>
      authRequestBody({
        type: 'application-credential',
        authUrl: 'x',
        applicationCredentialName: 'n',
        secret: 's',
      }),
    ).toThrow(/needs the user/);
  });

  it('finds the token endpoint with or without /v3', () => {
    expect(tokensUrl('https://k:5000/v3/')).toBe('https://k:5000/v3/auth/tokens');
    expect(tokensUrl('https://k:5000')).toBe('https://k:5000/v3/auth/tokens');
  });
});
