import { createProviderRegistry, type LocatedIssue, validateConfigText } from '@hubfleet/core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { awsProvider } from './aws-provider.js';

const registry = createProviderRegistry([awsProvider]);

const provider = {
  kind: 'aws',
  region: 'us-west-2',
  network: { subnetIds: ['subnet-0a1b2c3d', 'subnet-4e5f6a7b'] },
};

const nodeGroups = [
  { name: 'core', role: 'core', instanceType: 't3a.large', min: 1, max: 2 },
  { name: 'users', role: 'users', instanceType: 't3a.2xlarge', min: 0, max: 10 },
];

interface Overrides {
  name?: string;
  provider?: Record<string, unknown>;
  nodeGroups?: Record<string, unknown>[];
  kubernetesVersion?: string;
}

/** A small valid deployment; JSON is YAML, so sections are written as JSON. */
function configText(overrides: Overrides = {}): string {
  return [
    'apiVersion: hubfleet/v1',
    `name: ${overrides.name ?? 'test'}`,
    `provider: ${JSON.stringify({ ...provider, ...overrides.provider })}`,
    'cluster:',
    `  kubernetesVersion: "${overrides.kubernetesVersion ?? '1.34'}"`,
    `  nodeGroups: ${JSON.stringify(overrides.nodeGroups ?? nodeGroups)}`,
    'ingress: { host: hub.example.edu }',
    'hubs: [{ name: demo, auth: { type: native }, image: { name: quay.io/jupyter/minimal-notebook, tag: "2024-04-22" } }]',
    '',
  ].join('\n');
}

function issuesFor(overrides: Overrides): LocatedIssue[] {
  return validateConfigText(configText(overrides), { registry, file: 'test.yaml', checkSecrets: false })
    .issues;
}

function only(issues: LocatedIssue[], pathText: string): LocatedIssue[] {
  return issues.filter((issue) => issue.pathText === pathText);
}

beforeAll(() => {
  vi.useFakeTimers({ now: new Date('2026-11-21T12:00:00Z'), toFake: ['Date'] });
});
afterAll(() => {
  vi.useRealTimers();
});

describe('a valid AWS config', () => {
  it('has no issues at all', () => {
    expect(issuesFor({})).toEqual([]);
  });
});

describe('region', () => {
  it('refuses a malformed region code and suggests the closest one', () => {
    const [issue, ...rest] = only(issuesFor({ provider: { region: 'us-west2' } }), 'provider.region');
    expect(rest).toEqual([]);
    expect(issue).toMatchObject({ severity: 'error', message: '"us-west2" is not an AWS region code' });
    expect(issue?.hint).toBe('did you mean "us-west-2"?');
    expect(issue?.position?.line).toBe(3);
  });

  it('says what to write when nothing is close', () => {
    const [issue] = only(issuesFor({ provider: { region: 'oregon' } }), 'provider.region');
    expect(issue?.hint).toBe('write a region code such as us-west-2');
  });

  it('warns about a well-formed region it does not know', () => {
    const [issue] = only(issuesFor({ provider: { region: 'us-wset-2' } }), 'provider.region');
    expect(issue).toMatchObject({ severity: 'warning', hint: 'did you mean "us-west-2"?' });
    expect(issue?.message).toContain('not an AWS region hubfleet knows');
  });
});

describe('network', () => {
  it('needs subnetIds or create', () => {
    const [issue] = only(issuesFor({ provider: { network: {} } }), 'provider.network');
    expect(issue).toMatchObject({ severity: 'error', message: 'network needs either subnetIds or create' });
    expect(issue?.hint).toContain('subnetIds: [subnet-..., subnet-...]');
  });

  it('refuses both subnetIds and create', () => {
    const network = {
      subnetIds: ['subnet-0a1b2c3d', 'subnet-4e5f6a7b'],
      create: { cidr: '10.40.0.0/16', zones: 2 },
    };
    const [issue] = only(issuesFor({ provider: { network } }), 'provider.network');
    expect(issue?.message).toBe('network has both subnetIds and create; use one');
  });

  it('needs subnets in two zones', () => {
    const [issue] = only(
      issuesFor({ provider: { network: { subnetIds: ['subnet-0a1b2c3d'] } } }),
      'provider.network.subnetIds',
    );
    expect(issue).toMatchObject({ severity: 'error' });
    expect(issue?.message).toContain('at least two availability zones, but only one is given');
  });

  it('refuses something that is not a subnet id, pointing at the list item', () => {
    const network = { subnetIds: ['subnet-0a1b2c3d', 'vpc-0a1b2c3d'] };
    const [issue] = only(issuesFor({ provider: { network } }), 'provider.network.subnetIds[1]');
    expect(issue).toMatchObject({ severity: 'error', message: '"vpc-0a1b2c3d" is not a subnet id' });
    expect(issue?.hint).toContain('subnet-0a1b2c3d4e5f67890');
  });

  it('warns about a shortened subnet id, as in the reference example', () => {
    const network = { subnetIds: ['subnet-0a1', 'subnet-4e5f6a7b'] };
    const [issue] = only(issuesFor({ provider: { network } }), 'provider.network.subnetIds[0]');
    expect(issue).toMatchObject({ severity: 'warning' });
    expect(issue?.message).toContain('looks shortened');
  });

  it('refuses a subnet listed twice', () => {
    const network = { subnetIds: ['subnet-0a1b2c3d', 'subnet-0a1b2c3d'] };
    const [issue] = only(issuesFor({ provider: { network } }), 'provider.network.subnetIds[1]');
    expect(issue?.message).toBe('"subnet-0a1b2c3d" is listed twice');
  });

  it('refuses a CIDR that does not parse', () => {
    const [issue] = only(
      issuesFor({ provider: { network: { create: { cidr: '10.40.0.0', zones: 2 } } } }),
      'provider.network.create.cidr',
    );
    expect(issue).toMatchObject({ severity: 'error', message: '"10.40.0.0" is not an IPv4 CIDR' });
  });

  it('refuses a VPC larger than /16 or smaller than /24', () => {
    const large = only(
      issuesFor({ provider: { network: { create: { cidr: '10.0.0.0/8', zones: 2 } } } }),
      'provider.network.create.cidr',
    );
    expect(large[0]?.message).toContain('larger than AWS allows');
    const small = only(
      issuesFor({ provider: { network: { create: { cidr: '10.40.0.0/26', zones: 2 } } } }),
      'provider.network.create.cidr',
    );
    expect(small[0]?.message).toContain('too small');
    expect(small[0]?.hint).toContain('between /16 and /24');
  });

  it('warns about a public address range', () => {
    const [issue] = only(
      issuesFor({ provider: { network: { create: { cidr: '8.8.0.0/16', zones: 2 } } } }),
      'provider.network.create.cidr',
    );
    expect(issue).toMatchObject({ severity: 'warning' });
    expect(issue?.message).toContain('public address range');
  });

  it('needs two to six zones', () => {
    const one = only(
      issuesFor({ provider: { network: { create: { cidr: '10.40.0.0/16', zones: 1 } } } }),
      'provider.network.create.zones',
    );
    expect(one[0]).toMatchObject({
      severity: 'error',
      message: 'EKS needs subnets in at least 2 availability zones',
    });
    const seven = only(
      issuesFor({ provider: { network: { create: { cidr: '10.40.0.0/16', zones: 7 } } } }),
      'provider.network.create.zones',
    );
    expect(seven[0]?.message).toBe('no AWS region has more than 6 availability zones');
  });
});

