import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdir, readdir, readFile, readlink, rm, symlink, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { promisify } from 'node:util';
import {
  OVERLAID_DIRECTORIES,
  PRIVATE_DIRECTORIES,
  simVmBootScript,
  simVmSshdConfig,
} from './sim-vm-boot.js';
import { SIM_ETC, SIM_STATE_DIRECTORY, SIM_VOLUMES_DIRECTORY, simVmStubs } from './stubs/index.js';

/** Rounds of killing what is left in a stopped VM's namespace (each re-reads /proc). */
const STOP_ROUNDS = 500;

const run = promisify(execFile);

/** How one simulated VM starts. */
export interface SimVmOptions {
  /** The VM's own directory: its filesystem changes, state, sshd files. Kept across restarts. */
  directory: string;
  /** Its hostname (kubeadm registers the Node under it). */
  name: string;
  /** Its loopback address, e.g. 127.0.0.7; sshd listens there on `port`. */
  address: string;
  /** @default 22 */
  port?: number;
  /** OpenSSH public key lines allowed to log in (the key pair's). */
  authorizedKeys: readonly string[];
  /** The kubeadm control service the kubeadm stub calls. */
  controlUrl: string;
  /** Where the fleet's volumes live (`<id>/device`, `filesystem`, `data/`), shared by every VM. */
  volumesDirectory: string;
  /** The flavor has an ephemeral disk: cloud-init's /etc/fstab line mounts it at /mnt. */
  ephemeralDisk?: boolean;
  /** The image's login user, with root through sudo (NeCTAR Ubuntu: `ubuntu`). @default 'ubuntu' */
  loginUser?: string;
}

/** A running simulated VM: a real sshd in its own mount and UTS namespace. */
export interface SimVm {
  readonly name: string;
  readonly address: string;
  readonly port: number;
  readonly directory: string;
  /** Its ed25519 host key, an OpenSSH public key line (what cloud-init prints on the console). */
  readonly hostPublicKey: string;
  /** The sshd process id. */
  readonly pid: number;
  /** Where a file the VM sees at `path` is on the machine, once the VM changed or created it. */
  changedFile(path: string): string;
  /** A simulated state value (`swap`, `ntp`, `sysctl/net.ipv4.ip_forward`), or undefined. */
  state(name: string): Promise<string | undefined>;
  /** Attach a volume: `/dev/disk/by-id/virtio-<first 20 characters of id>` appears. Returns that path. */
  attachVolume(volumeId: string): Promise<string>;
  detachVolume(volumeId: string): Promise<void>;
  /** Stop sshd and every process of the VM; the directory stays. */
  stop(): Promise<void>;
}

/** Nova's virtio serial is the volume id cut to 20 characters; udev names the link after it. */
export function virtioDiskId(volumeId: string): string {
  return `virtio-${volumeId.slice(0, 20)}`;
}

async function ensureHostKey(sshdDirectory: string, name: string): Promise<string> {
  const keyFile = join(sshdDirectory, 'ssh_host_ed25519_key');
  if (!existsSync(keyFile)) {
    await run('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', `root@${name}`, '-f', keyFile]);
  }
  return (await readFile(`${keyFile}.pub`, 'utf8')).trim();
}

/** The image as first booted: swap on, clock sync off, no modules, an ssh and a journald unit. */
async function writeFirstBoot(options: SimVmOptions, upper: string): Promise<void> {
  const state = join(upper, SIM_STATE_DIRECTORY);
  if (existsSync(state)) return;
  await mkdir(join(state, 'units'), { recursive: true });
  await writeFile(join(state, 'swap'), 'on\n');
  await writeFile(join(state, 'ntp'), 'no\n');
  await writeFile(join(state, 'modules'), '');
  for (const unit of ['ssh', 'systemd-journald', 'systemd-timesyncd']) {
    await writeFile(join(state, 'units', `${unit}.known`), '');
  }
  for (const unit of ['ssh', 'systemd-journald']) {
    await writeFile(join(state, 'units', `${unit}.enabled`), '');
    await writeFile(join(state, 'units', `${unit}.active`), '');
  }
  const etc = join(upper, 'etc');
  const fstab = ['LABEL=cloudimg-rootfs / ext4 discard,errors=remount-ro 0 1', '/swapfile none swap sw 0 0'];
  if (options.ephemeralDisk) fstab.push('/dev/vdb /mnt auto defaults,nofail,comment=cloudconfig 0 2');
  await writeFile(join(etc, 'fstab'), `${fstab.join('\n')}\n`);
  await writeFile(join(etc, 'hostname'), `${options.name}\n`);
  // The login user is root in the VM's own /etc/passwd (uid 0), as `ubuntu` with sudo would be.
  const user = options.loginUser ?? 'ubuntu';
  const passwd = await readFile('/etc/passwd', 'utf8');
  await writeFile(join(etc, 'passwd'), `${passwd.trimEnd()}\n${user}:x:0:0:${user}:/root:/bin/bash\n`);
}

async function writeStubs(upper: string): Promise<void> {
  const bin = join(upper, 'usr/local/sbin');
  await mkdir(bin, { recursive: true });
  for (const [name, script] of Object.entries(simVmStubs())) {
    await writeFile(join(bin, name), script);
    await chmod(join(bin, name), 0o755);
  }
}

