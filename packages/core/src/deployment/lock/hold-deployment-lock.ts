import { DEFAULT_RETRY_POLICY, type RetryPolicy, sleepOnTimers, withRetries } from '../../engine/retry.js';
import { HubfleetError } from '../../errors/index.js';
import type { DeploymentLockApiV1, DeploymentLockRecordV1, LockHolderV1 } from '../../provider/v1/index.js';
import { describeHolder, isStale, LOCK_TIMING, type LockTiming } from './lock-holder.js';

/** A lock this run holds: renewed in the background until `release`. */
export interface HeldDeploymentLock {
  holder: LockHolderV1;
  /** Aborted when the lock was lost (broken with `hubfleet unlock`, or not renewable for the expiry period). */
  lost: AbortSignal;
  release(): Promise<void>;
}

export interface HoldLockOptions {
  lock: DeploymentLockApiV1;
  deployment: string;
  holder: LockHolderV1;
  /** The host this run is on, to tell a dead holder on the same machine by its pid. */
  host: string;
  isProcessAlive: (pid: number) => boolean;
  /** A line for the person running the command (taking over a stale lock, losing the lock). */
  notify: (message: string) => void;
  now?: () => Date;
  timing?: LockTiming;
  /** Each lock call is retried on throttling and transient failures, as steps are. @default DEFAULT_RETRY_POLICY */
  retry?: RetryPolicy;
}

/** The same lock, each call retried while its failure is transient (the cloud is having a bad minute). */
function retrying(lock: DeploymentLockApiV1, policy: RetryPolicy): DeploymentLockApiV1 {
  const runtime = { policy, sleep: sleepOnTimers, random: Math.random };
  return {
    location: lock.location,
    read: () => withRetries(() => lock.read(), runtime),
    create: (holder) => withRetries(() => lock.create(holder), runtime),
    replace: (version, holder) => withRetries(() => lock.replace(version, holder), runtime),
    delete: (version) => withRetries(() => lock.delete(version), runtime),
  };
}

/** Rounds of create-then-look before giving up: each round ends only when the lock changed meanwhile. */
const ROUNDS = 5;

function refused(deployment: string, record: DeploymentLockRecordV1, now: Date, timing: LockTiming) {
  return new HubfleetError({
    kind: 'refused',
    message: `deployment "${deployment}" is locked: ${describeHolder(record.holder, now)}; nothing was changed`,
    hint: `wait for that run to finish. If it died, its lock counts as stale ${Math.round(timing.expiryMs / 60_000)} minutes after its last heartbeat (at once on its own host); to break it now: hubfleet unlock -c <config>`,
    subject: `lock/${deployment}`,
  });
}

/** Take the lock, or take over a stale one; a live holder is refused at once (exit 3), naming who holds it. */
async function acquire(options: HoldLockOptions, timing: LockTiming, now: () => Date): Promise<string> {
  const { lock, holder } = options;
  for (let round = 0; round < ROUNDS; round += 1) {
    const created = await lock.create(holder);
    if (created !== undefined) return created;
    const record = await lock.read();
    if (record === undefined) continue; // released between the two calls: try again
    // Our own create, whose answer was lost and whose retry met the lock it had made.
    if (record.holder.id === holder.id) return record.version;
    if (
      !isStale(
        record.holder,
        { now: now(), host: options.host, isProcessAlive: options.isProcessAlive },
        timing,
      )
    ) {
      throw refused(options.deployment, record, now(), timing);
    }
    const taken = await lock.replace(record.version, holder);
    if (taken !== undefined) {
      options.notify(`took over the stale lock of ${describeHolder(record.holder, now())}`);
      return taken;
    }
  }
  throw new HubfleetError({
    kind: 'unavailable',
    message: `the lock of "${options.deployment}" at ${lock.location} kept changing while hubfleet tried to take it`,
    hint: 'another run is starting or stopping on this deployment; try again in a minute',
    subject: `lock/${options.deployment}`,
  });
}

/** The lock's version while it is still ours (a renewal whose answer was lost made a new one), else undefined. */
async function stillOurs(lock: DeploymentLockApiV1, holder: LockHolderV1): Promise<string | undefined> {
  const record = await lock.read();
  return record?.holder.id === holder.id ? record.version : undefined;
}

/**
 * Hold the deployment's lock for one `up` or `down`: take it (or a stale one), renew it every
 * heartbeat, and release it at the end. Losing it meanwhile aborts `lost`, so the run starts no
 * further steps. Every write is conditional on the version this run last saw, so it never renews
 * or deletes someone else's lock.
 */
export async function holdDeploymentLock(given: HoldLockOptions): Promise<HeldDeploymentLock> {
  const options = { ...given, lock: retrying(given.lock, given.retry ?? DEFAULT_RETRY_POLICY) };
  const timing = options.timing ?? LOCK_TIMING;
  const now = options.now ?? (() => new Date());
  const { lock } = options;
  let holder = options.holder;
  let version = await acquire(options, timing, now);
  const lost = new AbortController();
  let lastRenewal = now().getTime();
  let renewing: Promise<void> = Promise.resolve();

  const loseLock = (why: string) => {
    if (lost.signal.aborted) return;
    options.notify(`lost the lock of "${options.deployment}" (${why}): starting no further steps`);
    lost.abort(
      new HubfleetError({ kind: 'interrupted', message: `lost the lock of "${options.deployment}": ${why}` }),
    );
  };
  const renew = async () => {
    const renewed = { ...holder, heartbeatAt: now().toISOString() };
    try {
      const next = (await lock.replace(version, renewed)) ?? (await stillOurs(lock, renewed));
      if (next === undefined) return loseLock('another run or `hubfleet unlock` replaced it');
      version = next;
      holder = renewed;
      lastRenewal = now().getTime();
    } catch {
      // The cloud did not answer this time; the next heartbeat tries again, until the expiry.
      if (now().getTime() - lastRenewal > timing.expiryMs) loseLock('it could not be renewed');
    }
  };
  const timer = setInterval(() => {
    if (!lost.signal.aborted) renewing = renewing.then(renew);
  }, timing.heartbeatMs);
  timer.unref();

  return {
    get holder() {
      return holder;
    },
    lost: lost.signal,
    async release() {
      clearInterval(timer);
      await renewing;
      if (lost.signal.aborted) return;
      if (await lock.delete(version)) return;
      const current = await stillOurs(lock, holder);
      if (current !== undefined && (await lock.delete(current))) return;
      options.notify(`the lock of "${options.deployment}" was no longer this run's: left as it is`);
    },
  };
}
