import { rmSync } from 'node:fs';
import { HubfleetError, type ObservedNodeGroupV1, type ProviderSessionV1 } from '@hubfleet/core';
import { type NectarVmSim, readCallLog } from '@hubfleet/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exampleConfig } from '../test/example-config.js';
import { nectarSimSession, sessionOn } from '../test/nectar-sim-session.js';
import { kubernetesGet } from '../test/sim-vm-access.js';

/** The example renamed, on `version`; only its control plane and its `core` VM are made. */
const configAt = (version: string) =>
  exampleConfig((text) =>
    text
      .replace('name: comp20003-jh ', 'name: upgrade ')
      .replace('kubernetesVersion: "1.34"', `kubernetesVersion: "${version}"`),
  );
const older = configAt('1.33');
const newer = configAt('1.34');
const core = newer.cluster.nodeGroups.find((group) => group.name === 'core');

/** What the upgrade changes, in the order it happened: kubeadm's calls and the Nodes' (un)cordons. */
const UPGRADE_CALLS = new Set(['upgrade', 'upgrade-node', 'kubelet', 'patch/v1/nodes']);

describe('a Kubernetes minor upgrade of a NeCTAR cluster (1 control plane, 1 worker) over real SSH', {
  timeout: 400_000,
}, () => {
  let sim: NectarVmSim;
  let before: ProviderSessionV1;
  let after: ProviderSessionV1;
  let directory: string;

  const coreGroup = async (session: ProviderSessionV1): Promise<ObservedNodeGroupV1> => {
    const found = (await session.nodeGroups.list()).find((group) => group.name === 'core');
    if (!found) throw new Error('no core nodegroup');
    return found;
  };
  const calls = () => readCallLog(sim.fleet.control.callLogFile);
  const changes = (since: number) =>
    calls()
      .slice(since)
      .filter((call) => call.status < 400 && UPGRADE_CALLS.has(call.operation))
      .map((call) => call.operation);
  const kubeletVersions = async () => {
    const { body } = await kubernetesGet(await after.cluster.kubeconfig(), '/api/v1/nodes');
    return (
      body as { items: { metadata: { name: string }; status: { nodeInfo: { kubeletVersion: string } } }[] }
    ).items
      .map((node) => `${node.metadata.name} ${node.status.nodeInfo.kubeletVersion}`)
      .sort();
  };

  beforeAll(async () => {
    if (!core) throw new Error('the example has a core nodegroup');
    ({ sim, session: before, directory } = await nectarSimSession(older));
    await before.cluster.create();
    await before.nodeGroups.create(core);
    after = await sessionOn(sim, newer, directory);
  });

  afterAll(async () => {
    await before?.close();
    await after?.close();
    await sim?.close();
    if (directory) rmSync(directory, { recursive: true, force: true });
  });

  it('sees a bootstrapped 1.33 cluster, not a half-made one, when the config asks for 1.34', async () => {
    expect(await after.cluster.observe()).toMatchObject({ status: 'active', kubernetesVersion: '1.33' });
    expect(await coreGroup(after)).toMatchObject({
      status: 'active',
      min: 1,
      max: 1,
      kubernetesVersion: '1.33',
    });
  });

  it("upgrades the control plane, then the worker in kubeadm's order; every node then runs 1.34", async () => {
    if (!core) throw new Error('the example has a core nodegroup');
    const since = calls().length;
    const cluster = await after.cluster.observe();
    if (!cluster) throw new Error('no cluster');
    await after.cluster.update(cluster);
    expect(await after.cluster.observe()).toMatchObject({ status: 'active', kubernetesVersion: '1.34' });
    expect((await coreGroup(after)).kubernetesVersion).toBe('1.33');
    await after.nodeGroups.update(core, await coreGroup(after));
    expect(await coreGroup(after)).toMatchObject({
      status: 'active',
      min: 1,
      max: 1,
      kubernetesVersion: '1.34',
    });
    expect(changes(since)).toEqual([
      // upgrade-control-plane.sh: kubeadm upgrade apply, drain, kubelet restarted, uncordon.
      'upgrade',
      'patch/v1/nodes',
      'kubelet',
      'patch/v1/nodes',
      // The worker: kubeadm upgrade node, drain (from the control plane), kubelet, uncordon.
      'upgrade-node',
      'patch/v1/nodes',
      'kubelet',
      'patch/v1/nodes',
    ]);
    expect(await kubeletVersions()).toEqual(['upgrade-core-0 v1.34.2', 'upgrade-cp v1.34.2']);
  });

  it('a second pass only checks: nothing to plan, nothing changed', async () => {
    if (!core) throw new Error('the example has a core nodegroup');
    const since = calls().length;
    const cluster = await after.cluster.observe();
    expect(cluster).toMatchObject({ status: 'active', kubernetesVersion: '1.34' });
    if (!cluster) throw new Error('no cluster');
    await after.cluster.update(cluster);
    await after.nodeGroups.update(core, await coreGroup(after));
    expect(changes(since)).toEqual([]);
    expect(
      calls()
        .slice(since)
        .filter((call) => call.service === 'kubeadm' && call.mutating),
    ).toEqual([]);
  });

  it('refuses to take the cluster back to 1.33 (exit 3), changing nothing', async () => {
    if (!core) throw new Error('the example has a core nodegroup');
    const since = calls().length;
    const cluster = await before.cluster.observe();
    // Bootstrapped, on a newer minor than this config's: what core's plan refuses the downgrade from.
    expect(cluster).toMatchObject({ status: 'active', kubernetesVersion: '1.34' });
    if (!cluster) throw new Error('no cluster');
    const error = await before.cluster.update(cluster).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(HubfleetError);
    expect(error).toMatchObject({ kind: 'refused', subject: 'cluster.kubernetesVersion' });
    expect((error as HubfleetError).message).toMatch(
      /runs Kubernetes 1\.34 .* asks for 1\.33: kubeadm cannot downgrade/,
    );
    expect(changes(since)).toEqual([]);
  });
});
