import { describe, expect, it, vi } from 'vitest';
import { NO_PROVISIONED_FACTS } from '../provisioned.js';
import { hubRelease } from './hub-release.js';
import { onlyHub, releaseOfOnlyHub, testConfig } from './testing/example-configs.js';
import { valueAt } from './testing/value-at.js';
import { checkZ2jhValues } from './z2jh-values-schema.js';

const NATIVE = `  - name: course
    displayName: Course
    auth: { type: native, admins: [admin] }
`;

function valuesOf(hubYaml: string, options = {}, tls: 'letsencrypt' | 'manual' | 'none' = 'letsencrypt') {
  const result = releaseOfOnlyHub(testConfig(hubYaml, tls), options);
  expect(checkZ2jhValues(result.release.values)).toEqual([]);
  return { ...result, values: result.release.values };
}

describe('hubRelease', () => {
  it('is a pinned zero-to-jupyterhub release in the hub namespace, served under /<hub>/', () => {
    const { release, values } = valuesOf(NATIVE, { dependsOn: ['ingress-nginx/ingress-nginx'] });
    expect(release).toMatchObject({
      release: 'course',
      namespace: 'course',
      chart: 'jupyterhub',
      repository: 'https://hub.jupyter.org/helm-chart/',
      version: '4.4.0',
      dependsOn: ['hubfleet-system/placeholders', 'course/course-nfs', 'ingress-nginx/ingress-nginx'],
      reason: 'hub Course: JupyterHub at https://hub.example.edu/course/',
    });
    expect(valueAt(values, 'hub', 'baseUrl')).toBe('/course/');
    expect(valueAt(values, 'proxy', 'service')).toEqual({ type: 'ClusterIP' });
    expect(valueAt(values, 'ingress')).toMatchObject({
      enabled: true,
      ingressClassName: 'nginx',
      hosts: ['hub.example.edu'],
      pathType: 'Prefix',
    });
  });

  it('serves TLS from the cluster-wide certificate: the Ingress lists the host and names no Secret', () => {
    for (const mode of ['letsencrypt', 'manual'] as const) {
      const { values } = valuesOf(NATIVE, {}, mode);
      expect(valueAt(values, 'ingress', 'tls'), mode).toEqual([{ hosts: ['hub.example.edu'] }]);
      expect(
        valueAt(values, 'ingress', 'annotations', 'cert-manager.io/cluster-issuer'),
        mode,
      ).toBeUndefined();
    }
    expect(valueAt(valuesOf(NATIVE, {}, 'none').values, 'ingress', 'tls')).toEqual([]);
  });

  it("asks for no certificate per hub, so many hubs stay within the Let's Encrypt weekly limit", () => {
    const hubs = [1, 2, 3, 4, 5, 6].map(
      (n) => `  - { name: hub${n}, auth: { type: native, admins: [a] } }\n`,
    );
    const config = testConfig(hubs.join(''));
    for (const hub of config.hubs) {
      const { release, warnings } = hubRelease(config, hub, NO_PROVISIONED_FACTS);
      expect(JSON.stringify(release.values)).not.toContain('cert-manager.io');
      expect(warnings.filter((warning) => warning.includes("Let's Encrypt"))).toEqual([]);
    }
  });

  it('keeps hub and proxy on core nodes and not evictable, with SQLite on its own volume', () => {
    const { values } = valuesOf(NATIVE);
    expect(valueAt(values, 'hub', 'annotations')).toEqual({
      'cluster-autoscaler.kubernetes.io/safe-to-evict': 'false',
    });
    expect(valueAt(values, 'proxy', 'annotations')).toEqual({
      'cluster-autoscaler.kubernetes.io/safe-to-evict': 'false',
    });
    expect(valueAt(values, 'hub', 'db')).toEqual({ type: 'sqlite-pvc', pvc: { storage: '1Gi' } });
    expect(valueAt(values, 'scheduling', 'corePods')).toEqual({
      nodeAffinity: { matchNodePurpose: 'require' },
      tolerations: [],
    });
  });

  it('uses the cluster-wide user scheduler and priority class, with per-hub ones and placeholders off', () => {
    const { values } = valuesOf(NATIVE);
    expect(valueAt(values, 'scheduling', 'userScheduler')).toEqual({ enabled: false });
    expect(valueAt(values, 'scheduling', 'podPriority')).toEqual({ enabled: false });
    expect(valueAt(values, 'scheduling', 'userPlaceholder')).toEqual({ enabled: false });
    expect(valueAt(values, 'hub', 'config', 'KubeSpawner')).toEqual({
      scheduler_name: 'hubfleet-user-scheduler',
      priority_class_name: 'hubfleet-user',
    });
  });

  it('places default user servers on the first users nodegroup', () => {
    const { values } = valuesOf(NATIVE);
    expect(valueAt(values, 'singleuser', 'nodeSelector')).toEqual({ 'hubfleet.io/nodegroup': 'users' });
    expect(valueAt(values, 'scheduling', 'userPods')).toEqual({
      nodeAffinity: { matchNodePurpose: 'require' },
      tolerations: [
        { key: 'hub.jupyter.org/dedicated', operator: 'Equal', value: 'user', effect: 'NoSchedule' },
      ],
    });
  });

  it('sets the default image, start page and sizes (memory in bytes, CPU in cores)', () => {
    const { values } = valuesOf(`  - name: course
    auth: { type: native, admins: [admin] }
    image: { name: jupyter/scipy-notebook, tag: "2024-01-01" }
    defaultUrl: /tree
    resources: { cpu: { guarantee: 500m, limit: 2 }, memory: { guarantee: 0.5G, limit: 1Gi } }
`);
    expect(valueAt(values, 'singleuser')).toMatchObject({
      image: { name: 'jupyter/scipy-notebook', tag: '2024-01-01' },
      defaultUrl: '/tree',
      cpu: { guarantee: 0.5, limit: 2 },
      memory: { guarantee: 500_000_000, limit: 1_073_741_824 },
    });
  });

  it('pulls Docker Hub images through the registry cache, and leaves other registries alone', () => {
    const { values } = valuesOf(
      `  - name: course
    auth: { type: native, admins: [admin] }
    image: { name: jupyter/scipy-notebook, tag: "2024-01-01" }
    profiles:
      - { name: quay, displayName: Quay, image: { name: quay.io/jupyter/r-notebook, tag: "2024-01-01" } }
      - { name: official, displayName: Official, image: { name: ubuntu, tag: "24.04" } }
`,
      { imageRegistryPrefix: 'localhost:5000/' },
    );
    expect(valueAt(values, 'singleuser', 'image')).toEqual({
      name: 'localhost:5000/jupyter/scipy-notebook',
      tag: '2024-01-01',
    });
    const profileImage = (index: number) =>
      valueAt(values, 'singleuser', 'profileList', index, 'kubespawner_override', 'image');
    expect(profileImage(1)).toBe('quay.io/jupyter/r-notebook:2024-01-01');
    expect(profileImage(2)).toBe('localhost:5000/library/ubuntu:24.04');
    expect(valueAt(values, 'prePuller', 'extraImages')).toEqual({
      'profile-quay': { name: 'quay.io/jupyter/r-notebook', tag: '2024-01-01' },
      'profile-official': { name: 'localhost:5000/library/ubuntu', tag: '24.04' },
    });
  });

  it('culls idle servers after idleTimeout and old ones after maxAge, in seconds', () => {
    const { values } = valuesOf(`  - name: course
    auth: { type: native, admins: [admin] }
    culling: { idleTimeout: 90m, maxAge: 8h }
`);
    expect(valueAt(values, 'cull')).toEqual({ enabled: true, timeout: 5400, every: 600, maxAge: 28800 });
    const short = valuesOf(`  - name: course
    auth: { type: native, admins: [admin] }
    culling: { idleTimeout: 5m }
`).values;
    expect(valueAt(short, 'cull')).toEqual({ enabled: true, timeout: 300, every: 150, maxAge: 0 });
  });

  it('pulls the course repository with nbgitpuller at every start, without failing the start', () => {
    const { values } = valuesOf(`  - name: course
    auth: { type: native, admins: [admin] }
    gitPuller: { repo: "https://github.com/example/comp20003.git", branch: main }
`);
    expect(valueAt(values, 'singleuser', 'lifecycleHooks', 'postStart', 'exec', 'command')).toEqual([
      'sh',
      '-c',
      'gitpuller "$1" "$2" "$3" || echo "hubfleet: gitpuller could not update $3" >&2',
      'gitpuller',
      'https://github.com/example/comp20003.git',
      'main',
      '/home/jovyan/comp20003',
    ]);
  });

  it('grants sudo only when asked, and warns', () => {
    const off = valuesOf(NATIVE);
    expect(valueAt(off.values, 'singleuser', 'uid')).toBeUndefined();
    expect(off.warnings).toEqual([]);
    const on = valuesOf(`  - name: course
    auth: { type: native, admins: [admin] }
    sudo: true
    gitPuller: { repo: "https://github.com/example/course" }
`);
    expect(valueAt(on.values, 'singleuser')).toMatchObject({
      uid: 0,
      allowPrivilegeEscalation: true,
      extraEnv: { GRANT_SUDO: 'yes' },
    });
    expect(on.warnings).toEqual([
      expect.stringContaining('users are root in their containers'),
      expect.stringContaining('owned by root'),
    ]);
  });

  it('merges extraValues last, over what hubfleet sets, and says what it replaced', () => {
    const { values, warnings } = valuesOf(`  - name: course
    auth: { type: native, admins: [admin] }
    extraValues:
      cull: { timeout: 60 }
      singleuser:
        cmd: null
        storage: { type: dynamic }
      hub:
        config: { NativeAuthenticator: { minimum_password_length: 12 } }
`);
    expect(valueAt(values, 'cull')).toMatchObject({ enabled: true, timeout: 60 });
    expect(valueAt(values, 'singleuser', 'cmd')).toBeNull();
    expect(valueAt(values, 'singleuser', 'storage', 'type')).toBe('dynamic');
    expect(valueAt(values, 'singleuser', 'storage', 'static', 'pvcName')).toBe('course-nfs-home');
    expect(valueAt(values, 'hub', 'config', 'NativeAuthenticator')).toEqual({
      open_signup: false,
      minimum_password_length: 12,
    });
    expect(warnings).toEqual([
      'hub course: extraValues replaces values hubfleet sets: cull.timeout, singleuser.storage.type',
    ]);
  });

  it('reports extraValues that do not fit the chart', () => {
    const config = testConfig(`  - name: course
    auth: { type: native, admins: [admin] }
    extraValues: { singleuser: { schedulerName: custom } }
`);
    const { warnings } = hubRelease(config, onlyHub(config), NO_PROVISIONED_FACTS);
    expect(warnings).toEqual([
      expect.stringMatching(/do not fit the zero-to-jupyterhub chart: singleuser: .*schedulerName/),
    ]);
  });

  it('never puts a secret value into values or manifests', () => {
    const secretValues = {
      T_LTI_KEY: 'lti-key-4f1c2a9e',
      T_LTI_SECRET: 'lti-secret-8d7e6f5a',
      T_OAUTH_SECRET: 'oauth-secret-1a2b3c4d',
      T_GOOGLE_SECRET: 'google-secret-5e6f7a8b',
      T_GITHUB_SECRET: 'github-secret-9c0d1e2f',
      T_DUMMY_PASSWORD: 'dummy-password-3a4b5c6d',
    };
    for (const [name, value] of Object.entries(secretValues)) vi.stubEnv(name, value);
    try {
      const config =
        testConfig(`  - { name: a, auth: { type: lti11, consumerKey: { fromEnv: T_LTI_KEY }, sharedSecret: { fromEnv: T_LTI_SECRET } } }
  - name: b
    auth:
      type: oauth
      clientId: c
      clientSecret: { fromEnv: T_OAUTH_SECRET }
      authorizeUrl: https://iam.example.org/authorize
      tokenUrl: https://iam.example.org/token
      userdataUrl: https://iam.example.org/userinfo
  - { name: c, auth: { type: google, clientId: c, clientSecret: { fromEnv: T_GOOGLE_SECRET }, hostedDomain: example.edu } }
  - { name: d, auth: { type: github, clientId: c, clientSecret: { fromEnv: T_GITHUB_SECRET } } }
  - { name: e, auth: { type: dummy, password: { fromEnv: T_DUMMY_PASSWORD } } }
`);
      const rendered = JSON.stringify(
        config.hubs.map((hub) => {
          const { release, manifests } = hubRelease(config, hub, NO_PROVISIONED_FACTS);
          return { values: release.values, manifests };
        }),
      );
      expect(rendered).toContain('<secret: fromEnv T_OAUTH_SECRET>');
      for (const value of Object.values(secretValues)) expect(rendered).not.toContain(value);
    } finally {
      vi.unstubAllEnvs();
    }
  });
});
