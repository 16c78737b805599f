import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PRIVATE_DIRECTORY_PREFIX, withPrivateFiles } from './private-files.js';

/** A pid that was just used by a process that has exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', '0']);
  return child.pid as number;
}

function leftover(root: string, name: string): string {
  const directory = join(root, `${PRIVATE_DIRECTORY_PREFIX}${name}`);
  mkdirSync(directory, { mode: 0o700 });
  writeFileSync(join(directory, 'kubeconfig'), 'users: [{name: x, user: {token: secret}}]\n', {
    mode: 0o600,
  });
  return directory;
}

describe('private directories left by a killed run', () => {
  it('the next run removes those whose owner process is gone, and keeps live owners and symlinks', async () => {
    const root = mkdtempSync(join(tmpdir(), 'hubfleet-reap-'));
    const dead = leftover(root, `${deadPid()}-abc123`);
    const live = leftover(root, `${process.ppid}-def456`);
    const legacy = leftover(root, 'Xy12Zq');
    const hourAndAHalfAgo = new Date(Date.now() - 90 * 60_000);
    utimesSync(legacy, hourAndAHalfAgo, hourAndAHalfAgo);
    const recentLegacy = leftover(root, 'Ab34Cd');
    const target = mkdtempSync(join(tmpdir(), 'hubfleet-reap-target-'));
    const link = join(root, `${PRIVATE_DIRECTORY_PREFIX}${deadPid()}-link00`);
    symlinkSync(target, link);

    const used = await withPrivateFiles(
      { kubeconfig: 'x' },
      async (paths) => paths.kubeconfig as string,
      root,
    );

    expect(existsSync(dead)).toBe(false);
    expect(existsSync(legacy)).toBe(false);
    expect(existsSync(live)).toBe(true);
    expect(existsSync(recentLegacy)).toBe(true);
    expect(existsSync(link)).toBe(true);
    expect(existsSync(target)).toBe(true);
    // Its own directory carried its pid, and is gone after use.
    expect(used).toContain(`${PRIVATE_DIRECTORY_PREFIX}${process.pid}-`);
    expect(existsSync(used)).toBe(false);
  });
});
