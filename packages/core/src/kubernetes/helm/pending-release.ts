import type { HelmReleaseStatus, HelmRevision } from './helm-types.js';

const PENDING: ReadonlySet<HelmReleaseStatus> = new Set([
  'pending-install',
  'pending-upgrade',
  'pending-rollback',
]);

export function isPendingStatus(status: HelmReleaseStatus): boolean {
  return PENDING.has(status);
}

/** What to do about a release helm says is busy. */
export type PendingRecovery =
  /** Go back to the last revision that deployed. */
  | { action: 'rollback'; revision: number; reason: string }
  /** It never deployed: remove it so a fresh install can start. */
  | { action: 'uninstall'; reason: string }
  /** The pending operation is recent: it may still be running (another hubfleet, a CI job); leave it. */
  | { action: 'wait'; since: Date; reason: string }
  /** Nothing is stuck any more (the other operation finished, or the release is gone): just try again. */
  | { action: 'retry'; reason: string };

/**
 * Decide how to unstick a release from its history. A pending revision younger than `staleAfterMs`
 * may belong to an operation that is still running, so it is left alone; an older one was
 * abandoned (an interrupted run) and is rolled back to the last deployed revision, or uninstalled
 * when no revision ever deployed.
 */
export function planPendingRecovery(
  history: readonly HelmRevision[],
  now: Date,
  staleAfterMs: number,
): PendingRecovery {
  const latest = history.at(-1);
  if (latest === undefined) return { action: 'retry', reason: 'the release has no history any more' };
  if (latest.status === 'deployed') {
    return { action: 'retry', reason: `revision ${latest.revision} is deployed now` };
  }
  if (isPendingStatus(latest.status) && latest.updated !== undefined) {
    const ageMs = now.getTime() - latest.updated.getTime();
    if (ageMs < staleAfterMs) {
      return {
        action: 'wait',
        since: latest.updated,
        reason: `revision ${latest.revision} has been ${latest.status} only since ${latest.updated.toISOString()}; another operation may still be running`,
      };
    }
  }
  const deployed = history
    .slice(0, -1)
    .reverse()
    .find((revision) => revision.status === 'deployed' || revision.status === 'superseded');
  if (deployed !== undefined) {
    return {
      action: 'rollback',
      revision: deployed.revision,
      reason: `revision ${latest.revision} is ${latest.status}; rolling back to revision ${deployed.revision}, the last that deployed`,
    };
  }
  return {
    action: 'uninstall',
    reason: `no revision of the release ever deployed (revision ${latest.revision} is ${latest.status}); removing it so it can be installed afresh`,
  };
}
