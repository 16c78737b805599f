import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { request as httpsRequest } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { HubfleetError } from '@hubfleet/core';
import {
  createKubeCall,
  createKubeTransport,
  createManifestApplier,
  loadKubeconfig,
} from '@hubfleet/core/kubernetes';
import { ApiException, CoreV1Api, KubeConfig } from '@kubernetes/client-node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createCallLog, createFaultInjector, createManualClock } from '../framework/index.js';
import {
  type CertificateAndKey,
  createCertificateAuthority,
  issueClientCertificate,
} from '../framework/pki.js';
import {
  execCredential,
  type RunningKubernetesFake,
  type StartKubernetesFakeOptions,
  startKubernetesFake,
} from './index.js';

const running: RunningKubernetesFake[] = [];
let directory: string;
// One CA for every TLS fake here and one stranger's CA: RSA keys take a while on a busy machine.
let authority: CertificateAndKey;
let stranger: CertificateAndKey;

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'hubfleet-kube-auth-test-'));
  authority = await createCertificateAuthority('kubernetes');
  stranger = await createCertificateAuthority('someone-else');
});
afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
});
afterEach(async () => {
  await Promise.all(running.splice(0).map((fake) => fake.close()));
});

async function startCluster(options: Partial<StartKubernetesFakeOptions> = {}) {
  const clock = createManualClock();
  const fake = await startKubernetesFake({
    clock,
    faults: createFaultInjector(),
    callLog: createCallLog(),
    tls: { authority },
    ...options,
  });
  running.push(fake);
  return { clock, fake };
}

/** `@kubernetes/client-node` with a kubeconfig as the operator would have it. */
function clientFor(kubeconfig: string): CoreV1Api {
  const kc = new KubeConfig();
  kc.loadFromString(kubeconfig);
  return kc.makeApiClient(CoreV1Api);
}

/** hubfleet's own client, as the deployment builds it. */
async function hubfleetClientFor(kubeconfig: string) {
  const loaded = await loadKubeconfig(kubeconfig);
  const api = createManifestApplier(
    createKubeCall(createKubeTransport(loaded), { attempts: 1, baseDelayMs: 1, maxDelayMs: 1 }),
  );
  return { credential: loaded.credential, api };
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (error: unknown) => error,
  );
}

/** client-node's typed calls drop the body of a 401 (the OpenAPI spec gives it none): the code is what is left. */
function codeOf(error: unknown): number {
  expect(error).toBeInstanceOf(ApiException);
  return (error as ApiException<unknown>).code;
}

/** One GET with no credential at all, trusting the cluster CA: what the server really answers. */
function anonymousGet(url: string, path: string): Promise<{ status: number; body: unknown }> {
  return new Promise((resolve, reject) => {
    const outgoing = httpsRequest(new URL(path, url), { ca: authority.certificatePem }, (incoming) => {
      let text = '';
      incoming.on('data', (chunk) => {
        text += chunk;
      });
      incoming.on('end', () => resolve({ status: incoming.statusCode ?? 0, body: JSON.parse(text) }));
    });
    outgoing.on('error', reject);
    outgoing.end();
  });
}

/** An exec plugin: node printing an ExecCredential with `token`, expiring in an hour. */
function execPluginPrinting(token: string) {
  const expires = new Date(Date.now() + 3_600_000).toISOString();
  return {
    kind: 'exec' as const,
    command: process.execPath,
    args: ['-e', `process.stdout.write(${JSON.stringify(execCredential(token, expires))})`],
  };
}

