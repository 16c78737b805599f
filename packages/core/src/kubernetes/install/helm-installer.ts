import { defaultHelmRunner } from '../helm/default-runner.js';
import { uninstallArgs } from '../helm/helm-args.js';
import { createHelm } from '../helm/helm-client.js';
import { mapHelmFailure } from '../helm/helm-errors.js';
import { createHelmSession, releaseSubject } from '../helm/helm-session.js';
import type { HelmRunner } from '../helm/helm-types.js';
import { releaseInstallOptions } from '../helm/release-install.js';
import { DEFAULT_HELM_TIMEOUT_MS } from '../helm/upgrade-install.js';
import { observeRelease, type ReleaseInstaller, workloadReadiness } from './release-installer.js';

export interface HelmInstallerOptions {
  /** Where the project's own charts are: `charts/nfs-server` resolves against it. */
  chartsDirectory: string;
  /** @default the real helm binary (`defaultHelmRunner`) */
  run?: HelmRunner;
  /** Per helm operation. @default DEFAULT_HELM_TIMEOUT_MS */
  timeoutMs?: number;
  /** helm's cache and config. @default defaultHelmHome() */
  helmHome?: string;
}

const NOT_INSTALLED = /release: not found/;

/**
 * The real installer: `helm upgrade --install --wait` with pinned charts (values and kubeconfig in
 * private temporary files), `helm uninstall`. It records nothing itself: helm's own release Secrets
 * are the record, and `observe` reads them back (chart version and a hash of the values).
 */
export function helmInstaller(options: HelmInstallerOptions): ReleaseInstaller {
  const run = options.run ?? defaultHelmRunner();
  const clientOptions = { run, ...(options.helmHome === undefined ? {} : { helmHome: options.helmHome }) };
  const helm = createHelm(clientOptions);
  const session = createHelmSession(clientOptions);
  const timeoutMs = options.timeoutMs ?? DEFAULT_HELM_TIMEOUT_MS;
  return {
    kind: 'helm',
    installWaits: true,
    observe: observeRelease,
    readiness: workloadReadiness,
    async install(release, cluster) {
      const { chartsDirectory } = options;
      await helm.upgradeInstall(
        releaseInstallOptions(release, { kubeconfig: cluster.kubeconfig, chartsDirectory, timeoutMs }),
      );
    },
    async uninstall(target, cluster) {
      await session.inPrivate({ 'kubeconfig.yaml': cluster.kubeconfig }, async (paths) => {
        const kubeconfigFile = paths['kubeconfig.yaml'] as string;
        const result = await session.run(uninstallArgs({ ...target, kubeconfigFile, timeoutMs }));
        if (result.code === 0 || NOT_INSTALLED.test(result.stderr)) return;
        throw mapHelmFailure({
          operation: 'uninstall',
          subject: releaseSubject(target),
          stderr: result.stderr,
        });
      });
    },
  };
}
