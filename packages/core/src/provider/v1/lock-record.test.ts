import { describe, expect, it } from 'vitest';
import { lockRecordOf } from './lock-record.js';

describe('a lock record read back from the cloud', () => {
  it('carries the holder hubfleet wrote, at the version the cloud gave it', () => {
    const holder = {
      id: 'run-1',
      user: 'alice',
      host: 'laptop',
      pid: 42,
      command: 'hubfleet up',
      startedAt: '2026-12-02T08:00:00.000Z',
      heartbeatAt: '2026-12-02T08:01:00.000Z',
    };
    expect(lockRecordOf(JSON.stringify(holder), '"etag-1"')).toEqual({ version: '"etag-1"', holder });
  });

  it('is held by "unknown" when the body is not a holder, its heartbeat the last modification', () => {
    const record = lockRecordOf('not json', '1733126400000001', new Date('2026-12-02T08:05:00Z'));
    expect(record.holder).toMatchObject({
      id: 'unreadable-1733126400000001',
      user: 'unknown',
      heartbeatAt: '2026-12-02T08:05:00.000Z',
    });
    expect(lockRecordOf('{"id": 3}', 'v').holder.heartbeatAt).toBe('unknown');
  });
});
