import { createProviderRegistry, type LocatedIssue, validateConfigText } from '@hubfleet/core';
import { describe, expect, it } from 'vitest';
import { parseGkeLocation } from './gke-locations.js';
import { gkeProvider } from './gke-provider.js';

const registry = createProviderRegistry([gkeProvider]);

const provider = {
  kind: 'gke',
  project: 'rhodes-cs',
  location: 'us-central1-a',
  staticIp: { name: 'jupyter-ip' },
};

const nodeGroups = [
  { name: 'core', role: 'core', instanceType: 'n1-standard-2', min: 1, max: 2 },
  { name: 'users', role: 'users', instanceType: 'n1-standard-4', min: 0, max: 3 },
];

interface Overrides {
  provider?: Record<string, unknown>;
  nodeGroups?: Record<string, unknown>[];
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

function withUserDisk(diskSize: string): Record<string, unknown>[] {
  return [nodeGroups[0] ?? {}, { ...nodeGroups[1], diskSize }];
}

describe('a valid GKE config', () => {
  it('has no issues at all', () => {
    const { issues } = validateConfigText(configText(), { registry, file: 'test.yaml', checkSecrets: false });
    expect(issues).toEqual([]);
  });
});

describe('project', () => {
  it('refuses a display name', () => {
    const [issue] = issuesAt({ provider: { project: 'Rhodes CS' } }, 'provider.project');
    expect(issue).toMatchObject({
      severity: 'error',
      message: '"Rhodes CS" is not a Google Cloud project id',
    });
    expect(issue?.hint).toContain('e.g. rhodes-cs');
    expect(issue?.position?.line).toBe(3);
  });

  it('refuses a project number and says so', () => {
    const [issue] = issuesAt({ provider: { project: '123456789012' } }, 'provider.project');
    expect(issue?.hint).toContain('project number');
  });

  it('accepts 6 to 30 characters, and refuses ids too short, too long, ending with "-" or starting with a digit', () => {
    expect(issuesAt({ provider: { project: 'rhodes' } }, 'provider.project')).toEqual([]);
    for (const project of ['rhode', 'a'.repeat(31), 'rhodes-cs-', '1rhodes']) {
      expect(issuesAt({ provider: { project } }, 'provider.project'), project).toHaveLength(1);
    }
  });
});

describe('location', () => {
  it('refuses something that is neither a zone nor a region', () => {
    const [issue] = issuesAt({ provider: { location: 'Iowa' } }, 'provider.location');
    expect(issue).toMatchObject({ severity: 'error', message: '"Iowa" is neither a zone nor a region' });
    expect(issue?.hint).toBe('write a zone such as us-central1-a, or a region such as us-central1');
  });

  it('warns that a regional cluster runs every node pool in each zone', () => {
    const [issue] = issuesAt({ provider: { location: 'us-central1' } }, 'provider.location');
    expect(issue?.severity).toBe('warning');
    expect(issue?.message).toContain('is a region: GKE runs each node pool in every zone');
    expect(issue?.hint).toBe(
      'use a zone such as us-central1-a for one copy of each node, as Rhodes does (003)',
    );
  });

  it('warns about a region it does not know, with a suggestion', () => {
    const [issue] = issuesAt({ provider: { location: 'us-centrl1-a' } }, 'provider.location');
    expect(issue).toMatchObject({ severity: 'warning', hint: 'did you mean "us-central1"?' });
  });

  it('tells zones from regions', () => {
    expect(parseGkeLocation('europe-west4-b')).toEqual({ kind: 'zone', region: 'europe-west4' });
    expect(parseGkeLocation('northamerica-northeast1')).toEqual({
      kind: 'region',
      region: 'northamerica-northeast1',
    });
    expect(parseGkeLocation('us-central1-')).toEqual({ kind: 'invalid' });
  });
});

describe('staticIp', () => {
  it('refuses an IP address where the name of the address belongs', () => {
    const [issue] = issuesAt(
      { provider: { staticIp: { name: '35.225.189.212' } } },
      'provider.staticIp.name',
    );
    expect(issue).toMatchObject({
      severity: 'error',
      message: '"35.225.189.212" is not a valid address name',
    });
    expect(issue?.hint).toContain('the name, not the IP address');
  });
});

describe('diskSize', () => {
  it('refuses a boot disk smaller than GKE allows', () => {
    const [issue] = issuesAt({ nodeGroups: withUserDisk('5Gi') }, 'cluster.nodeGroups[1].diskSize');
    expect(issue?.message).toContain('smaller than GKE allows');
  });

  it('refuses a boot disk larger than a persistent disk', () => {
    const [issue] = issuesAt({ nodeGroups: withUserDisk('100Ti') }, 'cluster.nodeGroups[1].diskSize');
    expect(issue?.message).toContain('larger than a persistent disk can be');
  });

  it('warns when a user node disk is tight', () => {
    const [issue] = issuesAt({ nodeGroups: withUserDisk('20Gi') }, 'cluster.nodeGroups[1].diskSize');
    expect(issue).toMatchObject({ severity: 'warning', hint: 'use diskSize: 100Gi' });
  });
});
