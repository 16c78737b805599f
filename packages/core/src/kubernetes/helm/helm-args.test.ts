import { describe, expect, it } from 'vitest';
import { HubfleetError } from '../../errors/hubfleet-error.js';
import {
  chartArgs,
  historyArgs,
  lintArgs,
  rollbackArgs,
  templateArgs,
  timeoutArg,
  uninstallArgs,
  upgradeInstallArgs,
} from './helm-args.js';

const base = {
  release: 'ingress-nginx',
  namespace: 'ingress-nginx',
  valuesFiles: ['/tmp/p/values.json'],
  kubeconfigFile: '/tmp/p/kubeconfig.yaml',
  wait: true,
  timeoutMs: 300_000,
  createNamespace: true,
};

describe('helm argv', () => {
  it('builds upgrade --install for a repository chart with a pinned version', () => {
    const args = upgradeInstallArgs({
      ...base,
      source: {
        chart: 'ingress-nginx',
        repository: 'https://kubernetes.github.io/ingress-nginx',
        version: '4.15.1',
      },
    });
    expect(args).toEqual([
      'upgrade',
      '--install',
      'ingress-nginx',
      'ingress-nginx',
      '--repo',
      'https://kubernetes.github.io/ingress-nginx',
      '--version',
      '4.15.1',
      '--namespace',
      'ingress-nginx',
      '--create-namespace',
      '--values',
      '/tmp/p/values.json',
      '--wait',
      '--timeout',
      '300s',
      '--kubeconfig',
      '/tmp/p/kubeconfig.yaml',
      '--output',
      'json',
    ]);
  });

  it('passes a local chart as a path, without --repo or --version', () => {
    const args = upgradeInstallArgs({
      ...base,
      wait: false,
      createNamespace: false,
      source: { chart: '/repo/charts/nfs-server', repository: 'local', version: '0.3.0' },
    });
    expect(args.slice(0, 4)).toEqual(['upgrade', '--install', 'ingress-nginx', '/repo/charts/nfs-server']);
    expect(args).not.toContain('--repo');
    expect(args).not.toContain('--version');
    expect(args).not.toContain('--wait');
    expect(args).not.toContain('--create-namespace');
  });

  it('passes several values files in order, so the later one wins', () => {
    const args = upgradeInstallArgs({ ...base, valuesFiles: ['a.yaml', 'b.json'], source: { chart: './c' } });
    expect(args.filter((_, index) => args[index - 1] === '--values')).toEqual(['a.yaml', 'b.json']);
  });

  it('refuses a repository chart without a pinned version', () => {
    expect(() => chartArgs({ chart: 'velero', repository: 'https://example.org' })).toThrow(HubfleetError);
    expect(() => chartArgs({ chart: 'velero', repository: 'https://example.org' })).toThrow(/pinned version/);
  });

  it('rounds the timeout up to whole seconds, at least one', () => {
    expect(timeoutArg(1)).toBe('1s');
    expect(timeoutArg(90_500)).toBe('91s');
    expect(timeoutArg(0)).toBe('1s');
  });

  it('builds rollback, uninstall and history for the same target', () => {
    const target = { release: 'r', namespace: 'n', kubeconfigFile: 'k' };
    expect(rollbackArgs({ ...target, revision: 3, wait: true, timeoutMs: 60_000 })).toEqual([
      'rollback',
      'r',
      '3',
      '--namespace',
      'n',
      '--wait',
      '--timeout',
      '60s',
      '--kubeconfig',
      'k',
    ]);
    expect(uninstallArgs({ ...target, timeoutMs: 60_000 })).toEqual([
      'uninstall',
      'r',
      '--namespace',
      'n',
      '--timeout',
      '60s',
      '--kubeconfig',
      'k',
    ]);
    expect(historyArgs(target)).toEqual([
      'history',
      'r',
      '--namespace',
      'n',
      '--kubeconfig',
      'k',
      '--max',
      '20',
      '--output',
      'json',
    ]);
  });

  it('builds template and lint', () => {
    expect(
      templateArgs({
        releaseName: 'x',
        chart: './c',
        namespace: 'n',
        valuesFile: 'v',
        kubeVersion: '1.32.0',
        apiVersions: ['monitoring.coreos.com/v1'],
        includeCrds: true,
      }),
    ).toEqual([
      'template',
      'x',
      './c',
      '--namespace',
      'n',
      '--kube-version',
      '1.32.0',
      '--api-versions',
      'monitoring.coreos.com/v1',
      '--include-crds',
      '--values',
      'v',
    ]);
    expect(lintArgs({ chart: './c', valuesFile: 'v', strict: true })).toEqual([
      'lint',
      './c',
      '--values',
      'v',
      '--strict',
    ]);
  });
});
