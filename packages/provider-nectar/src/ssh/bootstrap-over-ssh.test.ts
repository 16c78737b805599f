import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HubfleetError } from '@hubfleet/core';
import { type SimVmFleet, startSimVmFleet } from '@hubfleet/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTROL_PLANE_STEPS, exampleConfig } from '../../test/example-config.js';
import { addressOf, consoleFingerprintLines, kubernetesGet, nodeNames } from '../../test/sim-vm-access.js';
import {
  controlPlaneScript,
  nodeGroupScript,
  renderBootstrapScript,
  storageScript,
} from '../bootstrap/index.js';
import { runBootstrap } from './bootstrap-runner.js';
import { hubUsageBytes } from './hub-usage.js';
import { fetchKubeconfig } from './kubeconfig-over-ssh.js';
import { connectToVm, type VmConnection } from './vm-connection.js';

const config = exampleConfig();
const controlPlane = renderBootstrapScript(controlPlaneScript(config));
const computeNode = renderBootstrapScript(nodeGroupScript(config, 'compute'));
const storage = renderBootstrapScript(storageScript(config));

function joinInputs(printed: string): Record<string, string> {
  const match = /kubeadm join (\S+) --token (\S+) --discovery-token-ca-cert-hash (\S+)/.exec(printed);
  if (!match) throw new Error(`not a join command: ${printed}`);
  return {
    HUBFLEET_API_ENDPOINT: match[1] ?? '',
    HUBFLEET_JOIN_TOKEN: match[2] ?? '',
    HUBFLEET_CA_CERT_HASH: match[3] ?? '',
  };
}

