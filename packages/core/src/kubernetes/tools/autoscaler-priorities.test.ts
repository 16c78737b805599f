import { describe, expect, it } from 'vitest';
import {
  expanderPriorities,
  FALLBACK_PRIORITY,
  nodeGroupPattern,
  nodeGroupPriorities,
  UNPRICED_PRIORITY,
} from './autoscaler-priorities.js';
import { valueAt } from './testing/plan-queries.js';
import { configText, loadConfig } from './testing/stand-in-providers.js';
import { toolReleases } from './tool-releases.js';

const GROUPS = `    - { name: core, role: core, instanceType: t3a.large, min: 1, max: 3 }
    - { name: users-big, role: users, instanceType: m5a.2xlarge, min: 0, max: 10 }
    - { name: users, role: users, instanceType: t3a.2xlarge, min: 0, max: 20 }
    - { name: gpu, role: gpu, instanceType: g4dn.xlarge, min: 0, max: 4, gpu: { count: 1 } }`;

describe('autoscaler priorities from catalog prices', () => {
  it('gives the cheaper of two sufficient groups the higher priority', () => {
    const { config, provider } = loadConfig(configText({ nodeGroups: GROUPS }));
    const priorities = Object.fromEntries(
      nodeGroupPriorities(config, provider.catalog).map((entry) => [entry.nodeGroup, entry.priority]),
    );
    // Same 8 vCPU / 32 GiB: t3a.2xlarge ($0.3008/h) must scale before m5a.2xlarge ($0.344/h).
    expect(priorities.users).toBeGreaterThan(priorities['users-big'] as number);
    expect(priorities.core).toBeGreaterThan(priorities.users as number);
    expect(priorities['users-big']).toBeGreaterThan(priorities.gpu as number);
    expect(Math.min(...Object.values(priorities))).toBeGreaterThan(UNPRICED_PRIORITY);
  });

  it('writes them as the chart expects, with the priority expander and a catch-all', () => {
    const { config, provider } = loadConfig(configText({ nodeGroups: GROUPS }));
    const plan = toolReleases(config, provider);
    expect(valueAt(plan, 'cluster-autoscaler', 'extraArgs.expander')).toBe('priority');
    expect(valueAt(plan, 'cluster-autoscaler', 'expanderPriorities')).toEqual({
      [FALLBACK_PRIORITY]: ['.*'],
      20: ['.*prod-green-gpu.*'],
      30: ['.*prod-green-users-big.*'],
      40: ['.*prod-green-users.*'],
      50: ['.*prod-green-core.*'],
    });
  });

  it('puts groups without a price after every priced group, equal prices sharing a priority', () => {
    const catalog = {
      machines: [
        { name: 'm3.small', cpu: 2, memoryGiB: 4, hourlyPrice: 0.1 },
        { name: 'm3.medium', cpu: 2, memoryGiB: 8, hourlyPrice: 0.1 },
        { name: 'm3.xlarge', cpu: 8, memoryGiB: 32, hourlyPrice: 0.4 },
      ],
    };
    const config = {
      name: 'course',
      cluster: {
        kubernetesVersion: '1.34',
        nodeGroups: [
          { name: 'a', role: 'users' as const, instanceType: 'm3.small', min: 0, max: 2 },
          { name: 'b', role: 'users' as const, instanceType: 'm3.medium', min: 0, max: 2 },
          { name: 'c', role: 'users' as const, instanceType: 'm3.xlarge', min: 0, max: 2 },
          { name: 'd', role: 'users' as const, instanceType: 'local.flavor', min: 0, max: 2 },
        ],
      },
    };
    const priorities = nodeGroupPriorities(config, catalog);
    expect(priorities.map((entry) => [entry.nodeGroup, entry.priority])).toEqual([
      ['a', 30],
      ['b', 30],
      ['c', 20],
      ['d', UNPRICED_PRIORITY],
    ]);
    expect(expanderPriorities(priorities)).toEqual({
      1: ['.*'],
      10: ['.*course-d.*'],
      20: ['.*course-c.*'],
      30: ['.*course-a.*', '.*course-b.*'],
    });
  });

  it("matches the cloud's name for the group", () => {
    const pattern = new RegExp(`^${nodeGroupPattern('prod-green', 'users')}$`);
    expect(pattern.test('eks-prod-green-users-2ac5d1b9-0e6f-4a4e-8f7a-1b2c3d4e5f60')).toBe(true);
    expect(pattern.test('eks-prod-blue-users-2ac5d1b9')).toBe(false);
  });
});
