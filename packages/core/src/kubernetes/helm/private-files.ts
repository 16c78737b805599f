import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Prefix of every private directory, so a leftover one is easy to recognise. */
export const PRIVATE_DIRECTORY_PREFIX = 'hubfleet-helm-';

/**
 * Write `files` (name → content) into a fresh directory only this user can enter (0700), each file
 * readable only by this user (0600), run `use` with their paths, and remove the directory
 * afterwards, whether `use` succeeded or threw. Kubeconfigs carry cluster credentials, so they
 * never sit in a shared or long-lived place.
 */
export async function withPrivateFiles<T>(
  files: Readonly<Record<string, string>>,
  use: (paths: Record<string, string>) => Promise<T>,
  root: string = tmpdir(),
): Promise<T> {
  const directory = await mkdtemp(join(root, PRIVATE_DIRECTORY_PREFIX));
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
  }
}