describe('the Kubernetes fake over TLS, with each kind of credential', () => {
  it('serves HTTPS with a certificate for 127.0.0.1 signed by the cluster CA', async () => {
    const { fake } = await startCluster();
    expect(fake.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    expect(fake.authority?.certificatePem).toBe(authority.certificatePem);
  });

  it('lets in a client certificate the cluster CA signed, for client-node and for hubfleet', async () => {
    const { fake } = await startCluster({ tokens: 'none' });
    const kubeconfig = await fake.kubeconfig({ kind: 'client-certificate', user: 'kubernetes-admin' });
    expect(kubeconfig).toContain('client-certificate-data');
    const names = (await clientFor(kubeconfig).listNamespace()).items.map((item) => item.metadata?.name);
    expect(names).toContain('kube-system');
    const hubfleet = await hubfleetClientFor(kubeconfig);
    expect(hubfleet.credential).toBe('client-certificate');
    const applied = await hubfleet.api.apply({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'hub-settings', namespace: 'default' },
      data: { a: 'b' },
    });
    expect(applied).toMatchObject({ metadata: { name: 'hub-settings' }, data: { a: 'b' } });
  });

  it('reads a client certificate and key from files (the file form of a kubeconfig)', async () => {
    const { fake } = await startCluster({ tokens: 'none' });
    const issued = await issueClientCertificate(authority, {
      commonName: 'ops',
      organizations: ['system:masters'],
    });
    const certificateFile = join(directory, 'ops.crt');
    const keyFile = join(directory, 'ops.key');
    const caFile = join(directory, 'ca.crt');
    await writeFile(certificateFile, issued.certificatePem);
    await writeFile(keyFile, issued.privateKeyPem, { mode: 0o600 });
    await writeFile(caFile, authority.certificatePem);
    const kubeconfig = JSON.stringify({
      clusters: [{ name: 'c', cluster: { server: fake.url, 'certificate-authority': caFile } }],
      users: [{ name: 'ops', user: { 'client-certificate': certificateFile, 'client-key': keyFile } }],
      contexts: [{ name: 'ops@c', context: { cluster: 'c', user: 'ops' } }],
      'current-context': 'ops@c',
    });
    expect((await clientFor(kubeconfig).readNamespace({ name: 'default' })).metadata?.name).toBe('default');
    const hubfleet = await hubfleetClientFor(kubeconfig);
    expect(hubfleet.credential).toBe('client-certificate');
    expect(await hubfleet.api.get({ apiVersion: 'v1', kind: 'Namespace', name: 'default' })).toBeDefined();
  });

  it('lets in a token it issued, and refuses it once expired with a 401 Status', async () => {
    const { fake, clock } = await startCluster({ tokens: 'issued' });
    const kubeconfig = await fake.kubeconfig({ kind: 'token', ttlMs: 15 * 60_000 });
    expect(kubeconfig).toContain('certificate-authority-data');
    const core = clientFor(kubeconfig);
    expect((await core.listNamespace()).items.length).toBeGreaterThan(0);
    const hubfleet = await hubfleetClientFor(kubeconfig);
    expect(hubfleet.credential).toBe('token');
    expect(await hubfleet.api.list('v1', 'Namespace')).not.toEqual([]);

    clock.advance(15 * 60_000 + 1);
    expect(codeOf(await rejection(core.listNamespace()))).toBe(401);
    expect(await rejection(hubfleet.api.list('v1', 'Namespace'))).toMatchObject({
      kind: 'permission',
      retryable: false,
    });
  });

  it('takes a token from an exec credential plugin', async () => {
    const { fake } = await startCluster({ tokens: 'issued' });
    const token = fake.fake.issueToken({ user: 'oidc:alice', groups: ['system:masters'] });
    const kubeconfig = await fake.kubeconfig(execPluginPrinting(token));
    expect((await clientFor(kubeconfig).listNamespace()).items.length).toBeGreaterThan(0);
    const hubfleet = await hubfleetClientFor(kubeconfig);
    expect(hubfleet.credential).toBe('exec');
    expect(
      await hubfleet.api.get({ apiVersion: 'v1', kind: 'Namespace', name: 'kube-system' }),
    ).toBeDefined();
  });

  it('refuses a failing exec plugin as a permission problem naming the context, not as an outage', async () => {
    const { fake } = await startCluster({ tokens: 'issued' });
    const kubeconfig = await fake.kubeconfig({
      kind: 'exec',
      command: process.execPath,
      args: ['-e', 'process.stderr.write("not logged in"); process.exit(1)'],
    });
    const error = await rejection((await hubfleetClientFor(kubeconfig)).api.list('v1', 'Namespace'));
    expect(error).toMatchObject({
      kind: 'permission',
      retryable: false,
      subject: 'kubeconfig context fake-exec',
    });
  });

  it('answers 401 to a client certificate from another CA, to a token it does not take, and to no credential', async () => {
    const { fake } = await startCluster({ tokens: 'issued' });
    const good = JSON.parse(await fake.kubeconfig({ kind: 'client-certificate' })) as {
      users: { user: Record<string, string> }[];
    };
    const forged = await issueClientCertificate(stranger, {
      commonName: 'kubernetes-admin',
      organizations: ['system:masters'],
    });
    const user = good.users[0]?.user as Record<string, string>;
    user['client-certificate-data'] = Buffer.from(forged.certificatePem).toString('base64');
    user['client-key-data'] = Buffer.from(forged.privateKeyPem).toString('base64');
    expect(codeOf(await rejection(clientFor(JSON.stringify(good)).listNamespace()))).toBe(401);
    expect(
      await rejection((await hubfleetClientFor(JSON.stringify(good))).api.list('v1', 'Namespace')),
    ).toMatchObject({ kind: 'permission' });

    const unknownToken = clientFor(await fake.kubeconfig({ kind: 'token', token: 'made-up' }));
    expect(codeOf(await rejection(unknownToken.listNamespace()))).toBe(401);

    delete user['client-certificate-data'];
    delete user['client-key-data'];
    expect(codeOf(await rejection(clientFor(JSON.stringify(good)).listNamespace()))).toBe(401);
    expect(await anonymousGet(fake.url, '/api/v1/namespaces')).toEqual({
      status: 401,
      body: expect.objectContaining({ kind: 'Status', status: 'Failure', reason: 'Unauthorized', code: 401 }),
    });
    // hubfleet refuses such a kubeconfig before sending anything: exit 2, naming the context.
    const refused = (await rejection(hubfleetClientFor(JSON.stringify(good)))) as HubfleetError;
    expect(refused).toMatchObject({
      kind: 'invalid-config',
      subject: 'kubeconfig context fake-client-certificate',
    });
  });

  it('is not trusted by a client holding another cluster CA', async () => {
    const { fake } = await startCluster();
    const document = JSON.parse(await fake.kubeconfig({ kind: 'client-certificate' })) as {
      clusters: { cluster: Record<string, string> }[];
    };
    (document.clusters[0] as { cluster: Record<string, string> }).cluster['certificate-authority-data'] =
      Buffer.from(stranger.certificatePem).toString('base64');
    const error = await rejection(
      (await hubfleetClientFor(JSON.stringify(document))).api.list('v1', 'Namespace'),
    );
    expect(error).toMatchObject({ kind: 'unavailable', message: expect.stringMatching(/certificate/) });
  });

  it('keeps plain HTTP with any token for the AWS sim, and refuses tokens when told to take none', async () => {
    const open = await startCluster({ tls: false });
    expect(open.fake.url).toMatch(/^http:\/\//);
    const kubeconfig = await open.fake.kubeconfig({ kind: 'token', token: 'anything' });
    expect(kubeconfig).toContain('insecure-skip-tls-verify');
    expect((await clientFor(kubeconfig).listNamespace()).items.length).toBeGreaterThan(0);

    const certificatesOnly = await startCluster({ tokens: 'none' });
    const token = certificatesOnly.fake.fake.issueToken({ user: 'admin' });
    const refused = await rejection(
      clientFor(await certificatesOnly.fake.kubeconfig({ kind: 'token', token })).listNamespace(),
    );
    expect(codeOf(refused)).toBe(401);
  });
});
