import { HubfleetError } from '../../errors/hubfleet-error.js';
import { type ChartSource, rollbackArgs, uninstallArgs, upgradeInstallArgs } from './helm-args.js';
import { isPendingOperationFailure, mapHelmFailure } from './helm-errors.js';
import { parseReleaseState } from './helm-output.js';
import { type HelmSession, jsonPart, releaseSubject, valuesText } from './helm-session.js';
import type { HelmReleaseState } from './helm-types.js';
import { type PendingRecovery, planPendingRecovery } from './pending-release.js';
import { type ReleaseTargetFile, type ReleaseTargetOptions, readHistory } from './release-queries.js';

/** @default 10 minutes: a first install pulls images onto fresh nodes. */
export const DEFAULT_HELM_TIMEOUT_MS = 10 * 60_000;

export interface UpgradeInstallOptions extends ReleaseTargetOptions, ChartSource {
  /** Values to pass; written to a private temporary file. */
  values?: Record<string, unknown>;
  /** A values file already on disk, passed before `values` (so `values` wins). */
  valuesFile?: string;
  /** Wait until the release's workloads are ready. @default true */
  wait?: boolean;
  /** @default DEFAULT_HELM_TIMEOUT_MS */
  timeoutMs?: number;
  /** @default true */
  createNamespace?: boolean;
  /**
   * A `pending-*` revision younger than this may belong to an operation still running elsewhere and
   * is not touched. @default timeoutMs
   */
  pendingStaleAfterMs?: number;
}

export interface UpgradeInstallResult {
  release: HelmReleaseState;
  /** Set when the release was stuck and hubfleet unstuck it before installing again. */
  recovery?: PendingRecovery;
}

/** Roll back or uninstall a release an interrupted run left in `pending-*`, as `planPendingRecovery` says. */
async function recoverPending(
  session: HelmSession,
  target: ReleaseTargetFile,
  options: UpgradeInstallOptions,
): Promise<PendingRecovery> {
  const subject = releaseSubject(target);
  const timeoutMs = options.timeoutMs ?? DEFAULT_HELM_TIMEOUT_MS;
  const history = await readHistory(session, target);
  const plan = planPendingRecovery(history, session.now(), options.pendingStaleAfterMs ?? timeoutMs);
  if (plan.action === 'wait') {
    throw new HubfleetError({
      kind: 'conflict',
      retryable: true,
      message: `helm release ${subject} is busy: ${plan.reason}`,
      hint: 'wait for the other operation to finish, then run the command again',
      subject,
    });
  }
  if (plan.action === 'rollback') {
    const wait = options.wait ?? true;
    await session.succeed(
      rollbackArgs({ ...target, revision: plan.revision, wait, timeoutMs }),
      'rollback',
      subject,
    );
  }
  if (plan.action === 'uninstall') {
    await session.succeed(uninstallArgs({ ...target, timeoutMs }), 'uninstall', subject);
  }
  return plan;
}

/**
 * `helm upgrade --install`, with the kubeconfig and values in private temporary files. A release
 * stuck in `pending-*` ("another operation is in progress") is recovered (rollback to the last
 * deployed revision, or uninstall if none ever deployed) and the upgrade tried once more.
 */
export function upgradeInstall(
  session: HelmSession,
  options: UpgradeInstallOptions,
): Promise<UpgradeInstallResult> {
  const subject = releaseSubject(options);
  const files = { 'kubeconfig.yaml': options.kubeconfig, 'values.json': valuesText(options.values) };
  return session.inPrivate(files, async (paths) => {
    const target = {
      release: options.release,
      namespace: options.namespace,
      kubeconfigFile: paths['kubeconfig.yaml'] as string,
    };
    const args = upgradeInstallArgs({
      release: options.release,
      namespace: options.namespace,
      source: options,
      valuesFiles: [
        ...(options.valuesFile === undefined ? [] : [options.valuesFile]),
        paths['values.json'] as string,
      ],
      kubeconfigFile: target.kubeconfigFile,
      wait: options.wait ?? true,
      timeoutMs: options.timeoutMs ?? DEFAULT_HELM_TIMEOUT_MS,
      createNamespace: options.createNamespace ?? true,
    });
    const first = await session.run(args);
    if (first.code === 0) return { release: parseReleaseState(jsonPart(first.stdout)) };
    if (!isPendingOperationFailure(first.stderr)) {
      throw mapHelmFailure({ operation: 'upgrade --install', subject, stderr: first.stderr });
    }
    const recovery = await recoverPending(session, target, options);
    const stdout = await session.succeed(args, 'upgrade --install', subject);
    return { release: parseReleaseState(jsonPart(stdout)), recovery };
  });
}
