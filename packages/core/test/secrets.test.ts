import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkSecretsResolve, collectSecretRefs, HubfleetError, resolveSecret } from '../src/index.js';

describe('secret references', () => {
  const directory = mkdtempSync(join(tmpdir(), 'hubfleet-secrets-'));
  writeFileSync(join(directory, 'key.txt'), 's3cret\n');
  const config = {
    hubs: [{ auth: { clientSecret: { fromEnv: 'CLIENT_SECRET' } } }],
    tls: { keyFile: { fromFile: './key.txt' } },
  };

  it('are collected with their paths', () => {
    expect(collectSecretRefs(config)).toEqual([
      { path: ['hubs', 0, 'auth', 'clientSecret'], ref: { fromEnv: 'CLIENT_SECRET' } },
      { path: ['tls', 'keyFile'], ref: { fromFile: './key.txt' } },
    ]);
  });

  it('are checked without their values reaching the issues', () => {
    const issues = checkSecretsResolve(config, { env: {}, configDirectory: directory });
    expect(issues).toMatchObject([
      { path: ['hubs', 0, 'auth', 'clientSecret'], message: 'environment variable CLIENT_SECRET is not set' },
    ]);
    expect(
      checkSecretsResolve(config, {
        env: { CLIENT_SECRET: 'x' },
        configDirectory: join(directory, 'elsewhere'),
      })[0]?.message,
    ).toContain('cannot be read');
  });

  it('resolve to their values only when asked', () => {
    const context = { env: { CLIENT_SECRET: 'from-env' }, configDirectory: directory };
    expect(resolveSecret({ fromEnv: 'CLIENT_SECRET' }, context)).toBe('from-env');
    expect(resolveSecret({ fromFile: './key.txt' }, context)).toBe('s3cret');
    expect(() => resolveSecret({ fromEnv: 'MISSING' }, context)).toThrow(HubfleetError);
  });
});

describe('referenced files', () => {
  it('needs the manual TLS certificate to exist beside the config', async () => {
    const { checkReferencedFiles } = await import('../src/config/secrets.js');
    const directory = mkdtempSync(join(tmpdir(), 'hubfleet-cert-'));
    const config = { ingress: { tls: { mode: 'manual', certFile: './tls/host.crt' } } };
    expect(checkReferencedFiles(config, { env: {}, configDirectory: directory })).toMatchObject([
      { path: ['ingress', 'tls', 'certFile'], message: expect.stringContaining('cannot be read') },
    ]);
    mkdirSync(join(directory, 'tls'));
    writeFileSync(join(directory, 'tls/host.crt'), 'PEM');
    expect(checkReferencedFiles(config, { env: {}, configDirectory: directory })).toEqual([]);
  });
});
