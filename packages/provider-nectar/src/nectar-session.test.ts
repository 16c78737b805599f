import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { HubfleetError, type ProviderResourceV1, type ProviderSessionV1 } from '@hubfleet/core';
import type { NectarVmSim } from '@hubfleet/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nectarSimSession, smallNectarConfig } from '../test/nectar-sim-session.js';
import { nodeNames } from '../test/sim-vm-access.js';
import { simulatedPrivateKey } from './cloud/nectar-sim-key.js';
import { sshFingerprint } from './ssh/host-key-pin.js';
import { connectToVm } from './ssh/vm-connection.js';

const config = smallNectarConfig('unimelb');
const [hub] = config.hubs;

describe('a NeCTAR session on the sim: VMs, kubeadm over SSH, the storage node', { timeout: 300_000 }, () => {
  let sim: NectarVmSim;
  let session: ProviderSessionV1;
  let directory: string;
  let storage: ProviderResourceV1;
  const context = {
    kubernetes: async () => undefined,
    facts: async () => ({}),
    signal: new AbortController().signal,
  };

  const serverId = (name: string) =>
    Object.values(sim.cloud.nova.state.servers).find((server) => server.name === name)?.id ?? '';
  const volumeDirectory = (id: string) => join(directory, 'vm-fleet', 'volumes', id);
  // Calls that change the cloud; reading the console (a POST action) and a token are not counted.
  const mutating = (since: number) =>
    sim.cloud
      .calls()
      .slice(since)
      .filter((call) => call.mutating && !['ServerAction', 'IssueToken'].includes(call.operation));

  beforeAll(async () => {
    ({ sim, session, directory } = await nectarSimSession(config));
    const resource = session.resources?.().find((candidate) => candidate.kind === 'storage-node');
    if (!resource) throw new Error('no storage-node resource');
    storage = resource;
  });

  afterAll(async () => {
    await session?.close();
    await sim?.close();
    if (directory) rmSync(directory, { recursive: true, force: true });
  });

  it('creates the control plane, both nodegroups, the hub volume and its NFS export; observing again only checks', async () => {
    await session.cluster.create();
    for (const group of config.cluster.nodeGroups) await session.nodeGroups.create(group);
    if (!hub) throw new Error('the example has a hub');
    const volume = await session.volumes.create(hub);
    await storage.apply('create', context);

    const before = sim.cloud.calls().length;
    expect(await session.cluster.observe()).toMatchObject({ status: 'active', name: 'unimelb-cp' });
    const groups = await session.nodeGroups.list();
    expect(groups.map((group) => [group.name, group.status, group.desired])).toEqual([
      ['core', 'active', 1],
      ['compute', 'active', 1],
    ]);
    const observed = await storage.observe(context);
    expect(storage.diff(observed)).toMatchObject({
      action: 'noop',
      reason: expect.stringContaining('/srv/hubfleet/comp20003'),
    });
    expect(mutating(before)).toEqual([]);

    const attachment = session.volumes.attachment(volume);
    expect(attachment.nfsExport?.path).toBe('/srv/hubfleet/comp20003');
    // The storage VM's own address: the hub's NFS server mounts the export from there.
    expect(attachment.nfsExport?.server).toBe(sim.vmOf(serverId('unimelb-storage'))?.address);
    const kubeconfig = await session.cluster.kubeconfig();
    expect(kubeconfig).toContain('client-certificate-data');
    expect(await nodeNames(kubeconfig)).toEqual(['unimelb-compute-0', 'unimelb-core-0', 'unimelb-cp']);
    // Every VM carries the deployment's ownership metadata.
    for (const server of Object.values(sim.cloud.nova.state.servers)) {
      expect(server.metadata['hubfleet.io/deployment']).toBe('unimelb');
    }
  });

  it('a VM lost out of band is created again and joins again', async () => {
    await sim.loseServer(serverId('unimelb-compute-0'));
    const compute = config.cluster.nodeGroups.find((group) => group.name === 'compute');
    if (!compute) throw new Error('the example has a compute nodegroup');
    const [observed] = (await session.nodeGroups.list()).filter((group) => group.name === 'compute');
    expect(observed?.desired ?? 0).toBe(0);
    await session.nodeGroups.update(compute, observed ?? (await session.nodeGroups.list())[0]!);
    expect(await nodeNames(await session.cluster.kubeconfig())).toContain('unimelb-compute-0');
  });

  it('a join that stopped half-way is reset and joined again by the next update', async () => {
    const vm = sim.vmOf(serverId('unimelb-compute-0'));
    if (!vm) throw new Error('no VM unimelb-compute-0');
    const blob = Buffer.from(vm.hostPublicKey.split(' ')[1] ?? '', 'base64');
    const ssh = await connectToVm({
      vm: vm.name,
      host: vm.address,
      username: 'ubuntu',
      privateKey: simulatedPrivateKey(),
      fingerprints: [sshFingerprint(blob)],
    });
    // kubeadm's half-way state: discovery wrote the CA, the TLS bootstrap never wrote kubelet.conf.
    const broken = await ssh.exec('sudo -n mv /etc/kubernetes/kubelet.conf /root/kubelet.conf.lost');
    ssh.close();
    expect(broken.code).toBe(0);
    const compute = config.cluster.nodeGroups.find((group) => group.name === 'compute');
    const observed = (await session.nodeGroups.list()).find((group) => group.name === 'compute');
    if (!compute || !observed) throw new Error('no compute nodegroup');
    // Nothing joins it between runs: the pool is not busy, it is one node short, so the next up updates it.
    expect(observed).toMatchObject({ status: 'active', min: 0, max: 1, desired: 1 });
    // kubeadm's preflight refuses a join over the leftover ca.crt: only the script's reset lets it through.
    await session.nodeGroups.update(compute, observed);
    const again = (await session.nodeGroups.list()).find((group) => group.name === 'compute');
    expect(again).toMatchObject({ status: 'active', min: 1, max: 1, desired: 1 });
    expect(await nodeNames(await session.cluster.kubeconfig())).toContain('unimelb-compute-0');
  });

  it('a replaced storage VM gets the same volume re-attached, never re-formatted, its data kept', async () => {
    const [volume] = await session.volumes.list();
    if (!volume) throw new Error('no hub volume');
    const data = join(volumeDirectory(volume.id), 'data', 'student.txt');
    expect(existsSync(join(volumeDirectory(volume.id), 'data'))).toBe(true);
    writeFileSync(data, 'homework\n');
    await sim.loseServer(serverId('unimelb-storage'));
    expect(await storage.observe(context)).toBeUndefined();
    // The volume is still listed: its metadata says whose it is.
    expect((await session.volumes.list()).map((listed) => [listed.id, listed.hub])).toEqual([
      [volume.id, 'comp20003'],
    ]);
    await storage.apply('create', context);
    expect(storage.diff(await storage.observe(context)).action).toBe('noop');
    const formats = readFileSync(join(volumeDirectory(volume.id), 'formats'), 'utf8')
      .trim()
      .split('\n');
    expect(formats).toHaveLength(1);
    expect(readFileSync(data, 'utf8')).toBe('homework\n');
  });

  it('refuses a VM whose host key is not the one its console printed, naming the VM and both fingerprints', async () => {
    const control = sim.cloud.nova.state.servers[serverId('unimelb-cp')];
    const other = sim.cloud.nova.state.servers[serverId('unimelb-core-0')];
    if (!control || !other) throw new Error('VMs missing');
    const genuine = control.hostKeys;
    control.hostKeys = other.hostKeys;
    try {
      const error = await session.cluster.observe().catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(HubfleetError);
      expect((error as HubfleetError).kind).toBe('refused');
      expect((error as HubfleetError).message).toMatch(
        /VM unimelb-cp presented SSH host key SHA256:\S+, but its console output printed SHA256:/,
      );
    } finally {
      control.hostKeys = genuine;
    }
  });
});
