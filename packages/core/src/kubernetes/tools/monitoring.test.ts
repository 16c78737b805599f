import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { resolveSecret } from '../../config/secrets.js';
import { resolveSecretManifest } from './secret-manifest.js';
import { manifestOf, valueAt } from './testing/plan-queries.js';
import { configText, loadConfig } from './testing/stand-in-providers.js';
import { toolReleases } from './tool-releases.js';

const PASSWORD = 'Gr4fana-only-in-the-environment-7f3c';
const WITH_PASSWORD =
  '  monitoring:\n    enabled: true\n    grafana: { adminPassword: { fromEnv: GRAFANA_ADMIN_PASSWORD } }';

describe('monitoring: kube-prometheus-stack', () => {
  beforeEach(() => {
    process.env.GRAFANA_ADMIN_PASSWORD = PASSWORD;
  });
  afterEach(() => {
    delete process.env.GRAFANA_ADMIN_PASSWORD;
  });

  it('never carries the Grafana password, only the Secret that will hold it', () => {
    const { config, provider } = loadConfig(configText({ tools: WITH_PASSWORD }));
    const plan = toolReleases(config, provider);
    expect(JSON.stringify(plan)).not.toContain(PASSWORD);
    expect(valueAt(plan, 'kube-prometheus-stack', 'grafana.admin')).toEqual({
      existingSecret: 'grafana-admin',
      userKey: 'admin-user',
      passwordKey: 'admin-password',
    });
    expect(valueAt(plan, 'kube-prometheus-stack', 'grafana.adminPassword')).toBeUndefined();
    const secret = manifestOf(plan, 'Secret', 'grafana-admin');
    expect(secret).toMatchObject({
      metadata: {
        namespace: 'monitoring',
        annotations: { 'hubfleet.io/secret-sources': expect.any(String) },
      },
      stringData: { 'admin-user': 'admin', 'admin-password': '<from $GRAFANA_ADMIN_PASSWORD>' },
    });
    const step = plan.manifestSteps.find((candidate) => candidate.manifest === secret);
    expect(step?.before).toEqual(['monitoring/kube-prometheus-stack']);
    expect(plan.manifests[0]).toMatchObject({ kind: 'Namespace', metadata: { name: 'monitoring' } });
  });

  it('resolves the password from the environment only for the apply', () => {
    const { config, provider } = loadConfig(configText({ tools: WITH_PASSWORD }));
    const secret = manifestOf(toolReleases(config, provider), 'Secret', 'grafana-admin');
    if (secret === undefined) throw new Error('no Secret');
    const resolved = resolveSecretManifest(secret, (ref) =>
      resolveSecret(ref, { env: process.env, configDirectory: '.' }),
    );
    expect(resolved.stringData).toEqual({ 'admin-user': 'admin', 'admin-password': PASSWORD });
  });

  it('lets the chart generate a password when none is referenced', () => {
    const { config, provider } = loadConfig(configText());
    const plan = toolReleases(config, provider);
    expect(valueAt(plan, 'kube-prometheus-stack', 'grafana.admin')).toBeUndefined();
    expect(manifestOf(plan, 'Secret', 'grafana-admin')).toBeUndefined();
  });

  it('serves Grafana at https://<host>/grafana/ through the shared ingress', () => {
    const { config, provider } = loadConfig(configText());
    const plan = toolReleases(config, provider);
    expect(valueAt(plan, 'kube-prometheus-stack', 'grafana.ingress')).toEqual({
      enabled: true,
      ingressClassName: 'nginx',
      hosts: ['hub-green.datasci.oregonstate.edu'],
      path: '/grafana',
      pathType: 'Prefix',
      tls: [{ hosts: ['hub-green.datasci.oregonstate.edu'] }],
    });
    expect(valueAt(plan, 'kube-prometheus-stack', 'grafana')).toMatchObject({
      'grafana.ini': {
        server: { root_url: 'https://hub-green.datasci.oregonstate.edu/grafana/', serve_from_sub_path: true },
      },
      sidecar: { dashboards: { enabled: true, label: 'grafana_dashboard', searchNamespace: 'ALL' } },
    });
    expect(
      valueAt(
        plan,
        'kube-prometheus-stack',
        'prometheus.prometheusSpec.serviceMonitorSelectorNilUsesHelmValues',
      ),
    ).toBe(false);
  });

  it('is off when the config says so', () => {
    const { config, provider } = loadConfig(configText({ tools: '  monitoring: { enabled: false }' }));
    const plan = toolReleases(config, provider);
    expect(plan.releases.map((release) => release.release)).not.toContain('kube-prometheus-stack');
  });
});
