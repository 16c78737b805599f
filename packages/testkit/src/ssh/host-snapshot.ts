import { createHash } from 'node:crypto';
import { lstat, readdir, readFile, readlink } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * What a test run must not change on the machine running it: swap, the kernel settings a bootstrap
 * touches, loaded modules, the mount table, the hostname, and every file's name, mode, size and
 * mtime under the paths a VM's scripts and stubs write to (taken outside any VM, from the test
 * process). Only those paths: other processes on a shared machine may change the rest of /etc.
 */
export interface HostSnapshot {
  /** /proc/swaps. */
  swaps: string;
  /** The kernel settings the bootstrap sets (and a few a stub could touch), by /proc/sys path. */
  sysctls: Record<string, string>;
  /** Loaded modules' names, sorted (/proc/modules). */
  modules: string;
  /** The test process's mount table (/proc/self/mounts). */
  mounts: string;
  hostname: string;
  /** Watched path → one line per file under it: path, mode, size, mtime (and a link's target). */
  trees: Record<string, string[]>;
  /** sha256 of the listings above: equal digests, untouched paths. */
  digest: string;
}

const SYSCTLS = [
  'net/ipv4/ip_forward',
  'net/bridge/bridge-nf-call-iptables',
  'net/bridge/bridge-nf-call-ip6tables',
  'vm/swappiness',
  'fs/inotify/max_user_instances',
];

/** Paths a bootstrap or a stub writes inside a VM, each compared with what lies under it. */
export const WATCHED_PATHS = [
  '/etc/fstab',
  '/etc/hostname',
  '/etc/passwd',
  '/etc/sysctl.d',
  '/etc/modules-load.d',
  '/etc/containerd',
  '/etc/kubernetes',
  '/etc/apt',
  '/etc/exports',
  '/etc/exports.d',
  '/etc/default',
  '/etc/systemd/journald.conf.d',
  '/etc/systemd/system',
  '/etc/hosts',
  '/etc/hubfleet-sim',
  '/etc/ssh',
  '/usr/local/sbin',
  '/usr/local/bin',
  '/var/lib/hubfleet-sim',
  '/var/lib/hubfleet-sim-volumes',
  '/var/lib/kubelet',
  '/var/lib/containerd',
  '/srv',
  '/mnt',
  // The machine's own home directories change under other processes (npm logs): only the names a
  // VM session writes there are watched.
  '/root/hubfleet-isolation-marker',
  '/home/hubfleet-isolation-marker',
  '/tmp/hubfleet-isolation-marker',
  '/run/hubfleet-isolation-marker',
  '/opt',
  '/run/sshd',
  '/dev/disk',
];

async function readOr(path: string, fallback: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch {
    return fallback;
  }
}

async function tree(root: string, depth: number, out: string[]): Promise<void> {
  let entries: string[];
  try {
    entries = await readdir(root);
  } catch {
    const stat = await lstat(root).catch(() => undefined);
    out.push(stat ? `${root} ${stat.mode} ${stat.size} ${stat.mtimeMs}` : `${root} absent`);
    return;
  }
  for (const entry of entries.sort()) {
    const path = join(root, entry);
    try {
      const stat = await lstat(path);
      const target = stat.isSymbolicLink() ? ` -> ${await readlink(path)}` : '';
      out.push(
        `${path} ${stat.mode} ${stat.isDirectory() ? '-' : stat.size} ${stat.isFile() ? stat.mtimeMs : ''}${target}`,
      );
      if (stat.isDirectory() && depth > 0) await tree(path, depth - 1, out);
    } catch {
      // Vanished while listed (another process's temporary file).
    }
  }
}

/**
 * What the machine running the tests looks like now, where a simulated VM's bootstrap could have
 * left a trace if its isolation failed. Take one before a run and pass it to `assertHostUntouched`
 * after it.
 */
export async function snapshotHost(): Promise<HostSnapshot> {
  const sysctls: Record<string, string> = {};
  for (const key of SYSCTLS) sysctls[key] = (await readOr(`/proc/sys/${key}`, 'absent')).trim();
  const trees: Record<string, string[]> = {};
  for (const root of WATCHED_PATHS) {
    const out: string[] = [];
    await tree(root, 3, out);
    trees[root] = out;
  }
  return {
    digest: createHash('sha256').update(JSON.stringify(trees)).digest('hex'),
    swaps: await readOr('/proc/swaps', ''),
    sysctls,
    modules: (await readOr('/proc/modules', ''))
      .split('\n')
      .map((line) => line.split(' ')[0])
      .sort()
      .join(' '),
    mounts: await readOr('/proc/self/mounts', ''),
    hostname: (await readOr('/proc/sys/kernel/hostname', '')).trim(),
    trees,
  };
}

/** What differs between two snapshots, one line each (e.g. `sysctl net/ipv4/ip_forward: 0 → 1`). */
export function hostChanges(before: HostSnapshot, after: HostSnapshot): string[] {
  const changes: string[] = [];
  for (const key of ['swaps', 'modules', 'mounts', 'hostname'] as const)
    if (before[key] !== after[key])
      changes.push(`${key} changed: ${JSON.stringify(before[key])} → ${JSON.stringify(after[key])}`);
  for (const [key, value] of Object.entries(before.sysctls))
    if (after.sysctls[key] !== value) changes.push(`sysctl ${key}: ${value} → ${after.sysctls[key]}`);
  for (const [root, lines] of Object.entries(before.trees)) {
    const now = new Set(after.trees[root] ?? []);
    const was = new Set(lines);
    for (const line of lines) if (!now.has(line)) changes.push(`${root}: was ${line}`);
    for (const line of now) if (!was.has(line)) changes.push(`${root}: now ${line}`);
  }
  return changes;
}

/**
 * Take a snapshot now and fail, naming every difference, unless it equals `before`: the check that
 * a test run through real sshd left the machine's swap, sysctls, modules, mounts and /etc alone.
 */
export async function assertHostUntouched(before: HostSnapshot): Promise<void> {
  const changes = hostChanges(before, await snapshotHost());
  if (changes.length > 0)
    throw new Error(`the machine running the tests changed during the run:\n${changes.join('\n')}`);
}
