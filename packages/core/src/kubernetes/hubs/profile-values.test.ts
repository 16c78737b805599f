import { describe, expect, it } from 'vitest';
import { releaseOfOnlyHub, testConfig } from './testing/example-configs.js';
import { valueAt } from './testing/value-at.js';
import { checkZ2jhValues } from './z2jh-values-schema.js';

const USER_TOLERATION = {
  key: 'hub.jupyter.org/dedicated',
  operator: 'Equal',
  value: 'user',
  effect: 'NoSchedule',
};

function valuesOf(profilesYaml: string): Record<string, unknown> {
  const { release } = releaseOfOnlyHub(
    testConfig(`  - name: course
    auth: { type: native, admins: [admin] }
    resources: { cpu: { guarantee: 0.1, limit: 1 }, memory: { guarantee: 0.5G, limit: 1G } }
    profiles:
${profilesYaml}`),
  );
  expect(checkZ2jhValues(release.values)).toEqual([]);
  return release.values;
}

describe('profile values', () => {
  it('leads with the default server, described by its sizes', () => {
    const values = valuesOf('      - { name: large, displayName: Large, nodeGroup: big }\n');
    expect(valueAt(values, 'singleuser', 'profileList', 0)).toEqual({
      display_name: 'Default',
      slug: 'default',
      description: '0.1–1 CPU, 0.5G–1G memory',
      default: true,
    });
  });

  it('gpu: the gpu nodegroup selector, its taints tolerated, and the GPU as a resource limit', () => {
    const values = valuesOf(`      - name: gpu
        displayName: GPU (1x T4)
        gpu: 1
        image: { name: quay.io/jupyter/tensorflow-notebook, tag: cuda-2024-04-22 }
        cpu: { guarantee: 2, limit: 4 }
        memory: { guarantee: 8G, limit: 12G }
`);
    expect(valueAt(values, 'singleuser', 'profileList', 1)).toEqual({
      display_name: 'GPU (1x T4)',
      slug: 'gpu',
      description: '2–4 CPU, 8G–12G memory, 1 GPU',
      kubespawner_override: {
        image: 'quay.io/jupyter/tensorflow-notebook:cuda-2024-04-22',
        cpu_guarantee: 2,
        cpu_limit: 4,
        mem_guarantee: 8_000_000_000,
        mem_limit: 12_000_000_000,
        node_selector: { 'hubfleet.io/nodegroup': 'gpu' },
        tolerations: [
          USER_TOLERATION,
          { key: 'nvidia.com/gpu', operator: 'Equal', value: 'present', effect: 'NoSchedule' },
        ],
        extra_resource_limits: { 'nvidia.com/gpu': 1 },
      },
    });
    expect(valueAt(values, 'prePuller')).toEqual({ pullProfileListImages: false, extraImages: {} });
  });

  it('vdi: its own image on the default nodegroup, pre-pulled there', () => {
    const values = valuesOf(`      - name: vdi
        displayName: Virtual desktop
        description: A desktop in the browser
        image: { name: harbor.stfc.ac.uk/stfc-cloud/jupyterhub-vdi-proxy, tag: "2024.1" }
        cpu: { guarantee: 0.05, limit: 4 }
        memory: { guarantee: 4G, limit: 4G }
`);
    expect(valueAt(values, 'singleuser', 'profileList', 1)).toEqual({
      display_name: 'Virtual desktop',
      slug: 'vdi',
      description: 'A desktop in the browser',
      kubespawner_override: {
        image: 'harbor.stfc.ac.uk/stfc-cloud/jupyterhub-vdi-proxy:2024.1',
        cpu_guarantee: 0.05,
        cpu_limit: 4,
        mem_guarantee: 4_000_000_000,
        mem_limit: 4_000_000_000,
      },
    });
    expect(valueAt(values, 'prePuller', 'extraImages')).toEqual({
      'profile-vdi': { name: 'harbor.stfc.ac.uk/stfc-cloud/jupyterhub-vdi-proxy', tag: '2024.1' },
    });
  });

  it('nodeGroup: that group as node selector, with its own extra taints tolerated', () => {
    const values = valuesOf(`      - name: large
        displayName: Large
        nodeGroup: big
        cpu: { limit: 2 }
`);
    expect(valueAt(values, 'singleuser', 'profileList', 1, 'kubespawner_override')).toEqual({
      cpu_limit: 2,
      node_selector: { 'hubfleet.io/nodegroup': 'big' },
      tolerations: [USER_TOLERATION, { key: 'size', operator: 'Equal', value: 'big', effect: 'NoSchedule' }],
    });
    expect(valueAt(values, 'singleuser', 'profileList', 1, 'description')).toBe('up to 2 CPU');
  });

  it('a profile named default is the default choice, with no extra entry', () => {
    const values = valuesOf(`      - { name: default, displayName: Standard, memory: { limit: 2G } }
      - { name: large, displayName: Large, nodeGroup: big }
`);
    const profiles = valueAt(values, 'singleuser', 'profileList') as Array<Record<string, unknown>>;
    expect(profiles.map((profile) => [profile.slug, profile.default])).toEqual([
      ['default', true],
      ['large', undefined],
    ]);
  });

  it('no profiles: no profile list, and z2jh pre-pulls as usual', () => {
    const { release } = releaseOfOnlyHub(
      testConfig('  - { name: course, auth: { type: native, admins: [a] } }\n'),
    );
    const { values } = release;
    expect(valueAt(values, 'singleuser', 'profileList')).toBeUndefined();
    expect(valueAt(values, 'prePuller')).toBeUndefined();
  });
});
