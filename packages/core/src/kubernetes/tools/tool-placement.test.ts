import { describe, expect, it } from 'vitest';
import { valueAt } from './testing/plan-queries.js';
import { configText, loadConfig } from './testing/stand-in-providers.js';
import { toolReleases } from './tool-releases.js';

const TOOLS_SECTION =
  '  monitoring: { enabled: true }\n  backups: { enabled: true, bucket: prod-velero-backups }';
/** Where each tool's main pods take their node selector from. */
const SELECTOR_PATHS: Record<string, string> = {
  'ingress-nginx': 'controller.nodeSelector',
  'cert-manager': 'nodeSelector',
  'cluster-autoscaler': 'nodeSelector',
  'registry-cache': 'nodeSelector',
  'kube-prometheus-stack': 'grafana.nodeSelector',
  velero: 'nodeSelector',
};

const planFor = (nodeGroups?: string) => {
  const { config, provider } = loadConfig(
    configText({ tools: TOOLS_SECTION, ...(nodeGroups ? { nodeGroups } : {}) }),
  );
  return toolReleases(config, provider);
};

describe('where the tools run', () => {
  it('puts every tool on the tools nodegroup when there is one', () => {
    const plan = planFor();
    for (const [tool, path] of Object.entries(SELECTOR_PATHS)) {
      expect(valueAt(plan, tool, path), tool).toEqual({ 'hubfleet.io/nodegroup': 'tools' });
    }
    expect(valueAt(plan, 'kube-prometheus-stack', 'prometheus.prometheusSpec.nodeSelector')).toEqual({
      'hubfleet.io/nodegroup': 'tools',
    });
  });

  it('falls back to the core nodegroup when there is no tools group', () => {
    const plan = planFor(`    - { name: core, role: core, instanceType: t3a.large, min: 1, max: 3 }
    - { name: users, role: users, instanceType: t3a.2xlarge, min: 0, max: 20 }`);
    for (const [tool, path] of Object.entries(SELECTOR_PATHS)) {
      expect(valueAt(plan, tool, path), tool).toEqual({ 'hubfleet.io/nodegroup': 'core' });
    }
  });

  it("tolerates the tools nodegroup's own taints", () => {
    const plan = planFor(`    - name: tools
      role: tools
      instanceType: t3a.medium
      min: 1
      max: 2
      taints: [{ key: dedicated, value: tools, effect: NoSchedule }]
    - { name: core, role: core, instanceType: t3a.large, min: 1, max: 3 }
    - { name: users, role: users, instanceType: t3a.2xlarge, min: 0, max: 20 }`);
    const toleration = { key: 'dedicated', operator: 'Equal', value: 'tools', effect: 'NoSchedule' };
    expect(valueAt(plan, 'ingress-nginx', 'controller.tolerations')).toEqual([toleration]);
    expect(valueAt(plan, 'cert-manager', 'webhook.tolerations')).toEqual([toleration]);
    expect(valueAt(plan, 'velero', 'tolerations')).toEqual([toleration]);
  });

  it('runs node exporters on every node, whatever the taints', () => {
    expect(valueAt(planFor(), 'kube-prometheus-stack', 'prometheus-node-exporter.tolerations')).toEqual([
      { operator: 'Exists' },
    ]);
  });
});