async function prepareDirectories(options: SimVmOptions): Promise<void> {
  const { directory } = options;
  for (const dir of OVERLAID_DIRECTORIES) {
    await mkdir(join(directory, 'upper', dir), { recursive: true });
    // overlayfs needs an empty work directory on every mount.
    await rm(join(directory, 'work', dir), { recursive: true, force: true });
    await mkdir(join(directory, 'work', dir), { recursive: true });
  }
  for (const dir of PRIVATE_DIRECTORIES) await mkdir(join(directory, 'private', dir), { recursive: true });
  await rm(join(directory, 'private', 'run'), { recursive: true, force: true });
  await mkdir(join(directory, 'private', 'run'), { recursive: true });
  for (const dir of ['sshd', 'dev-root', 'disk/by-id']) {
    await mkdir(join(directory, dir), { recursive: true });
  }
  await mkdir(options.volumesDirectory, { recursive: true });
}

/** Wait until sshd says it listens, or fail with what it printed when it exits first. */
function listening(child: ChildProcess): Promise<void> {
  return new Promise((resolve, reject) => {
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (/Server listening on/.test(output)) {
        child.stderr?.off('data', onData);
        child.off('exit', onExit);
        resolve();
      }
    };
    const onExit = (code: number | null) =>
      reject(new Error(`sshd of the simulated VM exited (${code}) before listening: ${output.trim()}`));
    child.stderr?.on('data', onData);
    child.once('exit', onExit);
  });
}

/** Process ids sharing a mount namespace (the VM's sessions), read from /proc. */
async function processesInNamespace(namespace: string): Promise<number[]> {
  const pids: number[] = [];
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if ((await readlink(`/proc/${entry}/ns/mnt`)) === namespace) pids.push(Number(entry));
    } catch {
      // The process ended while we looked.
    }
  }
  return pids;
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

/**
 * Boot a simulated VM: its directories, stubs and first-boot state, a host key (kept across
 * restarts), then `unshare --mount --uts` running the boot script that execs sshd. Resolves once
 * sshd listens. Needs root, overlayfs and openssh-server.
 */
export async function startSimVm(options: SimVmOptions): Promise<SimVm> {
  const { directory, name, address } = options;
  const port = options.port ?? 22;
  await prepareDirectories(options);
  const upper = join(directory, 'upper');
  const hostPublicKey = await ensureHostKey(join(directory, 'sshd'), name);
  await writeFirstBoot(options, upper);
  await writeStubs(upper);
  await mkdir(join(upper, SIM_ETC), { recursive: true });
  await writeFile(join(upper, SIM_ETC, 'control-url'), `${options.controlUrl}\n`);
  // The kubeadm control service knows the VM by its fleet key (its directory: a Nova server id), not its hostname.
  await writeFile(join(upper, SIM_ETC, 'vm-name'), `${basename(directory)}\n`);
  await writeFile(join(directory, 'sshd', 'sshd_config'), simVmSshdConfig(address, port));
  await writeFile(join(directory, 'sshd', 'authorized_keys'), `${options.authorizedKeys.join('\n')}\n`);
  await writeFile(join(directory, 'boot.sh'), simVmBootScript());
  // setpriv: unshare gets SIGKILL when this process dies (even by SIGKILL); unshare --kill-child
  // then kills the VM's init (sshd), and with it every process of its PID namespace: no orphan sshd.
  const child = spawn(
    'setpriv',
    [
      '--pdeathsig',
      'KILL',
      '--',
      'unshare',
      '--mount',
      '--uts',
      '--pid',
      '--fork',
      '--kill-child=SIGKILL',
      '--mount-proc',
      '--propagation',
      'private',
      '--',
      '/bin/bash',
      join(directory, 'boot.sh'),
      directory,
      name,
      options.volumesDirectory,
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  child.stderr?.resume();
  await listening(child);
  const pid = child.pid as number;
  const namespace = await readlink(`/proc/${pid}/ns/mnt`);
  const byId = join(directory, 'disk', 'by-id');
  return {
    name,
    address,
    port,
    directory,
    hostPublicKey,
    pid,
    changedFile: (path) => join(upper, path),
    async state(key) {
      try {
        return (await readFile(join(upper, SIM_STATE_DIRECTORY, key), 'utf8')).trim();
      } catch {
        return undefined;
      }
    },
    async attachVolume(volumeId) {
      const volume = join(options.volumesDirectory, volumeId);
      await mkdir(volume, { recursive: true });
      if (!existsSync(join(volume, 'device'))) await writeFile(join(volume, 'device'), '');
      const link = join(byId, virtioDiskId(volumeId));
      await rm(link, { force: true });
      await symlink(join(SIM_VOLUMES_DIRECTORY, volumeId, 'device'), link);
      return `/dev/disk/by-id/${virtioDiskId(volumeId)}`;
    },
    async detachVolume(volumeId) {
      await rm(join(byId, virtioDiskId(volumeId)), { force: true });
    },
    async stop() {
      // unshare blocks SIGTERM while it waits for the VM; SIGKILL ends it, --kill-child the VM.
      child.kill('SIGKILL');
      await exited(child);
      // A session may fork (or a connection's child start) while sshd stops: kill what is in the
      // namespace until nothing is, re-reading it each round.
      for (let round = 0; round < STOP_ROUNDS; round++) {
        const left = (await processesInNamespace(namespace)).filter((other) => other !== pid);
        if (left.length === 0) return;
        for (const session of left) {
          try {
            process.kill(session, 'SIGKILL');
          } catch {
            // Already gone.
          }
        }
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
  };
}
