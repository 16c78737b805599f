import type { DeploymentLockRecordV1, LockHolderV1 } from './lock.js';

/**
 * The lock record a provider reads back from its cloud: the holder its body names, or, when the body
 * is not a holder hubfleet wrote, a holder "unknown" — an unreadable lock is still a lock, shown so
 * until it expires (`modifiedAt` stands for its heartbeat) or is broken with `hubfleet unlock`.
 */
export function lockRecordOf(body: string, version: string, modifiedAt?: Date): DeploymentLockRecordV1 {
  return { version, holder: parseHolder(body) ?? unknownHolder(version, modifiedAt) };
}

function parseHolder(body: string): LockHolderV1 | undefined {
  try {
    const parsed = JSON.parse(body) as Partial<LockHolderV1>;
    return typeof parsed.id === 'string' && typeof parsed.heartbeatAt === 'string'
      ? (parsed as LockHolderV1)
      : undefined;
  } catch {
    return undefined;
  }
}

function unknownHolder(version: string, modifiedAt?: Date): LockHolderV1 {
  return {
    id: `unreadable-${version}`,
    user: 'unknown',
    host: 'unknown',
    pid: 0,
    command: 'unknown',
    startedAt: 'unknown',
    heartbeatAt:
      modifiedAt === undefined || Number.isNaN(modifiedAt.getTime()) ? 'unknown' : modifiedAt.toISOString(),
  };
}
