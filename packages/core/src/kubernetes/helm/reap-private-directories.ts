import { lstatSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { isProcessAlive } from '../../system/process-alive.js';

/** A directory from before names carried their owner's pid: reaped once nothing could still use it. */
const UNOWNED_AGE_MS = 60 * 60_000;

/**
 * Remove the private directories (kubeconfigs with cluster credentials) that a hubfleet process
 * killed with SIGKILL, or a machine that lost power, left in `root`: those whose owner pid in their
 * name (`<prefix><pid>-…`) is no longer running. Only this user's own directories, never through a
 * symlink, and never one of this process's.
 */
export function reapPrivateDirectories(root: string, prefix: string, now: number = Date.now()): string[] {
  let names: string[];
  try {
    names = readdirSync(root);
  } catch {
    return [];
  }
  const reaped: string[] = [];
  for (const name of names.filter((entry) => entry.startsWith(prefix))) {
    const path = join(root, name);
    try {
      const stat = lstatSync(path);
      if (!stat.isDirectory() || stat.uid !== process.getuid?.()) continue;
      const owner = /^(\d+)-/.exec(name.slice(prefix.length))?.[1];
      const dead =
        owner === undefined
          ? now - stat.mtimeMs > UNOWNED_AGE_MS
          : Number(owner) !== process.pid && !isProcessAlive(Number(owner));
      if (!dead) continue;
      rmSync(path, { recursive: true, force: true });
      reaped.push(path);
    } catch {
      // Gone meanwhile, or not ours to remove: leave it.
    }
  }
  return reaped;
}
