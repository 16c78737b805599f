import type { Manifest } from '../release.js';
import { createHelmSession, type HelmClientOptions } from './helm-session.js';
import type { HelmReleaseState, HelmRevision } from './helm-types.js';
import { type ReleaseTargetOptions, readHistory, readStatus, withKubeconfig } from './release-queries.js';
import { type LintResult, lintChart, type TemplateOptions, templateChart } from './render-chart.js';
import { type UpgradeInstallOptions, type UpgradeInstallResult, upgradeInstall } from './upgrade-install.js';

export interface HelmClient {
  /** `helm upgrade --install`; unsticks a release an interrupted run left in `pending-*`, once. */
  upgradeInstall(options: UpgradeInstallOptions): Promise<UpgradeInstallResult>;
  /** The release's current state, or undefined when it is not installed. */
  status(options: ReleaseTargetOptions): Promise<HelmReleaseState | undefined>;
  /** The release's revisions, oldest first; empty when it is not installed. */
  history(options: ReleaseTargetOptions): Promise<HelmRevision[]>;
  /** `helm template` of a local chart, as Kubernetes objects. */
  template(options: TemplateOptions): Promise<Manifest[]>;
  /** `helm lint` of a local chart with these values. */
  lint(chart: string, values?: Record<string, unknown>, options?: { strict?: boolean }): Promise<LintResult>;
}

/**
 * A helm client over `options.run`. Every call is one or a few helm processes with the kubeconfig
 * and values in a private temporary directory that is gone when the call returns.
 */
export function createHelm(options: HelmClientOptions): HelmClient {
  const session = createHelmSession(options);
  return {
    upgradeInstall: (upgrade) => upgradeInstall(session, upgrade),
    status: (target) => withKubeconfig(session, target, (file) => readStatus(session, file)),
    history: (target) => withKubeconfig(session, target, (file) => readHistory(session, file)),
    template: (template) => templateChart(session, template),
    lint: (chart, values, lintOptions = {}) => lintChart(session, chart, values, lintOptions.strict ?? false),
  };
}
