import { isAbsolute, join } from 'node:path';
import type { ReleaseSpec } from '../release.js';
import type { UpgradeInstallOptions } from './upgrade-install.js';

/**
 * The `upgradeInstall` options for a planned release: an upstream chart by repository URL and pinned
 * version, or one of the project's own charts (`repository: 'local'`) under `chartsDirectory`.
 */
export function releaseInstallOptions(
  release: ReleaseSpec,
  context: { kubeconfig: string; chartsDirectory: string; timeoutMs?: number },
): UpgradeInstallOptions {
  const local = release.repository === 'local';
  return {
    release: release.release,
    namespace: release.namespace,
    chart: local && !isAbsolute(release.chart) ? join(context.chartsDirectory, release.chart) : release.chart,
    repository: local ? undefined : release.repository,
    version: local ? undefined : release.version,
    values: release.values,
    kubeconfig: context.kubeconfig,
    ...(context.timeoutMs === undefined ? {} : { timeoutMs: context.timeoutMs }),
  };
}
