import { execFile, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { mkdir, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { type KubeadmControl, startKubeadmControl } from './kubeadm-control.js';
import { type SimVm, startSimVm } from './sim-vm.js';

const run = promisify(execFile);

/** The key pair the fleet's VMs accept (the NeCTAR key pair's stand-in), OpenSSH format. */
export interface SimKeyPair {
  privateKeyFile: string;
  privateKey: string;
  publicKey: string;
}

export interface SimVmSpec {
  /** The VM's key in the fleet (its directory name), e.g. a Nova server id. */
  name: string;
  /** Its hostname, when it differs from `name` (a Nova server's name). */
  hostname?: string;
  /** The flavor's name, the Node's instance type. */
  flavor?: string;
  capacity?: { cpu: string; memory: string };
  ephemeralDisk?: boolean;
  /** Accept this key instead of the fleet's (a VM booted with another key pair). */
  authorizedKeys?: readonly string[];
  /** Listen on exactly this loopback address (a Nova server's); default: a free 127.0.0.N. */
  address?: string;
}

/** Simulated VMs sharing one kubeadm control service, one key pair and one set of volumes. */
export interface SimVmFleet {
  readonly directory: string;
  readonly keyPair: SimKeyPair;
  readonly control: KubeadmControl;
  /** Boot a VM (again, on its directory, when it existed before) on a free 127.0.0.N. */
  startVm(spec: SimVmSpec): Promise<SimVm>;
  vm(name: string): SimVm | undefined;
  vms(): SimVm[];
  /** Stop a VM and delete its disk, as a deleted server: its volumes stay. */
  destroyVm(name: string): Promise<void>;
  /** Stop every VM and the control service; their directories stay. */
  close(): Promise<void>;
}

function portIsFree(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, host, () => probe.close(() => resolve(true)));
  });
}

/**
 * Candidate loopback addresses: 127.0.0.2–254, starting at a place that differs per process so
 * test files running side by side rarely try the same one (sshd failing to bind moves on anyway).
 */
function* candidates(): Generator<string> {
  const start = (process.pid * 7) % 253;
  for (let index = 0; index < 253; index++) yield `127.0.0.${2 + ((start + index) % 253)}`;
}

async function ensureKeyPair(directory: string): Promise<SimKeyPair> {
  const privateKeyFile = join(directory, 'id_ed25519');
  if (!existsSync(privateKeyFile)) {
    await mkdir(directory, { recursive: true });
    await run('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', 'hubfleet-sim', '-f', privateKeyFile]);
  }
  return {
    privateKeyFile,
    privateKey: await readFile(privateKeyFile, 'utf8'),
    publicKey: (await readFile(`${privateKeyFile}.pub`, 'utf8')).trim(),
  };
}

/** Where a fleet keeps a VM's disk, host key and sshd files. */
export function vmDirectory(fleetDirectory: string, name: string): string {
  return join(fleetDirectory, 'vms', name);
}

/**
 * A VM's ed25519 host key, made now if it has none yet (synchronously: Nova asks for a server's
 * host keys while it answers the create), as the OpenSSH public key line its sshd will present.
 */
export function ensureVmHostKey(fleetDirectory: string, name: string, hostname = name): string {
  const sshd = join(vmDirectory(fleetDirectory, name), 'sshd');
  const keyFile = join(sshd, 'ssh_host_ed25519_key');
  if (!existsSync(keyFile)) {
    mkdirSync(sshd, { recursive: true });
    execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', `root@${hostname}`, '-f', keyFile]);
  }
  return readFileSync(`${keyFile}.pub`, 'utf8').trim();
}

/** Start a fleet in `directory` (created when missing; VMs started later reuse their directories). */
export async function startSimVmFleet(directory: string): Promise<SimVmFleet> {
  await mkdir(directory, { recursive: true });
  const keyPair = await ensureKeyPair(join(directory, 'keypair'));
  const control = await startKubeadmControl(directory);
  const running = new Map<string, SimVm>();
  const volumesDirectory = join(directory, 'volumes');

  async function boot(spec: SimVmSpec): Promise<SimVm> {
    const used = new Set([...running.values()].map((vm) => vm.address));
    let lastProblem: unknown;
    const addresses = spec.address === undefined ? candidates() : [spec.address];
    for (const address of addresses) {
      if (used.has(address) || (spec.address === undefined && !(await portIsFree(address, 22)))) continue;
      try {
        return await startSimVm({
          directory: vmDirectory(directory, spec.name),
          name: spec.hostname ?? spec.name,
          address,
          authorizedKeys: spec.authorizedKeys ?? [keyPair.publicKey],
          controlUrl: control.url,
          volumesDirectory,
          ...(spec.ephemeralDisk ? { ephemeralDisk: true } : {}),
        });
      } catch (problem) {
        // Another process took the address between the probe and sshd's bind: try the next one.
        if (!/Address already in use|Cannot bind/.test(String(problem))) throw problem;
        lastProblem = problem;
      }
    }
    throw new Error(`no free loopback address for simulated VM ${spec.name}: ${String(lastProblem)}`);
  }

  return {
    directory,
    keyPair,
    control,
    async startVm(spec) {
      if (running.has(spec.name)) throw new Error(`simulated VM ${spec.name} is already running`);
      const vm = await boot(spec);
      running.set(spec.name, vm);
      await control.registerVm(spec.name, {
        address: vm.address,
        flavor: spec.flavor ?? 'm3.medium',
        capacity: spec.capacity ?? { cpu: '4', memory: '8Gi' },
      });
      return vm;
    },
    vm: (name) => running.get(name),
    vms: () => [...running.values()],
    async destroyVm(name) {
      await running.get(name)?.stop();
      running.delete(name);
      await control.forgetVm(name);
      await rm(vmDirectory(directory, name), { recursive: true, force: true });
    },
    async close() {
      for (const vm of running.values()) await vm.stop();
      running.clear();
      await control.close();
    },
  };
}
