import { describe, expect, it } from 'vitest';
import { exitCodeFor } from '../../errors/index.js';
import type { DeploymentLockApiV1, LockHolderV1 } from '../../provider/v1/index.js';
import { holdDeploymentLock } from './hold-deployment-lock.js';

/** A lock store with the cloud's compare-and-swap semantics, and a way to lose one answer. */
function memoryLock() {
  let stored: { holder: LockHolderV1; version: string } | undefined;
  let writes = 0;
  let loseNextCreateAnswer = false;
  const api: DeploymentLockApiV1 = {
    location: 'memory://lock',
    read: async () => stored && structuredClone(stored),
    async create(holder) {
      if (stored !== undefined) return undefined;
      writes += 1;
      stored = { holder, version: `v${writes}` };
      if (loseNextCreateAnswer) {
        // The answer was lost; the SDK's retry met the object this very call had written: 412.
        loseNextCreateAnswer = false;
        return undefined;
      }
      return stored.version;
    },
    async replace(version, holder) {
      if (stored?.version !== version) return undefined;
      writes += 1;
      stored = { holder, version: `v${writes}` };
      return stored.version;
    },
    async delete(version) {
      if (stored === undefined) return true;
      if (stored.version !== version) return false;
      stored = undefined;
      return true;
    },
  };
  return {
    api,
    current: () => stored,
    loseNextCreateAnswer: () => {
      loseNextCreateAnswer = true;
    },
  };
}

const NOW = new Date('2026-12-02T06:00:00Z');

function holder(id: string, overrides: Partial<LockHolderV1> = {}): LockHolderV1 {
  return {
    id,
    user: 'alice',
    host: 'laptop',
    pid: 100,
    command: 'hubfleet up -c hubfleet.yaml',
    startedAt: NOW.toISOString(),
    heartbeatAt: NOW.toISOString(),
    ...overrides,
  };
}

function options(lock: DeploymentLockApiV1, who: LockHolderV1, notes: string[] = []) {
  return {
    lock,
    deployment: 'prod-green',
    holder: who,
    host: 'laptop',
    isProcessAlive: () => true,
    notify: (note: string) => notes.push(note),
    now: () => NOW,
  };
}

describe('holdDeploymentLock', () => {
  it('a second run is refused at once (exit 3) naming the holder; after release it may take it', async () => {
    const memory = memoryLock();
    const first = await holdDeploymentLock(options(memory.api, holder('one')));
    const refusal = await holdDeploymentLock(options(memory.api, holder('two', { user: 'bob' }))).catch(
      (error) => error,
    );
    expect(exitCodeFor(refusal)).toBe(3);
    expect(refusal.message).toContain(
      'alice@laptop (pid 100) running "hubfleet up -c hubfleet.yaml" since 2026-12-02T06:00:00.000Z',
    );
    expect(refusal.hint).toContain('hubfleet unlock');
    expect(memory.current()?.holder.id).toBe('one');
    await first.release();
    expect(memory.current()).toBeUndefined();
    const second = await holdDeploymentLock(options(memory.api, holder('two')));
    expect(memory.current()?.holder.id).toBe('two');
    await second.release();
  });

  it('a create whose answer was lost is recognised as its own lock, not as someone else’s', async () => {
    const memory = memoryLock();
    memory.loseNextCreateAnswer();
    const held = await holdDeploymentLock(options(memory.api, holder('one')));
    expect(memory.current()?.holder.id).toBe('one');
    expect(held.lost.aborted).toBe(false);
    await held.release();
    expect(memory.current()).toBeUndefined();
  });

  it('takes over a lock whose heartbeat is older than the expiry, or whose process on this host is gone', async () => {
    const memory = memoryLock();
    await memory.api.create(holder('dead', { heartbeatAt: '2026-12-02T05:50:00Z', host: 'elsewhere' }));
    const notes: string[] = [];
    const held = await holdDeploymentLock(options(memory.api, holder('new'), notes));
    expect(memory.current()?.holder.id).toBe('new');
    expect(notes[0]).toContain('took over the stale lock of alice@elsewhere');
    await held.release();

    await memory.api.create(holder('killed', { pid: 4242 }));
    const alive = (pid: number) => pid !== 4242;
    const again = await holdDeploymentLock({ ...options(memory.api, holder('next')), isProcessAlive: alive });
    expect(memory.current()?.holder.id).toBe('next');
    await again.release();
  });

  it('a live holder on another host with a fresh heartbeat is never taken over', async () => {
    const memory = memoryLock();
    await memory.api.create(holder('other', { host: 'ci-runner', heartbeatAt: '2026-12-02T05:58:00Z' }));
    const refusal = await holdDeploymentLock({
      ...options(memory.api, holder('me')),
      isProcessAlive: () => false,
    }).catch((error) => error);
    expect(exitCodeFor(refusal)).toBe(3);
    expect(memory.current()?.holder.id).toBe('other');
  });

  it('renews on each heartbeat, and aborts `lost` once the lock was broken under it', async () => {
    const memory = memoryLock();
    const notes: string[] = [];
    const held = await holdDeploymentLock({
      ...options(memory.api, holder('one'), notes),
      timing: { heartbeatMs: 5, expiryMs: 60_000 },
    });
    const first = memory.current()?.version;
    await expect.poll(() => memory.current()?.version).not.toBe(first);
    // `hubfleet unlock` from elsewhere, then someone else takes it.
    await memory.api.delete(memory.current()?.version as string);
    await memory.api.create(holder('intruder'));
    await expect.poll(() => held.lost.aborted).toBe(true);
    expect(notes.join('\n')).toContain('lost the lock');
    await held.release();
    expect(memory.current()?.holder.id).toBe('intruder');
  });
});
