import { mkdir, mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HubfleetError } from '../../errors/hubfleet-error.js';
import { createHelm } from './helm-client.js';
import { flagValue, releaseJson, scriptedRunner } from './testing/scripted-runner.js';

const KUBECONFIG = 'apiVersion: v1\nkind: Config\nusers: [{name: u, user: {token: s3cr3t-token}}]\n';
const now = new Date('2026-11-21T12:00:00Z');
const hoursAgo = (hours: number) => new Date(now.getTime() - hours * 3_600_000).toISOString();
const PENDING = 'Error: UPGRADE FAILED: another operation (install/upgrade/rollback) is in progress\n';

let root: string;
let tempRoot: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'hubfleet-helm-client-test-'));
  tempRoot = join(root, 'tmp');
  await mkdir(tempRoot);
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

const install = {
  release: 'velero',
  namespace: 'velero',
  chart: 'velero',
  repository: 'https://vmware-tanzu.github.io/helm-charts',
  version: '11.4.0',
  values: { schedules: { daily: { schedule: '0 3 * * *' } } },
  kubeconfig: KUBECONFIG,
  timeoutMs: 120_000,
};

function client(runner: ReturnType<typeof scriptedRunner>) {
  return createHelm({
    run: runner,
    helmHome: join(root, 'helm-home'),
    tempRoot,
    env: { PATH: '/usr/bin', KUBECONFIG: '/home/me/.kube/config', HELM_NAMESPACE: 'oops', HOME: '/home/me' },
    now: () => now,
  });
}

describe('createHelm().upgradeInstall with a scripted helm', () => {
  it('runs one upgrade --install with private kubeconfig and values files, removed afterwards', async () => {
    const seen: Record<string, unknown> = {};
    const runner = scriptedRunner([
      {
        stdout: releaseJson('velero', 'velero', 1),
        inspect: async ({ args }) => {
          const kubeconfigFile = flagValue(args, '--kubeconfig') as string;
          const valuesFile = flagValue(args, '--values') as string;
          seen.kubeconfig = await readFile(kubeconfigFile, 'utf8');
          seen.values = JSON.parse(await readFile(valuesFile, 'utf8'));
          seen.fileModes = [(await stat(kubeconfigFile)).mode & 0o777, (await stat(valuesFile)).mode & 0o777];
          seen.directoryMode = (await stat(dirname(kubeconfigFile))).mode & 0o777;
          seen.directory = dirname(kubeconfigFile);
        },
      },
    ]);
    const result = await client(runner).upgradeInstall(install);

    expect(result).toEqual({
      release: expect.objectContaining({ name: 'velero', revision: 1, status: 'deployed' }),
    });
    const [call] = runner.calls;
    expect(call?.args).toEqual([
      'upgrade',
      '--install',
      'velero',
      'velero',
      '--repo',
      'https://vmware-tanzu.github.io/helm-charts',
      '--version',
      '11.4.0',
      '--namespace',
      'velero',
      '--create-namespace',
      '--values',
      expect.stringMatching(/hubfleet-helm-.*\/values\.json$/),
      '--wait',
      '--timeout',
      '120s',
      '--kubeconfig',
      expect.stringMatching(/hubfleet-helm-.*\/kubeconfig\.yaml$/),
      '--output',
      'json',
    ]);
    expect(seen.kubeconfig).toBe(KUBECONFIG);
    expect(seen.values).toEqual(install.values);
    expect(seen.fileModes).toEqual([0o600, 0o600]);
    expect(seen.directoryMode).toBe(0o700);
    expect(dirname(seen.directory as string)).toBe(tempRoot);
    expect(await readdir(tempRoot)).toEqual([]);
  });

  it('points helm at its own home and drops KUBECONFIG and HELM_* from the environment', async () => {
    const runner = scriptedRunner([{ stdout: releaseJson('velero', 'velero', 1) }]);
    await client(runner).upgradeInstall(install);
    const env = runner.calls[0]?.env ?? {};
    expect(env.HELM_CACHE_HOME).toBe(join(root, 'helm-home', 'cache'));
    expect(env.HELM_CONFIG_HOME).toBe(join(root, 'helm-home', 'config'));
    expect(env.HELM_DATA_HOME).toBe(join(root, 'helm-home', 'data'));
    expect(env.KUBECONFIG).toBeUndefined();
    expect(env.HELM_NAMESPACE).toBeUndefined();
    expect(env.PATH).toBe('/usr/bin');
  });

  it('removes the temporary files when helm fails too', async () => {
    const runner = scriptedRunner([
      { code: 1, stderr: 'Error: UPGRADE FAILED: timed out waiting for the condition' },
    ]);
    const error = await client(runner)
      .upgradeInstall(install)
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(HubfleetError);
    expect(error).toMatchObject({ kind: 'timeout', retryable: true, subject: 'velero/velero' });
    expect(await readdir(tempRoot)).toEqual([]);
  });

  it('rolls an abandoned pending upgrade back to the last deployed revision, then upgrades once more', async () => {
    const history = [
      { revision: 1, status: 'superseded', updated: hoursAgo(48), chart: 'velero-11.3.2' },
      { revision: 2, status: 'deployed', updated: hoursAgo(24), chart: 'velero-11.3.2' },
      { revision: 3, status: 'pending-upgrade', updated: hoursAgo(2), chart: 'velero-11.4.0' },
    ];
    const runner = scriptedRunner([
      { code: 1, stderr: PENDING },
      { stdout: JSON.stringify(history) },
      { stdout: 'Rollback was a success! Happy Helming!\n' },
      { stdout: releaseJson('velero', 'velero', 5) },
    ]);
    const result = await client(runner).upgradeInstall(install);

    expect(runner.calls.map((call) => call.args.slice(0, 3))).toEqual([
      ['upgrade', '--install', 'velero'],
      ['history', 'velero', '--namespace'],
      ['rollback', 'velero', '2'],
      ['upgrade', '--install', 'velero'],
    ]);
    expect(runner.calls[2]?.args).toContain('--wait');
    const kubeconfigs = new Set(runner.calls.map((call) => flagValue(call.args, '--kubeconfig')));
    expect(kubeconfigs.size).toBe(1);
    expect(result.release.revision).toBe(5);
    expect(result.recovery).toMatchObject({ action: 'rollback', revision: 2 });
    expect(await readdir(tempRoot)).toEqual([]);
  });

  it('uninstalls a release stuck in pending-install that never deployed, then installs', async () => {
    const runner = scriptedRunner([
      { code: 1, stderr: PENDING },
      { stdout: JSON.stringify([{ revision: 1, status: 'pending-install', updated: hoursAgo(1) }]) },
      { stdout: 'release "velero" uninstalled\n' },
      { stdout: releaseJson('velero', 'velero', 1) },
    ]);
    const result = await client(runner).upgradeInstall(install);
    expect(runner.calls.map((call) => call.args[0])).toEqual(['upgrade', 'history', 'uninstall', 'upgrade']);
    expect(runner.calls[2]?.args).toEqual([
      'uninstall',
      'velero',
      '--namespace',
      'velero',
      '--timeout',
      '120s',
      '--kubeconfig',
      expect.any(String),
    ]);
    expect(result.recovery?.action).toBe('uninstall');
  });

  it('does not touch a release whose pending operation is recent, and says it is busy', async () => {
    const runner = scriptedRunner([
      { code: 1, stderr: PENDING },
      {
        stdout: JSON.stringify([
          { revision: 1, status: 'deployed', updated: hoursAgo(24) },
          { revision: 2, status: 'pending-upgrade', updated: new Date(now.getTime() - 30_000).toISOString() },
        ]),
      },
    ]);
    const error = await client(runner)
      .upgradeInstall(install)
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ kind: 'conflict', retryable: true });
    expect(runner.calls).toHaveLength(2);
  });

  it('tries only once more: a second busy answer is a retryable conflict', async () => {
    const runner = scriptedRunner([
      { code: 1, stderr: PENDING },
      {
        stdout: JSON.stringify([
          { revision: 1, status: 'deployed', updated: hoursAgo(9) },
          { revision: 2, status: 'pending-rollback', updated: hoursAgo(3) },
        ]),
      },
      { stdout: '' },
      { code: 1, stderr: PENDING },
    ]);
    const error = await client(runner)
      .upgradeInstall(install)
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ kind: 'conflict', retryable: true });
    expect(runner.calls).toHaveLength(4);
  });

  it('reports a failed rollback as it is, without upgrading again', async () => {
    const runner = scriptedRunner([
      { code: 1, stderr: PENDING },
      {
        stdout: JSON.stringify([
          { revision: 1, status: 'deployed', updated: hoursAgo(9) },
          { revision: 2, status: 'pending-upgrade', updated: hoursAgo(3) },
        ]),
      },
      { code: 1, stderr: 'Error: Kubernetes cluster unreachable: dial tcp: connection refused' },
    ]);
    const error = await client(runner)
      .upgradeInstall(install)
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ kind: 'unavailable' });
    expect((error as Error).message).toContain('helm rollback of velero/velero failed');
    expect(runner.calls).toHaveLength(3);
  });
});

