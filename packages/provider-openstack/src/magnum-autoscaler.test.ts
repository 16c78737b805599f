import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { applyToolDefaults, type HubfleetConfig, type ProviderSessionV1 } from '@hubfleet/core';
import { toolReleases } from '@hubfleet/core/kubernetes';
import { type OpenStackSimCloud, startOpenStackSimCloud } from '@hubfleet/testkit';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { stfcConfig } from '../test/stfc-config.js';
import { MAGNUM_AUTOSCALER_NAME } from './magnum-labels.js';
import type { OpenstackProviderSettings } from './openstack-config.js';
import { connectOpenstack } from './openstack-connect.js';
import { openstackProvider } from './openstack-provider.js';

// Starting a sim (the cluster CA, RSA keys for client certificates) takes seconds on a loaded 2-core machine.
vi.setConfig({ hookTimeout: 180_000, testTimeout: 180_000 });

/** The STFC example with its GPU group and Magnum's own autoscaler turned on by the label. */
function magnumAutoscalingConfig(): HubfleetConfig<OpenstackProviderSettings> {
  const base = stfcConfig('magnum-autoscaler');
  const gpu = {
    name: 'gpu-worker',
    role: 'gpu' as const,
    instanceType: 'g-v100.x1',
    min: 1,
    max: 3,
    gpu: { count: 1 },
  };
  // The example turns hubfleet's autoscaler on explicitly; here the config leaves it to the label.
  const { autoscaler: _autoscaler, ...tools } = base.tools;
  return {
    ...base,
    provider: { ...base.provider, labels: { ...base.provider.labels, auto_scaling_enabled: 'true' } },
    cluster: { ...base.cluster, nodeGroups: [...base.cluster.nodeGroups, gpu] },
    tools,
  };
}

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe("Magnum's own cluster-autoscaler (label auto_scaling_enabled)", () => {
  const config = magnumAutoscalingConfig();
  let stateDirectory: string;
  let cloud: OpenStackSimCloud;
  let session: ProviderSessionV1;

  beforeAll(async () => {
    stateDirectory = mkdtempSync(join(tmpdir(), 'hubfleet-magnum-autoscaler-'));
    cloud = await startOpenStackSimCloud({ stateDirectory, speed: 100_000, settings: config.provider });
    session = await connectOpenstack(
      config,
      {
        configDirectory: process.cwd(),
        simulation: { endpoints: cloud.endpoints, credentials: cloud.credentials },
      },
      { pollIntervalMs: 5, retryDelayMs: 2 },
    );
  });

  afterAll(async () => {
    await cloud?.close();
    rmSync(stateDirectory, { recursive: true, force: true });
  });

  it("turns hubfleet's autoscaler off by default: no cluster-autoscaler release, and the reason names Magnum's", async () => {
    expect(applyToolDefaults(config, openstackProvider).tools.autoscaler?.enabled).toBe(false);
    const plan = toolReleases(config, openstackProvider, await session.addons({}));
    expect(plan.releases.map((release) => release.release)).not.toContain('cluster-autoscaler');
    const choice = plan.choices.find((entry) => entry.tool === 'cluster-autoscaler');
    expect(choice?.enabled).toBe(false);
    expect(choice?.reason).toContain(MAGNUM_AUTOSCALER_NAME);
  });

  it("plans the cluster with Magnum's autoscaler, then makes every nodegroup, GPU included, with its min/max", async () => {
    expect(await session.cluster.baseResources?.()).toEqual([
      { kind: 'autoscaler', name: MAGNUM_AUTOSCALER_NAME, exists: false },
    ]);
    await session.cluster.create();
    const cluster = await until(
      () => session.cluster.observe(),
      (observed) => observed?.status === 'active',
    );
    expect(cluster?.tags?.auto_scaling_enabled).toBe('true');
    expect(await session.cluster.baseResources?.()).toEqual([
      { kind: 'autoscaler', name: MAGNUM_AUTOSCALER_NAME, exists: true },
    ]);

    for (const group of config.cluster.nodeGroups) await session.nodeGroups.create(group);
    const groups = await until(
      () => session.nodeGroups.list(),
      (listed) =>
        listed.length === config.cluster.nodeGroups.length && listed.every((g) => g.status === 'active'),
    );
    const bounds = Object.fromEntries(groups.map((group) => [group.name, [group.min, group.max]]));
    expect(bounds).toEqual(
      Object.fromEntries(config.cluster.nodeGroups.map((group) => [group.name, [group.min, group.max]])),
    );
    expect(bounds['gpu-worker']).toEqual([1, 3]);
  });
});