describe('bootstrap over real SSH on simulated VMs', { timeout: 180_000 }, () => {
  let directory: string;
  let fleet: SimVmFleet;
  let control: VmConnection;
  let kubeconfig: string;

  async function connect(name: string): Promise<VmConnection> {
    const vm = fleet.vm(name);
    if (!vm) throw new Error(`no VM ${name}`);
    return connectToVm(await addressOf(fleet, vm));
  }

  async function joinCommand(): Promise<Record<string, string>> {
    const printed = await control.exec('sudo -n kubeadm token create --ttl 15m0s --print-join-command');
    expect(printed.code).toBe(0);
    return joinInputs(printed.stdout);
  }

  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'hubfleet-nectar-bootstrap-'));
    fleet = await startSimVmFleet(directory);
  });

  afterAll(async () => {
    control?.close();
    await fleet?.close();
    await rm(directory, { recursive: true, force: true });
  });

  it('initialises the control plane step by step, and a second run only checks', async () => {
    const vm = await fleet.startVm({ name: 'comp-cp', ephemeralDisk: true });
    control = await connect('comp-cp');
    const inputs = { HUBFLEET_PUBLIC_ADDRESS: vm.address, HUBFLEET_PRIVATE_ADDRESS: vm.address };
    const first = await runBootstrap(control, 'control-plane.sh', controlPlane, inputs);
    expect(first.changed).toEqual(CONTROL_PLANE_STEPS);
    const second = await runBootstrap(control, 'control-plane.sh', controlPlane, inputs);
    expect(second.steps.map((step) => step.name)).toEqual(CONTROL_PLANE_STEPS);
    expect(second.changed).toEqual([]);

    expect(await vm.state('swap')).toBe('off');
    expect(await readFile(vm.changedFile('/etc/fstab'), 'utf8')).toMatch(
      /^# hubfleet: swap stays off.*\/swapfile/m,
    );
    expect(await vm.state('packages/kubeadm')).toBe('1.34.2-1.1');
    for (const held of ['kubelet', 'kubeadm', 'kubectl']) expect(await vm.state(`held/${held}`)).toBe('');
    const containerdConfig = await readFile(vm.changedFile('/etc/containerd/config.toml'), 'utf8');
    expect(containerdConfig).toContain('SystemdCgroup = true');
    expect(containerdConfig).toContain('root = "/mnt/containerd"');
    const calico = await readFile(vm.changedFile('/etc/kubernetes/hubfleet-calico.yaml'), 'utf8');
    expect(calico).toMatch(/veth_mtu: "(\d+)"/);
    expect(calico).not.toContain('veth_mtu: "0"');

    kubeconfig = await fetchKubeconfig(control, vm.address);
    expect(kubeconfig).toContain(`server: https://${vm.address}:6443`);
    expect(await nodeNames(kubeconfig)).toEqual(['comp-cp']);
  });

  it('stops at the packages step when the config asks for another minor: upgrades follow kubeadm, not apt', async () => {
    const newer = exampleConfig((text) =>
      text.replace('kubernetesVersion: "1.34"', 'kubernetesVersion: "1.35"'),
    );
    const vm = fleet.vm('comp-cp');
    const inputs = {
      HUBFLEET_PUBLIC_ADDRESS: vm?.address ?? '',
      HUBFLEET_PRIVATE_ADDRESS: vm?.address ?? '',
    };
    await expect(
      runBootstrap(control, 'control-plane.sh', renderBootstrapScript(controlPlaneScript(newer)), inputs),
    ).rejects.toThrow(
      /at step kubernetes-packages .*kubeadm 1\.34\.2-1\.1 is installed but hubfleet\.yaml asks for 1\.35/,
    );
    expect(await vm?.state('packages/kubeadm')).toBe('1.34.2-1.1');
  });

  it('joins a nodegroup VM with its labels, and a second run only checks', async () => {
    await fleet.startVm({ name: 'comp-compute-0' });
    const node = await connect('comp-compute-0');
    const inputs = await joinCommand();
    const first = await runBootstrap(node, 'node-compute.sh', computeNode, inputs);
    expect(first.changed).toContain('kubeadm-join');
    expect((await runBootstrap(node, 'node-compute.sh', computeNode, inputs)).changed).toEqual([]);
    node.close();
    expect(await nodeNames(kubeconfig)).toEqual(['comp-compute-0', 'comp-cp']);
    const { body } = await kubernetesGet(kubeconfig, '/api/v1/nodes/comp-compute-0');
    expect((body as { metadata: { labels: Record<string, string> } }).metadata.labels).toMatchObject({
      'hub.jupyter.org/node-purpose': 'user',
      'hubfleet.io/nodegroup': 'compute',
    });
  });

  it('refuses a VM whose host key is not the one its console printed, before any command runs', async () => {
    const target = await fleet.startVm({ name: 'comp-spoofed' });
    const other = await fleet.startVm({ name: 'comp-genuine' });
    const attempt = connectToVm(await addressOf(fleet, target, other));
    await expect(attempt).rejects.toBeInstanceOf(HubfleetError);
    const error = (await attempt.catch((caught: unknown) => caught)) as HubfleetError;
    expect(error.kind).toBe('refused');
    const [presented] = await consoleFingerprintLines(target);
    const [expected] = await consoleFingerprintLines(other);
    expect(error.message).toContain('comp-spoofed');
    expect(error.message).toContain(presented?.split(' ')[1]);
    expect(error.message).toContain(expected?.split(' ')[1]);
    // Nothing ran: the VM is as first booted.
    expect(await target.state('swap')).toBe('on');
    expect(await target.state('apt-updates')).toBeUndefined();
    await fleet.destroyVm('comp-spoofed');
    await fleet.destroyVm('comp-genuine');
  });

  it('resets a join that failed half-way and joins on the re-run', async () => {
    const vm = await fleet.startVm({ name: 'comp-compute-1' });
    const node = await connect('comp-compute-1');
    const good = await joinCommand();
    const expired = { ...good, HUBFLEET_JOIN_TOKEN: 'abcdef.0123456789abcdef' };
    await expect(runBootstrap(node, 'node-compute.sh', computeNode, expired)).rejects.toThrow(
      /node-compute\.sh failed on VM comp-compute-1 at step kubeadm-join/,
    );
    // Discovery wrote the CA, the TLS bootstrap never finished: kubeadm's half-way state.
    expect(await readFile(vm.changedFile('/etc/kubernetes/pki/ca.crt'), 'utf8')).toContain(
      'BEGIN CERTIFICATE',
    );
    await expect(readFile(vm.changedFile('/etc/kubernetes/kubelet.conf'))).rejects.toThrow();

    // kubeadm's preflight refuses a join over a leftover ca.crt: only the script's reset lets it through.
    const again = await runBootstrap(node, 'node-compute.sh', computeNode, good);
    expect(again.changed).toEqual(['kubeadm-join']);
    node.close();
    expect(await nodeNames(kubeconfig)).toContain('comp-compute-1');
  });

  it('joins a VM lost and re-created under the same name again', async () => {
    await fleet.destroyVm('comp-compute-0');
    expect(await nodeNames(kubeconfig)).not.toContain('comp-compute-0');
    await fleet.startVm({ name: 'comp-compute-0' });
    const node = await connect('comp-compute-0');
    const run = await runBootstrap(node, 'node-compute.sh', computeNode, await joinCommand());
    expect(run.changed).toContain('kubeadm-join');
    node.close();
    expect(await nodeNames(kubeconfig)).toContain('comp-compute-0');
  });

  it('formats a hub volume once, exports it to the cluster, and a replaced storage VM keeps its data', async () => {
    const volumeId = '5f1b6a3e-6a55-4a7e-9bd0-2f0c3d1e9a11';
    const inputs = { HUBFLEET_CLUSTER_ADDRESSES: '10.0.0.5 10.0.0.6', HUBFLEET_VOLUME_COMP20003: volumeId };
    const formats = async () =>
      (await readFile(join(directory, 'volumes', volumeId, 'formats'), 'utf8')).trim().split('\n').length;

    const first = await fleet.startVm({ name: 'comp-storage' });
    await first.attachVolume(volumeId);
    let ssh = await connect('comp-storage');
    const created = await runBootstrap(ssh, 'storage.sh', storage, inputs);
    expect(created.changed).toEqual([
      'time-sync',
      'log-caps',
      'nfs-server',
      'volume-comp20003',
      'export-comp20003',
    ]);
    expect((await runBootstrap(ssh, 'storage.sh', storage, inputs)).changed).toEqual([]);
    expect(await first.state('exports')).toBe(
      '/srv/hubfleet/comp20003 10.0.0.5(rw,sync,no_subtree_check,no_root_squash) 10.0.0.6(rw,sync,no_subtree_check,no_root_squash)',
    );
    const empty = await hubUsageBytes(ssh, 'comp20003');
    const write =
      "sudo -n sh -c 'echo homework > /srv/hubfleet/comp20003/student.txt; head -c 100000 /dev/zero > /srv/hubfleet/comp20003/big.bin'";
    expect((await ssh.exec(write)).code).toBe(0);
    // du -sb counts apparent sizes: the two files' bytes exactly ("homework\n" is 9).
    expect((await hubUsageBytes(ssh, 'comp20003')) - empty).toBe(100_009);
    await expect(hubUsageBytes(ssh, 'no-such-hub')).rejects.toThrow(
      /cannot read the usage of hub no-such-hub on VM comp-storage/,
    );
    ssh.close();
    expect(await formats()).toBe(1);

    await fleet.destroyVm('comp-storage');
    const replacement = await fleet.startVm({ name: 'comp-storage' });
    await replacement.attachVolume(volumeId);
    ssh = await connect('comp-storage');
    const rebuilt = await runBootstrap(ssh, 'storage.sh', storage, inputs);
    expect(rebuilt.changed).toContain('volume-comp20003');
    expect(await formats()).toBe(1);
    expect((await ssh.exec('cat /srv/hubfleet/comp20003/student.txt')).stdout).toBe('homework');
    ssh.close();
  });
});