describe('createHelm() status and history', () => {
  const target = { release: 'kps', namespace: 'monitoring', kubeconfig: KUBECONFIG };

  it('reads status, and undefined when the release does not exist', async () => {
    const runner = scriptedRunner([
      { stdout: releaseJson('kps', 'monitoring', 7, 'pending-upgrade') },
      { code: 1, stderr: 'Error: release: not found' },
    ]);
    const helm = client(runner);
    expect(await helm.status(target)).toMatchObject({
      revision: 7,
      status: 'pending-upgrade',
      namespace: 'monitoring',
    });
    expect(await helm.status(target)).toBeUndefined();
    expect(runner.calls[0]?.args.slice(0, 4)).toEqual(['status', 'kps', '--namespace', 'monitoring']);
    expect(await readdir(tempRoot)).toEqual([]);
  });

  it('reads history oldest first, and empty when the release does not exist', async () => {
    const runner = scriptedRunner([
      {
        stdout: JSON.stringify([
          {
            revision: 2,
            status: 'deployed',
            updated: '2026-11-20T10:00:00Z',
            chart: 'kps-88.5.3',
            app_version: 'v0.93.1',
            description: 'Upgrade complete',
          },
          {
            revision: 1,
            status: 'superseded',
            updated: '2026-11-19T10:00:00Z',
            chart: 'kps-88.5.2',
            app_version: 'v0.93.0',
            description: 'Install complete',
          },
        ]),
      },
      { code: 1, stderr: 'Error: release: not found' },
    ]);
    const helm = client(runner);
    const history = await helm.history(target);
    expect(history.map((entry) => [entry.revision, entry.status, entry.appVersion])).toEqual([
      [1, 'superseded', 'v0.93.0'],
      [2, 'deployed', 'v0.93.1'],
    ]);
    expect(history[1]?.updated?.toISOString()).toBe('2026-11-20T10:00:00.000Z');
    expect(await helm.history(target)).toEqual([]);
  });

  it('says plainly when helm output cannot be read', async () => {
    const runner = scriptedRunner([{ stdout: 'not json' }]);
    await expect(client(runner).status(target)).rejects.toMatchObject({ kind: 'internal' });
  });
});