/** The STFC config with the given autoscaler label and no tools.autoscaler: the template may decide. */
function silentConfig(name: string, label?: string): HubfleetConfig<OpenstackProviderSettings> {
  const base = stfcConfig(name);
  const { autoscaler: _autoscaler, ...tools } = base.tools;
  const { auto_scaling_enabled: _label, ...labels } = base.provider.labels ?? {};
  return {
    ...base,
    provider: {
      ...base.provider,
      labels: label === undefined ? labels : { ...labels, auto_scaling_enabled: label },
    },
    tools,
  };
}

describe('the template’s labels merged with the config’s decide the autoscaler (merge_labels)', () => {
  let stateDirectory: string;
  let cloud: OpenStackSimCloud;
  const sessions: ProviderSessionV1[] = [];

  beforeAll(async () => {
    stateDirectory = mkdtempSync(join(tmpdir(), 'hubfleet-template-autoscaler-'));
    cloud = await startOpenStackSimCloud({
      stateDirectory,
      speed: 100_000,
      settings: stfcConfig('template-autoscaler').provider,
    });
  });

  afterAll(async () => {
    await Promise.all(sessions.map((session) => session.close()));
    await cloud?.close();
    rmSync(stateDirectory, { recursive: true, force: true });
  });

  async function connect(config: HubfleetConfig<OpenstackProviderSettings>) {
    const session = await connectOpenstack(
      config,
      {
        configDirectory: process.cwd(),
        simulation: { endpoints: cloud.endpoints, credentials: cloud.credentials },
      },
      { pollIntervalMs: 5, retryDelayMs: 2 },
    );
    sessions.push(session);
    return session;
  }

  /** The labels Magnum made the deployment's cluster with. */
  async function createdLabels(session: ProviderSessionV1, name: string) {
    await session.cluster.create();
    const cluster = Object.values(cloud.magnum.state.clusters).find((each) => each.name === name);
    return cluster?.labels;
  }

  it("the template turns it on and the config says nothing: Magnum's runs, hubfleet's is not installed, plan says so", async () => {
    const template = Object.values(cloud.magnum.state.clusterTemplates).find(
      (each) => each.name === 'kubernetes-1.34-ha',
    );
    expect(template?.labels.auto_scaling_enabled).toBe('true');
    const config = silentConfig('template-on');
    const session = await connect(config);
    const plan = toolReleases(config, openstackProvider, session.addons({}));
    expect(plan.releases.map((release) => release.release)).not.toContain('cluster-autoscaler');
    const choice = plan.choices.find((entry) => entry.tool === 'cluster-autoscaler');
    expect(choice?.enabled).toBe(false);
    expect(choice?.reason).toContain(
      `${MAGNUM_AUTOSCALER_NAME} runs (the cluster template kubernetes-1.34-ha)`,
    );
    expect(await session.cluster.baseResources?.()).toEqual([
      { kind: 'autoscaler', name: MAGNUM_AUTOSCALER_NAME, exists: false },
    ]);
    expect((await createdLabels(session, 'template-on'))?.auto_scaling_enabled).toBe('true');
  });

  it("the config's label \"false\" overrides the template's: hubfleet's runs and Magnum's is off", async () => {
    const config = silentConfig('config-off', 'false');
    const session = await connect(config);
    const plan = toolReleases(config, openstackProvider, session.addons({}));
    const release = plan.releases.find((entry) => entry.release === 'cluster-autoscaler');
    expect(release?.values).toMatchObject({ cloudProvider: 'magnum', magnumClusterName: 'config-off' });
    expect(await session.cluster.baseResources?.()).toEqual([]);
    expect((await createdLabels(session, 'config-off'))?.auto_scaling_enabled).toBe('false');
  });
});

describe("hubfleet's cluster-autoscaler (the default)", () => {
  it('runs with the Magnum cloud provider, and says so', () => {
    const { autoscaler: _autoscaler, ...tools } = stfcConfig('hubfleet-autoscaler').tools;
    const config = { ...stfcConfig('hubfleet-autoscaler'), tools };
    const plan = toolReleases(config, openstackProvider);
    const release = plan.releases.find((entry) => entry.release === 'cluster-autoscaler');
    expect(release?.reason).toContain("hubfleet's cluster-autoscaler");
  });
});
