import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createProviderRegistry, type LocatedIssue, validateConfigText } from '@hubfleet/core';
import { describe, expect, it } from 'vitest';
import { nectarProvider } from './nectar-provider.js';

const registry = createProviderRegistry([nectarProvider]);

const provider = {
  kind: 'nectar',
  cloud: 'nectar',
  availabilityZone: 'melbourne-qh2',
  image: 'NeCTAR Ubuntu 24.04 LTS (Noble) amd64',
  keypair: { name: 'comp20003', privateKeyFile: './keys/comp20003.pem' },
  operatorCidrs: ['203.0.113.7/32'],
  controlPlane: { flavor: 'm3.medium' },
  storageNode: { flavor: 'm3.small' },
};

const nodeGroups = [
  { name: 'core', role: 'core', instanceType: 'm3.medium', min: 1, max: 1 },
  { name: 'compute', role: 'users', instanceType: 'm3.large', min: 4, max: 4 },
];

interface Overrides {
  provider?: Record<string, unknown>;
  nodeGroups?: Record<string, unknown>[];
  tools?: Record<string, unknown>;
}

/** A small valid deployment; JSON is YAML, so sections are written as JSON. */
function configText(overrides: Overrides = {}): string {
  return [
    'apiVersion: hubfleet/v1',
    'name: test',
    `provider: ${JSON.stringify({ ...provider, ...overrides.provider })}`,
    'cluster:',
    '  kubernetesVersion: "1.33"',
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

const gpuGroup = {
  name: 'gpu',
  role: 'gpu',
  instanceType: 'mel.gpu-k1.large',
  min: 1,
  max: 1,
  gpu: { count: 1 },
};

describe('a valid NeCTAR config', () => {
  it('has no issues at all when its private key sits beside it', () => {
    const directory = mkdtempSync(join(tmpdir(), 'hubfleet-nectar-config-'));
    mkdirSync(join(directory, 'keys'));
    writeFileSync(join(directory, 'keys/comp20003.pem'), 'stand-in key\n', { mode: 0o600 });
    const file = join(directory, 'test.yaml');
    const { issues } = validateConfigText(configText(), { registry, file, checkSecrets: false });
    expect(issues).toEqual([]);
  });
});

describe('availabilityZone', () => {
  it('warns about a zone it does not know, with a suggestion', () => {
    const [issue] = issuesAt({ provider: { availabilityZone: 'melbourne-qh' } }, 'provider.availabilityZone');
    expect(issue).toMatchObject({ severity: 'warning', hint: 'did you mean "melbourne-qh2"?' });
    expect(issue?.position?.line).toBe(3);
  });

  it('lists the known zones when nothing is close', () => {
    const [issue] = issuesAt({ provider: { availabilityZone: 'perth' } }, 'provider.availabilityZone');
    expect(issue?.hint).toContain('melbourne-qh2, melbourne-qh2-uom');
  });
});

describe('keypair', () => {
  it('warns when the private key under ~ is missing', () => {
    const keypair = { name: 'comp20003', privateKeyFile: '~/.ssh/hubfleet-test-key-that-does-not-exist.pem' };
    const [issue] = issuesAt({ provider: { keypair } }, 'provider.keypair.privateKeyFile');
    expect(issue?.severity).toBe('warning');
    expect(issue?.message).toContain('does not exist on this machine');
  });
});

describe('operatorCidrs', () => {
  it('warns that SSH and the API server are open to anywhere without it, naming the field', () => {
    const [issue] = issuesAt({ provider: { operatorCidrs: undefined } }, 'provider');
    expect(issue).toMatchObject({
      severity: 'warning',
      message: expect.stringContaining('open to 0.0.0.0/0'),
      hint: expect.stringContaining('provider.operatorCidrs'),
    });
  });

  it('refuses an address range that is not IPv4 CIDR', () => {
    const [issue] = issuesAt({ provider: { operatorCidrs: ['10.0.0.300/8'] } }, 'provider.operatorCidrs[0]');
    expect(issue).toMatchObject({ severity: 'error', message: expect.stringContaining('CIDR notation') });
  });
});

describe('network', () => {
  it('refuses a private network without a floating IP pool', () => {
    const [issue] = issuesAt(
      { provider: { network: { kind: 'private', name: 'jh-net' } } },
      'provider.network.floatingIpPool',
    );
    expect(issue).toMatchObject({ severity: 'error' });
    expect(issue?.message).toBe(
      'a private network needs floatingIpPool: its VMs are reachable only through floating IPs',
    );
    expect(issue?.hint).toContain('floatingIpPool: <the external network of your zone>');
  });

  it('accepts a private network with one', () => {
    const network = { kind: 'private', name: 'jh-net', floatingIpPool: 'melbourne' };
    expect(issuesAt({ provider: { network } }, 'provider.network.floatingIpPool')).toEqual([]);
  });
});

describe('image', () => {
  it('warns about an image that is not Ubuntu', () => {
    const [issue] = issuesAt({ provider: { image: 'NeCTAR CentOS 7 x86_64' } }, 'provider.image');
    expect(issue?.severity).toBe('warning');
    expect(issue?.hint).toContain('NeCTAR Ubuntu 24.04 LTS');
  });
});

describe('control plane and storage node flavors', () => {
  it('warns about flavors it does not know, with a suggestion', () => {
    const [issue] = issuesAt(
      { provider: { storageNode: { flavor: 'm3.smal' } } },
      'provider.storageNode.flavor',
    );
    expect(issue).toMatchObject({ severity: 'warning', hint: 'did you mean "m3.small"?' });
  });

  it('refuses a control plane with fewer than 2 vCPUs, which kubeadm refuses', () => {
    const [issue] = issuesAt(
      { provider: { controlPlane: { flavor: 'm3.xsmall' } } },
      'provider.controlPlane.flavor',
    );
    expect(issue).toMatchObject({
      severity: 'error',
      hint: 'use m3.small (2 vCPU) or larger, e.g. m3.medium',
    });
    expect(issue?.message).toContain('kubeadm refuses');
  });
});

describe('nodegroups', () => {
  it('refuses a gpu nodegroup without a known GPU flavor', () => {
    const issues = issuesAt({ nodeGroups: [...nodeGroups, gpuGroup] }, 'cluster.nodeGroups[2].instanceType');
    const issue = issues.find((candidate) => candidate.severity === 'error');
    expect(issue?.message).toContain('hubfleet knows no NeCTAR GPU flavor named "mel.gpu-k1.large"');
    expect(issue?.hint).toContain('remove the gpu nodegroup');
  });

  it('warns that max has no effect when it is above min', () => {
    const groups = [nodeGroups[0] ?? {}, { ...nodeGroups[1], min: 2, max: 6 }];
    const [issue] = issuesAt({ nodeGroups: groups }, 'cluster.nodeGroups[1].max');
    expect(issue).toMatchObject({
      severity: 'warning',
      hint: 'set max: 2, or raise min to the number of VMs you want',
    });
  });

  it('refuses the autoscaler', () => {
    const [issue] = issuesAt({ tools: { autoscaler: { enabled: true } } }, 'tools.autoscaler.enabled');
    expect(issue).toMatchObject({
      severity: 'error',
      message: 'no cluster autoscaler can add plain NeCTAR VMs',
    });
  });
});
