import { randomUUID } from 'node:crypto';
import { hostname, userInfo } from 'node:os';
import { printable } from '../../errors/index.js';
import type { LockHolderV1 } from '../../provider/v1/index.js';

export interface LockTiming {
  /** How often the holder renews the lock. */
  heartbeatMs: number;
  /** A lock not renewed for this long belongs to a run that died (or lost its network). */
  expiryMs: number;
}

/** Renew every 30 s; stale after 5 minutes without a renewal (ten missed heartbeats, clocks a little apart). */
export const LOCK_TIMING: LockTiming = { heartbeatMs: 30_000, expiryMs: 5 * 60_000 };

/** This run, as the lock records it. */
export function newLockHolder(command: string, now: Date = new Date()): LockHolderV1 {
  let user = process.env.USER ?? 'unknown';
  try {
    user = userInfo().username;
  } catch {
    // No passwd entry for this uid (some containers): keep $USER.
  }
  const at = now.toISOString();
  return {
    id: randomUUID(),
    user,
    host: hostname(),
    pid: process.pid,
    command: command.slice(0, 300),
    startedAt: at,
    heartbeatAt: at,
  };
}

export interface StaleCheck {
  now: Date;
  /** This machine's host name. */
  host: string;
  isProcessAlive: (pid: number) => boolean;
}

/** A holder that stopped renewing, or whose process on this very host is gone (SIGKILL, power loss). */
export function isStale(holder: LockHolderV1, check: StaleCheck, timing: LockTiming): boolean {
  const heartbeat = Date.parse(holder.heartbeatAt);
  if (!Number.isFinite(heartbeat) || check.now.getTime() - heartbeat > timing.expiryMs) return true;
  return holder.host === check.host && !check.isProcessAlive(holder.pid);
}

function ago(from: string, now: Date): string {
  const seconds = Math.max(0, Math.round((now.getTime() - Date.parse(from)) / 1000));
  if (!Number.isFinite(seconds)) return 'at an unknown time';
  return seconds < 120 ? `${seconds} s ago` : `${Math.round(seconds / 60)} min ago`;
}

/** `alice@laptop (pid 4242) running "hubfleet up …" since 2026-12-02T06:00:00.000Z, last heartbeat 3 s ago`, every field escaped. */
export function describeHolder(holder: LockHolderV1, now: Date): string {
  return `${printable(holder.user, 40)}@${printable(holder.host, 60)} (pid ${Number(holder.pid)}) running "${printable(holder.command, 120)}" since ${printable(holder.startedAt, 40)}, last heartbeat ${ago(holder.heartbeatAt, now)}`;
}
