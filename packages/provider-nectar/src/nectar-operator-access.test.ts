import { rmSync } from 'node:fs';
import type { ProviderResourceV1, ProviderSessionV1 } from '@hubfleet/core';
import type { NectarVmSim } from '@hubfleet/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exampleConfig } from '../test/example-config.js';
import { nectarSimSession, sessionOn } from '../test/nectar-sim-session.js';

/** The example renamed, with `operatorCidrs` (none: the field left out). */
const configWith = (cidrs?: string[]) =>
  exampleConfig((text) =>
    text
      .replace('name: comp20003-jh ', 'name: access ')
      .replace(
        '  network: { kind: classic }',
        `  network: { kind: classic }${cidrs ? `\n  operatorCidrs: ${JSON.stringify(cidrs)}` : ''}`,
      ),
  );

const context = {
  kubernetes: async () => undefined,
  facts: async () => ({}),
  signal: new AbortController().signal,
};

// Only Neutron is involved: no server is created, so no VM boots.
describe('security-group/<deployment>-hubfleet: SSH and the API server from provider.operatorCidrs', () => {
  let sim: NectarVmSim;
  let directory: string;
  const sessions: ProviderSessionV1[] = [];

  async function accessOf(cidrs?: string[]): Promise<ProviderResourceV1> {
    const session = await sessionOn(sim, configWith(cidrs), directory);
    sessions.push(session);
    const resource = session.resources?.().find((candidate) => candidate.kind === 'security-group');
    if (!resource) throw new Error('no security-group resource');
    return resource;
  }

  /** The group's ingress rules as Neutron holds them: `tcp 22 from 203.0.113.7/32`, `… from the nodes`. */
  function ingress(): string[] {
    const { securityGroups, securityGroupRules } = sim.cloud.neutron.state;
    const group = Object.values(securityGroups).find((candidate) => candidate.name === 'access-hubfleet');
    if (!group) return [];
    return Object.values(securityGroupRules)
      .filter((rule) => rule.securityGroupId === group.id && rule.direction === 'ingress')
      .filter((rule) => rule.portRangeMin === 22 || rule.portRangeMin === 6443)
      .map(
        (rule) =>
          `${rule.protocol} ${rule.portRangeMin} from ${rule.remoteGroupId === group.id ? 'the nodes' : rule.remoteIpPrefix}`,
      )
      .sort();
  }

  beforeAll(async () => {
    let session: ProviderSessionV1;
    ({ sim, session, directory } = await nectarSimSession(configWith(['203.0.113.7/32'])));
    sessions.push(session);
  });

  afterAll(async () => {
    for (const session of sessions) await session.close();
    await sim?.close();
    if (directory) rmSync(directory, { recursive: true, force: true });
  });

  it('creates the group before the cluster with SSH and 6443 from the operator only, 6443 also from the nodes', async () => {
    const access = await accessOf(['203.0.113.7/32', '128.250.0.0/16']);
    expect(access.requiredBy).toEqual(['cluster']);
    expect(access.diff(await access.observe(context))).toMatchObject({ action: 'create' });
    await access.apply('create', context);
    expect(ingress()).toEqual([
      'tcp 22 from 128.250.0.0/16',
      'tcp 22 from 203.0.113.7/32',
      'tcp 6443 from 128.250.0.0/16',
      'tcp 6443 from 203.0.113.7/32',
      'tcp 6443 from the nodes',
    ]);
    expect(access.diff(await access.observe(context))).toMatchObject({
      action: 'noop',
      reason: 'SSH and the Kubernetes API admit 203.0.113.7/32, 128.250.0.0/16',
    });
  });

  it('plans a changed operatorCidrs as rule changes, and applies them', async () => {
    const access = await accessOf(['198.51.100.0/24']);
    const diff = access.diff(await access.observe(context));
    expect(diff.action).toBe('update');
    expect(diff.changes).toEqual(
      expect.arrayContaining([
        { field: 'rule', from: 'tcp 22-22 from 203.0.113.7/32' },
        { field: 'rule', from: 'tcp 6443-6443 from 128.250.0.0/16' },
        { field: 'rule', to: 'tcp 22-22 from 198.51.100.0/24' },
      ]),
    );
    await access.apply('update', context);
    expect(ingress()).toEqual([
      'tcp 22 from 198.51.100.0/24',
      'tcp 6443 from 198.51.100.0/24',
      'tcp 6443 from the nodes',
    ]);
    expect(access.diff(await access.observe(context)).action).toBe('noop');
  });

  it('without operatorCidrs, opens SSH and 6443 to anywhere and says how to narrow them', async () => {
    const access = await accessOf();
    await access.apply('update', context);
    expect(ingress()).toEqual([
      'tcp 22 from 0.0.0.0/0',
      'tcp 6443 from 0.0.0.0/0',
      'tcp 6443 from the nodes',
    ]);
    expect(access.diff(await access.observe(context)).reason).toMatch(
      /0\.0\.0\.0\/0 \(anywhere: set provider\.operatorCidrs\)/,
    );
  });

  it('delete removes the operator rules; the cluster step removes the group with the last VM', async () => {
    const access = await accessOf(['203.0.113.7/32']);
    await access.apply('delete', context);
    expect(await access.observe(context)).toBeUndefined();
    expect(ingress()).toEqual(['tcp 6443 from the nodes']);
  });
});
