import { existsSync, mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { removePrivateDirectoriesInUse, withPrivateFiles } from './private-files.js';

describe('withPrivateFiles', () => {
  it('keeps the files private (0700 directory, 0600 files) while in use, and removes them afterwards', async () => {
    const root = mkdtempSync(join(tmpdir(), 'hubfleet-private-root-'));
    const seen = await withPrivateFiles(
      { kubeconfig: 'token: t0ken' },
      async (paths) => {
        const file = paths.kubeconfig as string;
        expect(statSync(dirname(file)).mode & 0o777).toBe(0o700);
        expect(statSync(file).mode & 0o777).toBe(0o600);
        return file;
      },
      root,
    );
    expect(existsSync(seen)).toBe(false);
    expect(readdirSync(root)).toEqual([]);
  });

  it('registers a process exit handler that removes directories still in use (a second Ctrl-C exits at once)', async () => {
    const root = mkdtempSync(join(tmpdir(), 'hubfleet-private-root-'));
    await withPrivateFiles(
      { kubeconfig: 'token: t0ken' },
      async (paths) => {
        const directory = dirname(paths.kubeconfig as string);
        expect(process.listeners('exit')).toContain(removePrivateDirectoriesInUse);
        // What `process.exit(130)` runs while helm still holds the kubeconfig:
        removePrivateDirectoriesInUse();
        expect(existsSync(directory)).toBe(false);
      },
      root,
    );
    expect(readdirSync(root)).toEqual([]);
    expect(
      process.listeners('exit').filter((listener) => listener === removePrivateDirectoriesInUse),
    ).toHaveLength(1);
  });

  it('forgets a directory once it is removed, so the exit handler never touches a reused path', async () => {
    const root = mkdtempSync(join(tmpdir(), 'hubfleet-private-root-'));
    const first = await withPrivateFiles({ a: 'x' }, async (paths) => dirname(paths.a as string), root);
    await withPrivateFiles(
      { b: 'y' },
      async (paths) => {
        removePrivateDirectoriesInUse();
        expect(existsSync(dirname(paths.b as string))).toBe(false);
      },
      root,
    );
    expect(existsSync(first)).toBe(false);
  });
});
