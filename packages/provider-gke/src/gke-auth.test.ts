import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HubfleetError } from '@hubfleet/core';
import { describe, expect, it } from 'vitest';
import { rhodesConfig, startGoogleFakes } from '../test/gke-fake-world.js';
import { gkeAuthClient } from './gke-auth.js';
import { gkeProvider } from './gke-provider.js';

describe('GKE credentials', () => {
  it('reads a service-account key named by provider.credentials, relative to the config', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'hubfleet-gke-key-'));
    const { generateKeyPairSync } = await import('node:crypto');
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const key = {
      type: 'service_account',
      client_email: 'hubfleet@rhodes-cs.iam.gserviceaccount.com',
      private_key: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    };
    writeFileSync(join(directory, 'key.json'), JSON.stringify(key));
    const config = rhodesConfig('jupyter', 'rhodes-cs');
    const client = await gkeAuthClient(
      { ...config, provider: { ...config.provider, credentials: { fromFile: './key.json' } } },
      { configDirectory: directory },
      {},
    );
    expect((client as unknown as { email: string }).email).toBe(key.client_email);
  });

  it('refuses a file that is not a key, naming provider.credentials (exit 2), without printing it', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'hubfleet-gke-key-'));
    writeFileSync(join(directory, 'key.json'), '{"private_key": "SECRET-material"}');
    const config = rhodesConfig('jupyter', 'rhodes-cs');
    const error = await gkeAuthClient(
      { ...config, provider: { ...config.provider, credentials: { fromFile: './key.json' } } },
      { configDirectory: directory },
      {},
    ).catch((caught: unknown) => caught);
    expect(HubfleetError.is(error) && error.kind).toBe('invalid-config');
    expect((error as HubfleetError).subject).toBe('provider.credentials');
    expect(String((error as HubfleetError).message)).not.toContain('SECRET');
  });

  it('refuses a simulation without a key instead of falling back to a real credential chain', async () => {
    const error = await gkeAuthClient(
      rhodesConfig('jupyter', 'hubfleet-sim'),
      {
        configDirectory: '.',
        simulation: { endpoints: { container: 'http://127.0.0.1:1' }, credentials: {} },
      },
      {},
    ).catch((caught: unknown) => caught);
    expect(HubfleetError.is(error) && error.message).toMatch(/no service-account key/);
  });
});

describe('the access tokens a session hands out', () => {
  it('are refreshed once less than 15 minutes are left, so a kubeconfig token lives at least that long', async () => {
    const fakes = await startGoogleFakes('rhodes-cs');
    try {
      const auth = await gkeAuthClient(
        rhodesConfig('jupyter', 'rhodes-cs'),
        { configDirectory: '.', simulation: { endpoints: fakes.endpoints, credentials: fakes.key } },
        {},
      );
      const first = (await auth.getAccessToken()).token;
      expect(first).toMatch(/^ya29\./);
      // As if the token were 44 minutes old: 16 minutes left, still handed out.
      auth.credentials.expiry_date = Date.now() + 16 * 60_000;
      expect((await auth.getAccessToken()).token).toBe(first);
      // 14 minutes left: fewer than `credentialLifetimeMs` promises, so a fresh one is fetched.
      auth.credentials.expiry_date = Date.now() + 14 * 60_000;
      const second = (await auth.getAccessToken()).token;
      expect(second).toMatch(/^ya29\./);
      expect(second).not.toBe(first);
      expect(gkeProvider.credentialLifetimeMs).toBe(15 * 60_000);
    } finally {
      await fakes.close();
    }
  });
});
