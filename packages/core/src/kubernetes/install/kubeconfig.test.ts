import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exitCodeFor } from '../../errors/index.js';
import { loadKubeconfig } from './kubeconfig.js';

function kubeconfig(user: Record<string, unknown>, cluster: Record<string, unknown> = {}): string {
  return JSON.stringify({
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [{ name: 'magnum', cluster: { server: 'https://192.0.2.10:6443/', ...cluster } }],
    users: [{ name: 'admin', user }],
    contexts: [{ name: 'stfc-admin', context: { cluster: 'magnum', user: 'admin' } }],
    'current-context': 'stfc-admin',
  });
}

const PEM = Buffer.from('-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n').toString('base64');

let directory: string;
beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'hubfleet-kubeconfig-test-'));
  await writeFile(join(directory, 'client.crt'), 'certificate');
  await writeFile(join(directory, 'client.key'), 'key');
});
afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
});

describe('loadKubeconfig', () => {
  it('names the credential kind of every form a provider or operator hands over', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ token: 'k8s-aws-v1.abc' }, 'token'],
      [{ 'client-certificate-data': PEM, 'client-key-data': PEM }, 'client-certificate'],
      [
        { 'client-certificate': join(directory, 'client.crt'), 'client-key': join(directory, 'client.key') },
        'client-certificate',
      ],
      [
        { exec: { apiVersion: 'client.authentication.k8s.io/v1', command: 'gke-gcloud-auth-plugin' } },
        'exec',
      ],
    ];
    for (const [user, kind] of cases) {
      const loaded = await loadKubeconfig(kubeconfig(user, { 'certificate-authority-data': PEM }));
      expect(loaded).toMatchObject({
        context: 'stfc-admin',
        server: 'https://192.0.2.10:6443',
        credential: kind,
      });
    }
  });

  it('refuses a user with no credential as invalid input, naming the context', async () => {
    const error = await loadKubeconfig(kubeconfig({})).catch((caught: unknown) => caught);
    expect(error).toMatchObject({
      kind: 'invalid-config',
      subject: 'kubeconfig context stfc-admin',
      message: expect.stringContaining('context "stfc-admin"'),
    });
    expect(exitCodeFor(error)).toBe(2);
  });

  it('refuses half a client certificate, unreadable files and credentials over plain HTTP', async () => {
    await expect(loadKubeconfig(kubeconfig({ 'client-certificate-data': PEM }))).rejects.toMatchObject({
      kind: 'invalid-config',
      message: expect.stringContaining('client certificate but no client key'),
    });
    await expect(
      loadKubeconfig(
        kubeconfig({
          'client-certificate': join(directory, 'gone.crt'),
          'client-key': join(directory, 'client.key'),
        }),
      ),
    ).rejects.toMatchObject({
      kind: 'invalid-config',
      message: expect.stringContaining('gone.crt cannot be read'),
    });
    await expect(
      loadKubeconfig(kubeconfig({ token: 't' }, { 'certificate-authority': join(directory, 'ca.crt') })),
    ).rejects.toMatchObject({
      kind: 'invalid-config',
      message: expect.stringContaining('ca.crt cannot be read'),
    });
    await expect(
      loadKubeconfig(kubeconfig({ token: 't' }, { server: 'http://127.0.0.1:8080' })),
    ).rejects.toMatchObject({ kind: 'invalid-config', message: expect.stringContaining('plain HTTP') });
  });

  it('refuses a kubeconfig whose current context is missing or that is not one at all', async () => {
    const noContext = JSON.stringify({
      ...JSON.parse(kubeconfig({ token: 't' })),
      'current-context': 'other',
    });
    await expect(loadKubeconfig(noContext)).rejects.toMatchObject({
      kind: 'invalid-config',
      message: expect.stringContaining('context "other"'),
    });
    await expect(loadKubeconfig('clusters: [{ cluster: {} }]')).rejects.toMatchObject({
      kind: 'invalid-config',
    });
  });
});