describe('roles', () => {
  it('refuses something that is not a role ARN', () => {
    const roles = {
      clusterRoleArn: 'eks-cluster',
      nodeRoleArn: 'arn:aws:iam::123456789012:instance-profile/eks-node',
    };
    const issues = issuesFor({ provider: { roles } });
    expect(only(issues, 'provider.roles.clusterRoleArn')[0]?.message).toBe(
      '"eks-cluster" is not an IAM role ARN',
    );
    expect(only(issues, 'provider.roles.nodeRoleArn')[0]?.hint).toContain(
      'arn:aws:iam::123456789012:role/eks-node',
    );
  });

  it('accepts role ARNs with a path and from GovCloud', () => {
    const roles = {
      clusterRoleArn: 'arn:aws:iam::123456789012:role/service/eks-cluster',
      nodeRoleArn: 'arn:aws-us-gov:iam::123456789012:role/eks-node',
    };
    expect(issuesFor({ provider: { roles } })).toEqual([]);
  });
});

describe('kubernetesVersion', () => {
  it('refuses a version EKS no longer runs', () => {
    const [issue] = only(issuesFor({ kubernetesVersion: '1.16' }), 'cluster.kubernetesVersion');
    expect(issue).toMatchObject({
      severity: 'error',
      message: 'EKS no longer runs Kubernetes 1.16',
      hint: 'use "1.35"',
    });
  });

  it('warns about a version in extended support', () => {
    const [issue] = only(issuesFor({ kubernetesVersion: '1.31' }), 'cluster.kubernetesVersion');
    expect(issue?.severity).toBe('warning');
    expect(issue?.message).toContain('extended support until 2026-11-26');
  });
});

describe('nodegroups', () => {
  it('refuses a derived EKS nodegroup name longer than 63 characters', () => {
    const name = 'a'.repeat(40);
    const groups = [
      ...nodeGroups,
      { name: 'b'.repeat(30), role: 'users', instanceType: 't3a.large', min: 0, max: 1 },
    ];
    const [issue] = only(issuesFor({ name, nodeGroups: groups }), 'cluster.nodeGroups[2].name');
    expect(issue).toMatchObject({ severity: 'error' });
    expect(issue?.message).toContain('is 71 characters; EKS allows 63');
    expect(issue?.hint).toBe('shorten the nodegroup or deployment name by 8 characters');
  });

  it('refuses a root disk smaller than the node image or larger than EBS allows', () => {
    const small = [nodeGroups[0], { ...nodeGroups[1], diskSize: '10Gi' }] as Record<string, unknown>[];
    expect(only(issuesFor({ nodeGroups: small }), 'cluster.nodeGroups[1].diskSize')[0]?.message).toContain(
      'smaller than the EKS node image',
    );
    const large = [nodeGroups[0], { ...nodeGroups[1], diskSize: '20Ti' }] as Record<string, unknown>[];
    expect(only(issuesFor({ nodeGroups: large }), 'cluster.nodeGroups[1].diskSize')[0]?.message).toContain(
      'larger than an EBS volume can be',
    );
  });

  it('warns when a user nodegroup disk is tight for large images', () => {
    const groups = [nodeGroups[0], { ...nodeGroups[1], diskSize: '30Gi' }] as Record<string, unknown>[];
    const [issue] = only(issuesFor({ nodeGroups: groups }), 'cluster.nodeGroups[1].diskSize');
    expect(issue).toMatchObject({ severity: 'warning', hint: 'use diskSize: 100Gi' });
    expect(issue?.message).toContain('000 step 03');
  });

  it('does not warn about a small disk on the core nodegroup', () => {
    const groups = [{ ...nodeGroups[0], diskSize: '30Gi' }, nodeGroups[1]] as Record<string, unknown>[];
    expect(issuesFor({ nodeGroups: groups })).toEqual([]);
  });
});
