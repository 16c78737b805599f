import { lstatSync, mkdirSync, readFileSync, readlinkSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { STACK_TRACE } from './cli-harness.js';
import { callsDuring, sim, simWorkspace } from './sim-harness.js';

const FOREIGN = [
  'apiVersion: v1',
  'kind: Config',
  'current-context: production',
  'clusters: [{name: production, cluster: {server: "https://k8s.example.org"}}]',
  'users: [{name: admin, user: {token: "a-real-token-of-the-user"}}]',
  'contexts: [{name: production, context: {cluster: production, user: admin}}]',
  '',
].join('\n');

describe('kubeconfig --sim --out never harms a file that is not its own', { timeout: 120_000 }, () => {
  const workspace = simWorkspace('aws-dsosu.yaml');
  const home = join(workspace.directory, 'home');
  mkdirSync(join(home, '.kube'), { recursive: true });
  const userKubeconfig = join(home, '.kube', 'config');
  writeFileSync(userKubeconfig, FOREIGN);

  const refusedUnchanged = async (out: string, extra: string[], env: Record<string, string>, why: string) => {
    const before = readFileSync(out);
    const { result, calls } = await callsDuring(workspace, () =>
      sim(workspace, 'kubeconfig', ['--out', out, ...extra], { HOME: home, ...env }),
    );
    expect(result.stderr).not.toMatch(STACK_TRACE);
    expect(result.stderr).toContain(why);
    expect(result.code).toBe(3);
    expect(readFileSync(out).equals(before)).toBe(true);
    expect(calls).toEqual([]);
  };

  it('onto an existing foreign kubeconfig: refused, byte-for-byte unchanged', async () => {
    const out = join(workspace.directory, 'theirs.yaml');
    writeFileSync(out, FOREIGN);
    await refusedUnchanged(out, [], {}, `is not a kubeconfig hubfleet wrote for "prod-green"`);
  });

  it('onto a symlink: refused even with --force; neither the link nor its target changes', async () => {
    const target = join(workspace.directory, 'target.yaml');
    writeFileSync(target, FOREIGN);
    const link = join(workspace.directory, 'link.yaml');
    symlinkSync(target, link);
    await refusedUnchanged(link, ['--force'], {}, 'is a symbolic link');
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readlinkSync(link)).toBe(target);
  });

  it('onto ~/.kube/config or a $KUBECONFIG file: refused with --sim, --force or not', async () => {
    await refusedUnchanged(
      userKubeconfig,
      ['--force'],
      {},
      'a kubeconfig kubectl uses for your real clusters',
    );
    const listed = join(workspace.directory, 'listed.yaml');
    writeFileSync(listed, FOREIGN);
    await refusedUnchanged(listed, ['--force'], { KUBECONFIG: `/nonexistent:${listed}` }, 'kubectl uses');
  });
});
