import { describe, expect, it } from 'vitest';
import { assertHostUntouched, hostChanges, snapshotHost } from './host-snapshot.js';

describe('host snapshot: what a test run must leave as it was', () => {
  it('reads swap, the bootstrap sysctls, modules and the watched /etc paths, and equals itself', async () => {
    const before = await snapshotHost();
    expect(Object.keys(before.sysctls)).toContain('net/ipv4/ip_forward');
    expect(Object.keys(before.trees)).toEqual(
      expect.arrayContaining(['/etc/fstab', '/etc/apt', '/etc/sysctl.d']),
    );
    expect(before.digest).toMatch(/^[0-9a-f]{64}$/);
    await assertHostUntouched(before);
  });

  it('names each difference: a sysctl, swap, a file under a watched path', async () => {
    const before = await snapshotHost();
    const after = {
      ...before,
      swaps: `${before.swaps}/swapfile file 2G 0 -2\n`,
      sysctls: { ...before.sysctls, 'net/ipv4/ip_forward': 'changed' },
      trees: {
        ...before.trees,
        '/etc/sysctl.d': [...(before.trees['/etc/sysctl.d'] ?? []), '/etc/sysctl.d/99-x.conf 33188 10 1'],
      },
    };
    const changes = hostChanges(before, after);
    expect(changes).toHaveLength(3);
    expect(changes.join('\n')).toContain('sysctl net/ipv4/ip_forward');
    expect(changes.join('\n')).toContain('/etc/sysctl.d: now /etc/sysctl.d/99-x.conf');
  });
});
