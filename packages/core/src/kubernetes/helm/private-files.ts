import { rmSync } from 'node:fs';
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { reapPrivateDirectories } from './reap-private-directories.js';

/** Prefix of every private directory, so a leftover one is easy to recognise. */
export const PRIVATE_DIRECTORY_PREFIX = 'hubfleet-helm-';

/** Private directories in use now: removed on exit if they are still there. */
const inUse = new Set<string>();
let exitHandlerRegistered = false;
/** Roots already swept of directories left by dead processes, once per process. */
const reapedRoots = new Set<string>();

/**
 * Remove every private directory still in use, synchronously. Registered as a process `exit`
 * handler, so the kubeconfigs (cluster credentials) inside are removed even when a second Ctrl-C
 * ends hubfleet with `process.exit` while helm still runs.
 */
export function removePrivateDirectoriesInUse(): void {
  for (const directory of inUse) rmSync(directory, { recursive: true, force: true });
  inUse.clear();
}

function track(directory: string): void {
  if (!exitHandlerRegistered) {
    process.on('exit', removePrivateDirectoriesInUse);
    exitHandlerRegistered = true;
  }
  inUse.add(directory);
}

/**
 * Write `files` (name → content) into a fresh directory only this user can enter (0700), each file
 * readable only by this user (0600), run `use` with their paths, and remove the directory
 * afterwards, whether `use` succeeded or threw, or on process exit if hubfleet exits first; after a
 * SIGKILL, the next run's first call removes it (`reapPrivateDirectories`).
 * Kubeconfigs carry cluster credentials, so they never sit in a shared or long-lived place.
 */
export async function withPrivateFiles<T>(
  files: Readonly<Record<string, string>>,
  use: (paths: Record<string, string>) => Promise<T>,
  root: string = tmpdir(),
): Promise<T> {
  if (!reapedRoots.has(root)) {
    reapedRoots.add(root);
    // A SIGKILL skips the exit handler: what a dead run left is removed by the next one.
    reapPrivateDirectories(root, PRIVATE_DIRECTORY_PREFIX);
  }
  // The owner's pid in the name tells the next run whether the owner is still alive.
  const directory = await mkdtemp(join(root, `${PRIVATE_DIRECTORY_PREFIX}${process.pid}-`));
  track(directory);
  try {
    await chmod(directory, 0o700);
    const paths: Record<string, string> = {};
    for (const [name, content] of Object.entries(files)) {
      const path = join(directory, name);
      await writeFile(path, content, { mode: 0o600, flag: 'wx' });
      await chmod(path, 0o600);
      paths[name] = path;
    }
    return await use(paths);
  } finally {
    await rm(directory, { recursive: true, force: true });
    inUse.delete(directory);
  }
}
