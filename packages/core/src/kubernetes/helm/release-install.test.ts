import { describe, expect, it } from 'vitest';
import type { ReleaseSpec } from '../release.js';
import { releaseInstallOptions } from './release-install.js';
import { spawnHelm } from './spawn-helm.js';

const spec = (overrides: Partial<ReleaseSpec>): ReleaseSpec => ({
  release: 'r',
  namespace: 'n',
  chart: 'velero',
  repository: 'https://vmware-tanzu.github.io/helm-charts',
  version: '11.4.0',
  values: { a: 1 },
  dependsOn: [],
  reason: 'because',
  ...overrides,
});

describe('releaseInstallOptions', () => {
  it('installs an upstream chart by repository and pinned version', () => {
    expect(releaseInstallOptions(spec({}), { kubeconfig: 'k', chartsDirectory: '/repo/charts' })).toEqual({
      release: 'r',
      namespace: 'n',
      chart: 'velero',
      repository: 'https://vmware-tanzu.github.io/helm-charts',
      version: '11.4.0',
      values: { a: 1 },
      kubeconfig: 'k',
    });
  });

  it("installs the project's own chart from the charts directory", () => {
    const options = releaseInstallOptions(
      spec({ chart: 'nfs-server', repository: 'local', version: '0.3.0' }),
      {
        kubeconfig: 'k',
        chartsDirectory: '/repo/charts',
        timeoutMs: 60_000,
      },
    );
    expect(options).toMatchObject({
      chart: '/repo/charts/nfs-server',
      repository: undefined,
      timeoutMs: 60_000,
    });
  });
});

describe('spawnHelm', () => {
  it('says helm could not be started when the binary is missing', async () => {
    await expect(spawnHelm('/nonexistent/helm')(['version'], {})).rejects.toMatchObject({
      kind: 'not-found',
      subject: 'helm',
    });
  });
});
