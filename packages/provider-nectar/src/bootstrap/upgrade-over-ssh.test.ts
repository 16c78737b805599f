import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  assertHostUntouched,
  type HostSnapshot,
  type SimVmFleet,
  snapshotHost,
  startSimVmFleet,
} from '@hubfleet/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exampleConfig } from '../../test/example-config.js';
import { addressOf, kubernetesGet } from '../../test/sim-vm-access.js';
import { runBootstrap } from '../ssh/bootstrap-runner.js';
import { fetchKubeconfig } from '../ssh/kubeconfig-over-ssh.js';
import { connectToVm, type VmConnection } from '../ssh/vm-connection.js';
import { renderBootstrapScript } from './bootstrap-script.js';
import { controlPlaneScript, nodeGroupScript } from './bootstrap-scripts.js';
import { upgradeMinors, upgradeScripts } from './upgrade-scripts.js';

const older = exampleConfig((text) => text.replace('kubernetesVersion: "1.34"', 'kubernetesVersion: "1.33"'));
const newer = exampleConfig();
const upgrade = Object.fromEntries(
  upgradeScripts(newer).map((script) => [script.file, renderBootstrapScript(script)]),
);

interface NodeView {
  status: { nodeInfo: { kubeletVersion: string } };
  spec: { unschedulable?: boolean };
}

