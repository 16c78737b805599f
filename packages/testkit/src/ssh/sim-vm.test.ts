import { mkdtemp, readdir, readFile, readlink, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NodeSSH } from 'node-ssh';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertHostUntouched, snapshotHost } from './host-snapshot.js';
import type { SimVm } from './sim-vm.js';
import { type SimVmFleet, startSimVmFleet } from './sim-vm-fleet.js';
import { sshPinned, sshRun } from './test-ssh.js';

function connect(fleet: SimVmFleet, vm: SimVm, expectedHostKey = vm.hostPublicKey): Promise<NodeSSH> {
  return sshPinned({
    host: vm.address,
    port: vm.port,
    privateKey: fleet.keyPair.privateKey,
    hostPublicKey: expectedHostKey,
  });
}

/** Processes whose mount namespace is `namespace` (a VM's sshd and sessions). */
async function inNamespace(namespace: string): Promise<string[]> {
  const found: string[] = [];
  for (const pid of (await readdir('/proc')).filter((entry) => /^\d+$/.test(entry))) {
    if ((await readlink(`/proc/${pid}/ns/mnt`).catch(() => '')) === namespace) found.push(pid);
  }
  return found;
}

const sh = sshRun;

describe('simulated VMs: a real sshd in its own mount namespace', { timeout: 120_000 }, () => {
  let directory: string;
  let fleet: SimVmFleet;

  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'hubfleet-sim-vm-'));
    fleet = await startSimVmFleet(directory);
  });

  afterAll(async () => {
    await fleet?.close();
    await rm(directory, { recursive: true, force: true });
  });

  it('serves SSH with its own host key, hostname and login user, and refuses another key', async () => {
    const vm = await fleet.startVm({ name: 'vm-identity' });
    expect(vm.address).toMatch(/^127\.0\.0\.\d+$/);
    expect(vm.hostPublicKey).toMatch(/^ssh-ed25519 /);
    const ssh = await connect(fleet, vm);
    expect((await sh(ssh, 'hostname; echo "$USER"; id -u')).stdout.split('\n')).toEqual([
      'vm-identity',
      'ubuntu',
      '0',
    ]);
    ssh.dispose();

    const other = await fleet.startVm({ name: 'vm-other' });
    await expect(connect(fleet, vm, other.hostPublicKey)).rejects.toThrow();
    await fleet.destroyVm('vm-other');
  });

  it('keeps what a session changes inside the VM: swap, sysctls, /etc, mounts and the kernel of the host are untouched', async () => {
    const before = await snapshotHost();
    const vm = await fleet.startVm({ name: 'vm-isolated', ephemeralDisk: true });
    const ssh = await connect(fleet, vm);
    const script = [
      'set -e',
      'swapoff -a',
      'modprobe br_netfilter',
      'printf "net.ipv4.ip_forward = 1\\n" > /etc/sysctl.d/99-kubernetes.conf',
      'sysctl --system >/dev/null',
      'sysctl -w vm.swappiness=0 >/dev/null',
      'echo 1 > /proc/sys/net/ipv4/ip_forward 2>/dev/null && echo WROTE-PROC || echo proc-read-only',
      'sed -i "/swap/d" /etc/fstab',
      'echo changed > /etc/hostname',
      'mkdir -p /etc/kubernetes /srv/hubfleet /var/lib/kubelet && touch /usr/local/bin/x',
      'for dir in /root /home /tmp /run; do echo vm > "$dir/hubfleet-isolation-marker"; done',
      'apt-get install -y containerd >/dev/null && systemctl enable --now containerd',
      'mount -o remount,ro / 2>&1 || echo mount-refused',
      'echo on-ephemeral > /mnt/file',
    ].join('\n');
    const result = await sh(ssh, `sudo bash -c '${script.replace(/'/g, "'\\''")}'`);
    expect(result.stdout).toContain('proc-read-only');
    expect(result.stdout).toContain('mount-refused');
    expect(result.code).toBe(0);

    // The VM's state says what changed, inside the VM's directory.
    expect(await vm.state('swap')).toBe('off');
    expect(await vm.state('modules')).toBe('br_netfilter');
    expect(await vm.state('sysctl/net.ipv4.ip_forward')).toBe('1');
    expect(await vm.state('units/containerd.active')).toBe('');
    expect(await readFile(vm.changedFile('/etc/hostname'), 'utf8')).toBe('changed\n');
    expect((await sh(ssh, 'cat /mnt/file; swapon --show; sysctl -n net.ipv4.ip_forward')).stdout).toBe(
      'on-ephemeral\n1',
    );
    ssh.dispose();
    await fleet.destroyVm('vm-isolated');

    await assertHostUntouched(before);
  });

  it('stops sshd and every session by process id, leaving no process behind', async () => {
    const vm = await fleet.startVm({ name: 'vm-stopped' });
    const ssh = await connect(fleet, vm);
    // A session still running when the VM stops.
    void ssh.execCommand('sleep 600').catch(() => undefined);
    await expect
      .poll(async () => {
        const probe = await connect(fleet, vm);
        try {
          return (await sh(probe, 'pgrep -c sleep || true')).stdout;
        } finally {
          probe.dispose();
        }
      })
      .not.toBe('0');
    const namespace = await readlink(`/proc/${vm.pid}/ns/mnt`);
    expect(await inNamespace(namespace)).not.toEqual([]);
    await fleet.destroyVm('vm-stopped');
    ssh.dispose();
    await expect(readFile(`/proc/${vm.pid}/status`, 'utf8')).rejects.toThrow();
    expect(await inNamespace(namespace)).toEqual([]);
  });
});
