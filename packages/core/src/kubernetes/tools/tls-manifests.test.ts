import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveSecret } from '../../config/secrets.js';
import { resolveSecretManifest } from './secret-manifest.js';
import { manifestOf, valueAt } from './testing/plan-queries.js';
import { configText, loadConfig } from './testing/stand-in-providers.js';
import { toolReleases } from './tool-releases.js';

const planWith = (tls: string) => {
  const { config, provider } = loadConfig(configText({ tls }));
  return toolReleases(config, provider);
};

describe('TLS: letsencrypt', () => {
  const plan = planWith('{ mode: letsencrypt, email: ops@oregonstate.edu }');

  it('adds a letsencrypt ClusterIssuer with the e-mail, solving HTTP-01 through ingress-nginx', () => {
    expect(manifestOf(plan, 'ClusterIssuer', 'letsencrypt')).toMatchObject({
      apiVersion: 'cert-manager.io/v1',
      spec: {
        acme: {
          email: 'ops@oregonstate.edu',
          server: 'https://acme-v02.api.letsencrypt.org/directory',
          privateKeySecretRef: { name: 'letsencrypt-account-key' },
          solvers: [{ http01: { ingress: { ingressClassName: 'nginx' } } }],
        },
      },
    });
  });

  it('asks for one certificate for the host, served by ingress-nginx as its default', () => {
    expect(manifestOf(plan, 'Certificate', 'hubfleet-tls')).toMatchObject({
      metadata: { namespace: 'ingress-nginx' },
      spec: {
        secretName: 'hubfleet-tls',
        dnsNames: ['hub-green.datasci.oregonstate.edu'],
        issuerRef: { kind: 'ClusterIssuer', name: 'letsencrypt' },
      },
    });
    expect(valueAt(plan, 'ingress-nginx', 'controller.extraArgs')).toEqual({
      'default-ssl-certificate': 'ingress-nginx/hubfleet-tls',
    });
  });

  it('applies the issuer after cert-manager, and the certificate after ingress-nginx too', () => {
    const steps = Object.fromEntries(plan.manifestSteps.map((step) => [step.manifest.kind, step]));
    expect(steps.ClusterIssuer).toMatchObject({ after: ['cert-manager/cert-manager'], before: [] });
    expect(steps.Certificate).toMatchObject({
      after: ['cert-manager/cert-manager', 'ingress-nginx/ingress-nginx'],
      before: [],
    });
  });
});

describe('TLS: manual', () => {
  let directory: string;
  const KEY =
    '-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC-test-key\n-----END PRIVATE KEY-----';
  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'hubfleet-tls-'));
    await writeFile(
      join(directory, 'host.crt'),
      '-----BEGIN CERTIFICATE-----\nMIIC-test\n-----END CERTIFICATE-----\n',
    );
    await writeFile(join(directory, 'host.key'), `${KEY}\n`);
  });
  afterAll(async () => {
    await rm(directory, { recursive: true, force: true });
  });

  const plan = planWith('{ mode: manual, certFile: ./host.crt, keyFile: { fromFile: ./host.key } }');

  it('adds the hubfleet-tls Secret with marked placeholders, never the key', () => {
    const secret = manifestOf(plan, 'Secret', 'hubfleet-tls');
    expect(secret).toMatchObject({
      type: 'kubernetes.io/tls',
      metadata: { namespace: 'ingress-nginx' },
      stringData: { 'tls.crt': '<from file ./host.crt>', 'tls.key': '<from file ./host.key>' },
    });
    expect(JSON.stringify(plan)).not.toContain('MIIEvQIBADANBgkqhkiG9w0BAQEFAASC');
    expect(plan.releases.map((release) => release.release)).not.toContain('cert-manager');
    expect(manifestOf(plan, 'ClusterIssuer', 'letsencrypt')).toBeUndefined();
  });

  it('creates the namespace first and the Secret before ingress-nginx', () => {
    expect(plan.manifests.map((manifest) => `${manifest.kind}/${manifest.metadata.name}`)).toEqual([
      'Namespace/ingress-nginx',
      'Secret/hubfleet-tls',
    ]);
    for (const step of plan.manifestSteps) expect(step.before).toEqual(['ingress-nginx/ingress-nginx']);
  });

  it('fills in the files only when resolved for the apply', () => {
    const secret = manifestOf(plan, 'Secret', 'hubfleet-tls');
    if (secret === undefined) throw new Error('no Secret');
    const resolved = resolveSecretManifest(secret, (ref) =>
      resolveSecret(ref, { env: {}, configDirectory: directory }),
    );
    expect(resolved.stringData).toEqual({
      'tls.crt': '-----BEGIN CERTIFICATE-----\nMIIC-test\n-----END CERTIFICATE-----',
      'tls.key': KEY,
    });
    expect(secret.stringData).toMatchObject({ 'tls.key': '<from file ./host.key>' });
  });
});

describe('TLS: none', () => {
  it('adds no certificate objects, no cert-manager and no default certificate', () => {
    const plan = planWith('{ mode: none }');
    expect(plan.manifests).toEqual([]);
    expect(plan.releases.map((release) => release.release)).not.toContain('cert-manager');
    expect(plan.choices.find((choice) => choice.tool === 'cert-manager')).toMatchObject({
      enabled: false,
      reason: 'ingress.tls.mode is none',
    });
    expect(valueAt(plan, 'ingress-nginx', 'controller.extraArgs')).toBeUndefined();
  });
});
