import { describe, expect, it } from 'vitest';
import type { AddonSpecV1 } from '../../provider/v1/session.js';
import { releaseOf, valueAt } from './testing/plan-queries.js';
import { awsLike, configText, gkeLike, loadConfig, nectarLike } from './testing/stand-in-providers.js';
import { TOOL_CATALOG } from './tool-catalog.js';
import { toolReleases } from './tool-releases.js';

const plan = (text: string, addons: AddonSpecV1[] = []) => {
  const { config, provider } = loadConfig(text);
  return toolReleases(config, provider, addons);
};
const WITH_BACKUPS =
  '  monitoring: { enabled: true }\n  backups: { enabled: true, bucket: prod-velero-backups }';

describe('toolReleases', () => {
  it('lists the AWS tools in dependency order: ingress first, cert-manager next', () => {
    const result = plan(configText({ tools: WITH_BACKUPS }));
    expect(result.releases.map((release) => release.release)).toEqual([
      'ingress-nginx',
      'cert-manager',
      'cluster-autoscaler',
      'registry-cache',
      'nvidia-device-plugin',
      'kube-prometheus-stack',
      'velero',
    ]);
    expect(releaseOf(result, 'kube-prometheus-stack').dependsOn).toEqual(['ingress-nginx/ingress-nginx']);
    expect(releaseOf(result, 'velero').dependsOn).toEqual([]);
  });

  it('pins every chart to an exact version from an https repository', () => {
    for (const tool of TOOL_CATALOG) {
      expect(tool.version, tool.name).toMatch(/^v?\d+\.\d+\.\d+$/);
      expect(tool.repository, tool.name).toMatch(/^https:\/\//);
    }
    const result = plan(configText({ tools: WITH_BACKUPS }));
    expect(result.releases.every((release) => /^v?\d+\.\d+\.\d+$/.test(release.version))).toBe(true);
  });

  it('gives a choice and a reason for every catalog tool, installed or not', () => {
    const result = plan(
      configText({
        provider: '{ kind: gke, project: rhodes-cs, location: us-central1-a }',
        nodeGroups: GKE_GROUPS,
      }),
    );
    expect(result.choices.map((choice) => choice.tool)).toEqual(TOOL_CATALOG.map((tool) => tool.name));
    expect(result.choices.find((choice) => choice.tool === 'cluster-autoscaler')).toEqual({
      tool: 'cluster-autoscaler',
      enabled: false,
      reason: 'Google GKE scales nodegroups itself',
    });
    expect(result.choices.find((choice) => choice.tool === 'velero')).toMatchObject({
      enabled: false,
      reason: 'no backups.bucket given',
    });
    expect(result.releases.map((release) => release.release)).not.toContain('cluster-autoscaler');
    for (const release of result.releases) expect(release.reason).not.toBe('');
  });

  it('installs cluster-autoscaler where the cloud does not scale by itself, unless switched off', () => {
    expect(plan(configText()).releases.map((release) => release.release)).toContain('cluster-autoscaler');
    const off = plan(configText({ tools: '  autoscaler: { enabled: false }' }));
    expect(off.choices.find((choice) => choice.tool === 'cluster-autoscaler')).toEqual({
      tool: 'cluster-autoscaler',
      enabled: false,
      reason: 'set in the config',
    });
  });

  it("leaves a tool out where an add-on says the cloud runs its own, unless the config asks for hubfleet's", () => {
    const cloudScales: AddonSpecV1 = {
      name: 'cloud-autoscaler',
      reason: "the cloud's own cluster-autoscaler runs",
      replacesTool: 'autoscaler',
    };
    const replaced = plan(configText(), [cloudScales]);
    expect(replaced.releases.map((release) => release.release)).not.toContain('cluster-autoscaler');
    expect(replaced.choices.find((choice) => choice.tool === 'cluster-autoscaler')).toEqual({
      tool: 'cluster-autoscaler',
      enabled: false,
      reason: "the cloud's own cluster-autoscaler runs",
    });
    const asked = plan(configText({ tools: '  autoscaler: { enabled: true }' }), [cloudScales]);
    expect(asked.releases.map((release) => release.release)).toContain('cluster-autoscaler');
  });

  it('merges provider add-on values last, object by object', () => {
    const addon: AddonSpecV1 = {
      name: 'eks-autoscaler',
      reason: 'EKS autoscaling groups',
      toolValues: {
        'cluster-autoscaler': {
          cloudProvider: 'aws',
          awsRegion: 'us-west-2',
          extraArgs: { 'scale-down-delay-after-add': '5m' },
          rbac: {
            serviceAccount: { annotations: { 'eks.amazonaws.com/role-arn': 'arn:aws:iam::1:role/ca' } },
          },
        },
      },
    };
    const result = plan(configText(), [addon]);
    expect(valueAt(result, 'cluster-autoscaler', 'cloudProvider')).toBe('aws');
    expect(valueAt(result, 'cluster-autoscaler', 'extraArgs')).toEqual({
      expander: 'priority',
      'balance-similar-node-groups': true,
      'skip-nodes-with-local-storage': false,
      'scale-down-delay-after-add': '5m',
    });
    expect(valueAt(result, 'cluster-autoscaler', 'autoDiscovery.clusterName')).toBe('prod-green');
    expect(valueAt(result, 'ingress-nginx', 'cloudProvider')).toBeUndefined();
  });

  it('is the same plan for the same input: render output is stable', () => {
    expect(plan(configText({ tools: WITH_BACKUPS }))).toEqual(plan(configText({ tools: WITH_BACKUPS })));
  });

  it('works out the NeCTAR tools from capabilities alone', () => {
    const result = plan(
      configText({ provider: '{ kind: nectar, cloud: nectar }', nodeGroups: NECTAR_GROUPS }),
    );
    expect(result.releases.map((release) => release.release)).toEqual([
      'ingress-nginx',
      'cert-manager',
      'cluster-autoscaler',
      'registry-cache',
      'gpu-operator',
      'kube-prometheus-stack',
    ]);
    expect(awsLike.capabilities.gpuDriver).toBe('device-plugin');
    expect(nectarLike.capabilities.gpuDriver).toBe('operator');
    expect(gkeLike.capabilities.managedAutoscaler).toBe(true);
  });
});

const GKE_GROUPS = `    - { name: core, role: core, instanceType: e2-standard-2, min: 1, max: 2 }
    - { name: users, role: users, instanceType: n1-standard-8, min: 0, max: 10 }`;
const NECTAR_GROUPS = `    - { name: core, role: core, instanceType: m3.medium, min: 1, max: 1 }
    - { name: users, role: users, instanceType: m3.xlarge, min: 1, max: 4 }
    - { name: gpu, role: gpu, instanceType: gpu.a100, min: 1, max: 1, gpu: { count: 1 } }`;
