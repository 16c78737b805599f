import { describe, expect, it } from 'vitest';
import { valueAt } from './testing/plan-queries.js';
import { configText, loadConfig } from './testing/stand-in-providers.js';
import { toolReleases } from './tool-releases.js';

const NECTAR = {
  provider: '{ kind: nectar, cloud: nectar }',
  nodeGroups: `    - { name: core, role: core, instanceType: m3.medium, min: 1, max: 1 }
    - { name: users, role: users, instanceType: m3.xlarge, min: 1, max: 4 }
    - { name: gpu, role: gpu, instanceType: gpu.a100, min: 1, max: 1, gpu: { count: 1 } }`,
};
const names = (plan: ReturnType<typeof toolReleases>) => plan.releases.map((release) => release.release);
const reasonOf = (plan: ReturnType<typeof toolReleases>, tool: string) =>
  plan.choices.find((choice) => choice.tool === tool)?.reason;

describe('GPU driver', () => {
  it('AWS: the device plugin, not the operator', () => {
    const { config, provider } = loadConfig(configText());
    const plan = toolReleases(config, provider);
    expect(names(plan)).toContain('nvidia-device-plugin');
    expect(names(plan)).not.toContain('gpu-operator');
    expect(reasonOf(plan, 'gpu-operator')).toBe('AWS EKS uses the NVIDIA device-plugin instead');
  });

  it('NeCTAR: the operator, not the device plugin', () => {
    const { config, provider } = loadConfig(configText(NECTAR));
    const plan = toolReleases(config, provider);
    expect(names(plan)).toContain('gpu-operator');
    expect(names(plan)).not.toContain('nvidia-device-plugin');
    expect(reasonOf(plan, 'nvidia-device-plugin')).toBe(
      'NeCTAR Research Cloud uses the NVIDIA operator instead',
    );
  });

  it('GKE: neither, since GKE runs the driver and device plugin itself (gpuDriver: managed)', () => {
    const { config, provider } = loadConfig(
      configText({
        provider: '{ kind: gke, project: p, location: us-central1-a }',
        nodeGroups: `    - { name: core, role: core, instanceType: e2-standard-2, min: 1, max: 1 }
    - { name: users, role: users, instanceType: n1-standard-8, min: 1, max: 4 }
    - { name: gpu, role: gpu, instanceType: n1-standard-4, min: 0, max: 1, gpu: { count: 1 } }`,
      }),
    );
    const plan = toolReleases(config, provider);
    expect(names(plan)).not.toContain('nvidia-device-plugin');
    expect(names(plan)).not.toContain('gpu-operator');
    expect(reasonOf(plan, 'nvidia-device-plugin')).toBe(
      'Google GKE installs the NVIDIA driver and device plugin on GPU nodes itself',
    );
  });

  it('neither without a gpu nodegroup', () => {
    const { config, provider } = loadConfig(
      configText({
        nodeGroups: `    - { name: core, role: core, instanceType: t3a.large, min: 1, max: 3 }
    - { name: users, role: users, instanceType: t3a.2xlarge, min: 0, max: 20 }`,
      }),
    );
    const plan = toolReleases(config, provider);
    expect(names(plan).filter((name) => name.includes('nvidia') || name.includes('gpu'))).toEqual([]);
    expect(reasonOf(plan, 'nvidia-device-plugin')).toBe('no gpu nodegroup');
  });

  it('runs the device plugin on the GPU nodegroups only, tolerating their taints', () => {
    const { config, provider } = loadConfig(configText());
    const plan = toolReleases(config, provider);
    expect(valueAt(plan, 'nvidia-device-plugin', 'affinity')).toEqual({
      nodeAffinity: {
        requiredDuringSchedulingIgnoredDuringExecution: {
          nodeSelectorTerms: [
            { matchExpressions: [{ key: 'hubfleet.io/nodegroup', operator: 'In', values: ['gpu'] }] },
          ],
        },
      },
    });
    expect(valueAt(plan, 'nvidia-device-plugin', 'tolerations')).toEqual([
      { key: 'CriticalAddonsOnly', operator: 'Exists' },
      { key: 'nvidia.com/gpu', operator: 'Exists', effect: 'NoSchedule' },
      { key: 'hub.jupyter.org/dedicated', operator: 'Equal', value: 'user', effect: 'NoSchedule' },
      { key: 'nvidia.com/gpu', operator: 'Equal', value: 'present', effect: 'NoSchedule' },
      { key: 'dedicated', operator: 'Equal', value: 'ml', effect: 'NoSchedule' },
    ]);
  });

  it('puts the operator on the tools placement and its node daemons on the GPU nodes', () => {
    const { config, provider } = loadConfig(configText(NECTAR));
    const plan = toolReleases(config, provider);
    expect(valueAt(plan, 'gpu-operator', 'operator.nodeSelector')).toEqual({
      'hubfleet.io/nodegroup': 'core',
    });
    expect(valueAt(plan, 'gpu-operator', 'daemonsets.tolerations')).toContainEqual({
      key: 'hub.jupyter.org/dedicated',
      operator: 'Equal',
      value: 'user',
      effect: 'NoSchedule',
    });
    expect(valueAt(plan, 'gpu-operator', 'node-feature-discovery.worker.tolerations')).toContainEqual({
      key: 'nvidia.com/gpu',
      operator: 'Exists',
      effect: 'NoSchedule',
    });
  });
});
