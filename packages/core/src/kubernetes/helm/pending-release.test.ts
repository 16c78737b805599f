import { describe, expect, it } from 'vitest';
import type { HelmReleaseStatus, HelmRevision } from './helm-types.js';
import { isPendingStatus, planPendingRecovery } from './pending-release.js';

const now = new Date('2026-11-21T12:00:00Z');
const revision = (number: number, status: HelmReleaseStatus, minutesAgo = 60): HelmRevision => ({
  revision: number,
  status,
  updated: new Date(now.getTime() - minutesAgo * 60_000),
  chart: 'c-1.0.0',
  appVersion: '1',
  description: undefined,
});
const TEN_MINUTES = 10 * 60_000;

describe('pending release recovery', () => {
  it('knows the three pending states', () => {
    expect(
      ['pending-install', 'pending-upgrade', 'pending-rollback'].every((s) =>
        isPendingStatus(s as HelmReleaseStatus),
      ),
    ).toBe(true);
    expect(isPendingStatus('deployed')).toBe(false);
    expect(isPendingStatus('failed')).toBe(false);
  });

  it('rolls an abandoned upgrade back to the last deployed revision', () => {
    const history = [
      revision(1, 'superseded'),
      revision(2, 'deployed'),
      revision(3, 'failed'),
      revision(4, 'pending-upgrade'),
    ];
    expect(planPendingRecovery(history, now, TEN_MINUTES)).toMatchObject({ action: 'rollback', revision: 2 });
  });

  it('uninstalls a release that never deployed', () => {
    expect(planPendingRecovery([revision(1, 'pending-install')], now, TEN_MINUTES)).toMatchObject({
      action: 'uninstall',
    });
    expect(planPendingRecovery([revision(1, 'failed')], now, TEN_MINUTES)).toMatchObject({
      action: 'uninstall',
    });
  });

  it('leaves a recent pending operation alone: it may still be running', () => {
    const plan = planPendingRecovery(
      [revision(1, 'deployed'), revision(2, 'pending-upgrade', 2)],
      now,
      TEN_MINUTES,
    );
    expect(plan).toMatchObject({ action: 'wait' });
    expect(plan.reason).toContain('another operation may still be running');
  });

  it('just retries when the release is deployed again or gone', () => {
    expect(planPendingRecovery([revision(1, 'deployed')], now, TEN_MINUTES).action).toBe('retry');
    expect(planPendingRecovery([], now, TEN_MINUTES).action).toBe('retry');
  });
});
