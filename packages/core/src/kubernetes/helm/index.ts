export { defaultHelmRunner } from './default-runner.js';
export type { FindHelmOptions } from './find-helm.js';
export { findHelm } from './find-helm.js';
export type { ChartSource } from './helm-args.js';
export type { HelmClient } from './helm-client.js';
export { createHelm } from './helm-client.js';
export { defaultHelmHome, helmEnvironment } from './helm-environment.js';
export { helmMessage, mapHelmFailure, PENDING_OPERATION_TEXT } from './helm-errors.js';
export type { LintMessage } from './helm-output.js';
export { parseHistory, parseManifests, parseReleaseState } from './helm-output.js';
export type { HelmClientOptions } from './helm-session.js';
export type {
  HelmReleaseState,
  HelmReleaseStatus,
  HelmRevision,
  HelmRunner,
  HelmRunResult,
} from './helm-types.js';
export type { PendingRecovery } from './pending-release.js';
export { isPendingStatus, planPendingRecovery } from './pending-release.js';
export { releaseInstallOptions } from './release-install.js';
export type { ReleaseTargetOptions } from './release-queries.js';
export type { LintResult, TemplateOptions } from './render-chart.js';
export { spawnHelm } from './spawn-helm.js';
export type { UpgradeInstallOptions, UpgradeInstallResult } from './upgrade-install.js';
export { DEFAULT_HELM_TIMEOUT_MS } from './upgrade-install.js';
