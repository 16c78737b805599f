import type { DeploymentLockApiV1, LockHolderV1 } from '@hubfleet/core';
import { type HeldDeploymentLock, holdDeploymentLock } from '@hubfleet/core/deployment';

/** A lock holder on host `laptop` in this process, as `newLockHolder` makes one for a run. */
export function lockHolder(id: string, user: string): LockHolderV1 {
  const at = new Date().toISOString();
  return {
    id,
    user,
    host: 'laptop',
    pid: process.pid,
    command: 'hubfleet up',
    startedAt: at,
    heartbeatAt: at,
  };
}

/** Take a provider's lock as core does for `up` (every holder alive): held, or refused naming the holder. */
export function holdLockAs(
  lock: DeploymentLockApiV1,
  deployment: string,
  holder: LockHolderV1,
): Promise<HeldDeploymentLock> {
  return holdDeploymentLock({
    lock,
    deployment,
    holder,
    host: 'laptop',
    isProcessAlive: () => true,
    notify: () => {},
  });
}
