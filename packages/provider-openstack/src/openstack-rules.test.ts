import { createProviderRegistry, type LocatedIssue, validateConfigText } from '@hubfleet/core';
import { describe, expect, it } from 'vitest';
import { openstackProvider } from './openstack-provider.js';

const registry = createProviderRegistry([openstackProvider]);

const provider = {
  kind: 'openstack',
  cloud: 'jupyter-prod',
  clusterTemplate: 'kubernetes-1.31-ha',
  keypair: 'stfc-admin',
  masterFlavor: 'l3.nano',
  floatingIp: '130.246.0.10',
};

const nodeGroups = [
  { name: 'core', role: 'core', instanceType: 'l3.micro', min: 1, max: 2 },
  { name: 'default-worker', role: 'users', instanceType: 'l3.tiny', min: 1, max: 10 },
];

interface Overrides {
  provider?: Record<string, unknown>;
  nodeGroups?: Record<string, unknown>[];
  kubernetesVersion?: string;
  tools?: Record<string, unknown>;
}

/** A small valid deployment; JSON is YAML, so sections are written as JSON. */
function configText(overrides: Overrides = {}): string {
  return [
    'apiVersion: hubfleet/v1',
    'name: test',
    `provider: ${JSON.stringify({ ...provider, ...overrides.provider })}`,
    'cluster:',
    `  kubernetesVersion: "${overrides.kubernetesVersion ?? '1.31'}"`,
    `  nodeGroups: ${JSON.stringify(overrides.nodeGroups ?? nodeGroups)}`,
    'ingress: { host: hub.example.edu }',
    `tools: ${JSON.stringify(overrides.tools ?? {})}`,
    'hubs: [{ name: demo, auth: { type: native }, image: { name: quay.io/jupyter/minimal-notebook, tag: "2024-04-22" } }]',
    '',
  ].join('\n');
}

function issuesAt(overrides: Overrides, pathText: string): LocatedIssue[] {
  const { issues } = validateConfigText(configText(overrides), {
    registry,
    file: 'test.yaml',
    checkSecrets: false,
  });
  return issues.filter((issue) => issue.pathText === pathText);
}

describe('a valid OpenStack config', () => {
  it('has no issues at all', () => {
    const { issues } = validateConfigText(configText(), { registry, file: 'test.yaml', checkSecrets: false });
    expect(issues).toEqual([]);
  });
});

describe('masterCount', () => {
  it('refuses an even number of masters, for etcd quorum', () => {
    const [issue] = issuesAt({ provider: { masterCount: 2 } }, 'provider.masterCount');
    expect(issue).toMatchObject({
      severity: 'error',
      hint: 'use masterCount: 1 (no high availability), 3 or 5',
    });
    expect(issue?.message).toContain('etcd needs an odd number of members');
  });

  it('accepts 3', () => {
    expect(issuesAt({ provider: { masterCount: 3 } }, 'provider.masterCount')).toEqual([]);
  });
});

describe('floatingIp', () => {
  it('refuses the placeholder of the reference', () => {
    const [issue] = issuesAt({ provider: { floatingIp: '130.246.x.y' } }, 'provider.floatingIp');
    expect(issue).toMatchObject({ severity: 'error', message: '"130.246.x.y" is not an IPv4 address' });
    expect(issue?.position?.line).toBe(3);
  });

  it("warns about the load balancer's private address written instead of the floating IP", () => {
    const [issue] = issuesAt({ provider: { floatingIp: '10.0.0.57' } }, 'provider.floatingIp');
    expect(issue?.severity).toBe('warning');
    expect(issue?.message).toContain('is a private address');
  });
});

describe('masterFlavor', () => {
  it('warns about a flavor it does not know, with a suggestion', () => {
    const [issue] = issuesAt({ provider: { masterFlavor: 'l3.nan' } }, 'provider.masterFlavor');
    expect(issue).toMatchObject({ severity: 'warning', hint: 'did you mean "l3.nano"?' });
    expect(issue?.message).toContain('will be checked against the cloud');
  });
});

describe('labels', () => {
  it('refuses a label value that is not a string and says to quote it', () => {
    const [issue] = issuesAt(
      { provider: { labels: { auto_scaling_enabled: true } } },
      'provider.labels.auto_scaling_enabled',
    );
    expect(issue).toMatchObject({ severity: 'error', message: 'must be a string, not boolean true' });
    expect(issue?.hint).toContain('quote numbers and booleans');
  });

  it('refuses a kube_tag for another Kubernetes version', () => {
    const [issue] = issuesAt({ provider: { labels: { kube_tag: 'v1.30.4' } } }, 'provider.labels.kube_tag');
    expect(issue).toMatchObject({
      severity: 'error',
      message: 'kube_tag "v1.30.4" runs Kubernetes 1.30, but cluster.kubernetesVersion is "1.31"',
      hint: 'make them agree: kube_tag: v1.31.x, or kubernetesVersion: "1.30"',
    });
  });

  it('accepts a matching kube_tag, which then overrides the template name', () => {
    const overrides = {
      provider: { clusterTemplate: 'kubernetes-1.30-ha', labels: { kube_tag: 'v1.31.2' } },
    };
    expect(issuesAt(overrides, 'provider.labels.kube_tag')).toEqual([]);
    expect(issuesAt(overrides, 'provider.clusterTemplate')).toEqual([]);
  });

  it('warns when the template is named for another Kubernetes version', () => {
    const [issue] = issuesAt({ kubernetesVersion: '1.32' }, 'provider.clusterTemplate');
    expect(issue?.severity).toBe('warning');
    expect(issue?.message).toContain('looks like Kubernetes 1.31, but cluster.kubernetesVersion is "1.32"');
  });

  it("refuses Magnum's autoscaler only next to an explicitly enabled hubfleet one", () => {
    const labels = { auto_scaling_enabled: 'true' };
    const both = { provider: { labels }, tools: { autoscaler: { enabled: true } } };
    const [issue] = issuesAt(both, 'provider.labels.auto_scaling_enabled');
    expect(issue?.severity).toBe('error');
    expect(issue?.message).toContain('both would resize the same nodegroups');
    expect(issue?.hint).toContain('remove tools.autoscaler.enabled');
    expect(issuesAt({ provider: { labels } }, 'provider.labels.auto_scaling_enabled')).toEqual([]);
    const hubfleetOff = { provider: { labels }, tools: { autoscaler: { enabled: false } } };
    expect(issuesAt(hubfleetOff, 'provider.labels.auto_scaling_enabled')).toEqual([]);
  });
});

describe('nodegroups', () => {
  it('warns that min: 0 needs Magnum microversion 1.10', () => {
    const groups = [nodeGroups[0] ?? {}, { ...nodeGroups[1], min: 0 }];
    const [issue] = issuesAt({ nodeGroups: groups }, 'cluster.nodeGroups[1].min');
    expect(issue?.severity).toBe('warning');
    expect(issue?.message).toContain('microversion 1.10');
    expect(issue?.message).toContain('hubfleet checks the cloud');
  });
});