describe("Kubernetes 1.33 → 1.34 in kubeadm's order, over real SSH on simulated VMs", {
  timeout: 240_000,
}, () => {
  let directory: string;
  let fleet: SimVmFleet;
  let control: VmConnection;
  let worker: VmConnection;
  let kubeconfig: string;
  let host: HostSnapshot;

  async function connect(name: string): Promise<VmConnection> {
    const vm = fleet.vm(name);
    if (!vm) throw new Error(`no VM ${name}`);
    return connectToVm(await addressOf(fleet, vm));
  }

  async function node(name: string): Promise<NodeView> {
    return (await kubernetesGet(kubeconfig, `/api/v1/nodes/${name}`)).body as NodeView;
  }

  async function version(): Promise<string> {
    return ((await kubernetesGet(kubeconfig, '/version')).body as { gitVersion: string }).gitVersion;
  }

  beforeAll(async () => {
    host = await snapshotHost();
    directory = await mkdtemp(join(tmpdir(), 'hubfleet-nectar-upgrade-'));
    fleet = await startSimVmFleet(directory);
    const cp = await fleet.startVm({ name: 'up-cp' });
    await fleet.startVm({ name: 'up-compute-0' });
    control = await connect('up-cp');
    worker = await connect('up-compute-0');
    const address = { HUBFLEET_PUBLIC_ADDRESS: cp.address, HUBFLEET_PRIVATE_ADDRESS: cp.address };
    await runBootstrap(
      control,
      'control-plane.sh',
      renderBootstrapScript(controlPlaneScript(older)),
      address,
    );
    kubeconfig = await fetchKubeconfig(control, cp.address);
    const printed = await control.exec('sudo -n kubeadm token create --ttl 15m0s --print-join-command');
    const [, endpoint = '', token = '', hash = ''] =
      /kubeadm join (\S+) --token (\S+) --discovery-token-ca-cert-hash (\S+)/.exec(printed.stdout) ?? [];
    await runBootstrap(worker, 'node-compute.sh', renderBootstrapScript(nodeGroupScript(older, 'compute')), {
      HUBFLEET_API_ENDPOINT: endpoint,
      HUBFLEET_JOIN_TOKEN: token,
      HUBFLEET_CA_CERT_HASH: hash,
    });
  });

  afterAll(async () => {
    control?.close();
    worker?.close();
    await fleet?.close();
    await rm(directory, { recursive: true, force: true });
  });

  it('goes one minor at a time', () => {
    expect(upgradeMinors('1.32', '1.34')).toEqual(['1.33', '1.34']);
    expect(upgradeMinors('1.34', '1.34')).toEqual([]);
  });

  it('starts at 1.33 everywhere', async () => {
    expect(await version()).toBe('v1.33.2');
    expect((await node('up-cp')).status.nodeInfo.kubeletVersion).toBe('v1.33.2');
    expect((await node('up-compute-0')).status.nodeInfo.kubeletVersion).toBe('v1.33.2');
  });

  it('refuses a worker before the control plane: kubeadm upgrade node needs the control plane upgraded', async () => {
    await expect(
      runBootstrap(worker, 'upgrade-node-kubeadm.sh', upgrade['upgrade-node-kubeadm.sh'] ?? ''),
    ).rejects.toThrow(/at step kubeadm-upgrade-node .*upgrade the control plane first/);
    expect((await node('up-compute-0')).status.nodeInfo.kubeletVersion).toBe('v1.33.2');
  });

  it('upgrades the control plane: plan and apply, drain, kubelet and kubectl, restart, uncordon', async () => {
    const run = await runBootstrap(
      control,
      'upgrade-control-plane.sh',
      upgrade['upgrade-control-plane.sh'] ?? '',
    );
    // Every step but the path check changed something, in the script's (kubeadm's) order.
    const steps = upgradeScripts(newer)[0]?.steps.map((step) => step.name) ?? [];
    expect(run.changed).toEqual(steps.filter((name) => name !== 'upgrade-path'));
    expect(run.changed).toHaveLength(7);
    expect(await version()).toBe('v1.34.2');
    const cp = await node('up-cp');
    expect(cp.status.nodeInfo.kubeletVersion).toBe('v1.34.2');
    expect(cp.spec.unschedulable).toBeUndefined();
    expect((await node('up-compute-0')).status.nodeInfo.kubeletVersion).toBe('v1.33.2');
  });

  it('then the worker: kubeadm and upgrade node, drained from the control plane, kubelet, uncordoned', async () => {
    const inputs = { HUBFLEET_NODE_NAME: 'up-compute-0' };
    const kubeadm = await runBootstrap(
      worker,
      'upgrade-node-kubeadm.sh',
      upgrade['upgrade-node-kubeadm.sh'] ?? '',
    );
    // kubeadm was already installed by the refused run; only the node upgrade is left.
    expect(kubeadm.changed).toEqual(['kubeadm-upgrade-node']);
    expect(
      (await runBootstrap(control, 'upgrade-node-drain.sh', upgrade['upgrade-node-drain.sh'] ?? '', inputs))
        .changed,
    ).toEqual(['drain']);
    expect((await node('up-compute-0')).spec.unschedulable).toBe(true);
    const kubelet = await runBootstrap(
      worker,
      'upgrade-node-kubelet.sh',
      upgrade['upgrade-node-kubelet.sh'] ?? '',
    );
    expect(kubelet.changed).toEqual(['kubelet-kubectl-packages', 'kubelet-restart']);
    expect((await node('up-compute-0')).status.nodeInfo.kubeletVersion).toBe('v1.34.2');
    expect(
      (
        await runBootstrap(
          control,
          'upgrade-node-uncordon.sh',
          upgrade['upgrade-node-uncordon.sh'] ?? '',
          inputs,
        )
      ).changed,
    ).toEqual(['uncordon']);
    expect((await node('up-compute-0')).spec.unschedulable).toBeUndefined();
  });

  it('a second run of every script only checks, and the 1.34 bootstrap scripts find nothing to do', async () => {
    const inputs = { HUBFLEET_NODE_NAME: 'up-compute-0' };
    const cp = fleet.vm('up-cp');
    const runs = [
      await runBootstrap(control, 'upgrade-control-plane.sh', upgrade['upgrade-control-plane.sh'] ?? ''),
      await runBootstrap(worker, 'upgrade-node-kubeadm.sh', upgrade['upgrade-node-kubeadm.sh'] ?? ''),
      await runBootstrap(control, 'upgrade-node-drain.sh', upgrade['upgrade-node-drain.sh'] ?? '', inputs),
      await runBootstrap(worker, 'upgrade-node-kubelet.sh', upgrade['upgrade-node-kubelet.sh'] ?? ''),
      await runBootstrap(
        control,
        'upgrade-node-uncordon.sh',
        upgrade['upgrade-node-uncordon.sh'] ?? '',
        inputs,
      ),
      await runBootstrap(control, 'control-plane.sh', renderBootstrapScript(controlPlaneScript(newer)), {
        HUBFLEET_PUBLIC_ADDRESS: cp?.address ?? '',
        HUBFLEET_PRIVATE_ADDRESS: cp?.address ?? '',
      }),
    ];
    for (const run of runs) expect(run.changed).toEqual([]);
  });

  it('refuses to skip a minor: 1.34 → 1.36 stops at the upgrade path', async () => {
    const skipping = exampleConfig((text) =>
      text.replace('kubernetesVersion: "1.34"', 'kubernetesVersion: "1.36"'),
    );
    const [script] = upgradeScripts(skipping);
    if (!script) throw new Error('no control plane upgrade script');
    await expect(runBootstrap(control, script.file, renderBootstrapScript(script))).rejects.toThrow(
      /at step upgrade-path .*upgrade it to 1\.35 before 1\.36/,
    );
    expect(await version()).toBe('v1.34.2');
  });

  it('left the machine running the tests untouched', async () => {
    await assertHostUntouched(host);
  });
});
