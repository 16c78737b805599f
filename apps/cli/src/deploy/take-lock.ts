import { hostname } from 'node:os';
import { isProcessAlive } from '@hubfleet/core';
import { holdDeploymentLock, newLockHolder } from '@hubfleet/core/deployment';
import type { OpenDeployment } from './open-deployment.js';

/** The lock a mutating command holds from before its first change until its end. */
export interface CommandLock {
  /** Aborted when the lock is lost mid-run: the run then starts no further steps. */
  lost?: AbortSignal;
  release(): Promise<void>;
}

const notify = (message: string) => process.stderr.write(`${message}\n`);

/**
 * Take the deployment's lock for `up` or `down`, or refuse at once (exit 3) naming who holds it.
 * A provider without a lock (the contract's documented fallback) runs unlocked, with a warning.
 */
export async function takeDeploymentLock(open: OpenDeployment): Promise<CommandLock> {
  const lock = open.session.lock;
  if (lock === undefined) {
    notify(
      `warning: the ${open.provider.displayName} provider keeps no deployment lock: nothing stops another run on "${open.config.name}" meanwhile`,
    );
    return { release: async () => {} };
  }
  const held = await holdDeploymentLock({
    lock,
    deployment: open.config.name,
    holder: newLockHolder(['hubfleet', ...process.argv.slice(2)].join(' ')),
    host: hostname(),
    isProcessAlive,
    notify,
    ...(open.retry === undefined ? {} : { retry: open.retry }),
  });
  return { lost: held.lost, release: () => held.release() };
}
