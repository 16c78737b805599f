import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBackup, deleteBackup, getBackup, listBackups } from '../src/cinder/cinder-backups.js';
import { createVolume, deleteVolume, getVolume } from '../src/cinder/cinder-volumes.js';
import { cinderClient, SECOND, startCinder } from './cinder-world.js';
import { type FakeWorld, failure, startFakeWorld } from './fake-world.js';
import { expectFaultHandling } from './fault-cases.js';
import type { ServiceWorld } from './service-world.js';

let world: FakeWorld;
let cinderFake: Awaited<ReturnType<typeof startCinder>>;
beforeEach(async () => {
  world = await startFakeWorld();
  cinderFake = await startCinder(world, { quotas: { backups: 3 } });
});
afterEach(() => world.close());

const OWNER = { 'hubfleet.io/deployment': 'physics', 'hubfleet.io/hub': 'jhub' };
const BACKUP_TIME = 60 * SECOND;

async function availableVolume(): Promise<string> {
  const cinder = await cinderClient(world);
  const { id } = await createVolume(cinder, { size: 2, name: 'home' });
  world.clock.advance(10 * SECOND);
  return id;
}

describe('Cinder backups through the client, against the Cinder fake', () => {
  it('creates a backup with metadata (3.64), waits creating → available, and keeps it after the volume goes', async () => {
    const cinder = await cinderClient(world);
    const volumeId = await availableVolume();
    const created = await createBackup(cinder, {
      volume_id: volumeId,
      name: 'physics-jhub',
      description: 'hub jhub',
      force: true,
      metadata: OWNER,
    });
    expect(created.name).toBe('physics-jhub');
    expect(await getBackup(cinder, created.id)).toMatchObject({
      status: 'creating',
      volumeId,
      size: 2,
      incremental: false,
      metadata: OWNER,
    });
    expect((await getVolume(cinder, volumeId)).status).toBe('backing-up');
    expect(await failure(deleteVolume(cinder, volumeId))).toMatchObject({ kind: 'conflict', status: 400 });

    world.clock.advance(BACKUP_TIME);
    expect((await getBackup(cinder, created.id)).status).toBe('available');
    expect(await deleteVolume(cinder, volumeId)).toBe(true);
    world.clock.advance(5 * SECOND);
    const [listed] = await listBackups(cinder, { volumeId });
    expect(listed).toMatchObject({ id: created.id, status: 'available', failReason: null });

    expect(await deleteBackup(cinder, created.id)).toBe(true);
    world.clock.advance(10 * SECOND);
    expect(await failure(getBackup(cinder, created.id))).toMatchObject({ kind: 'not-found', status: 404 });
    expect(await deleteBackup(cinder, created.id)).toBe(false);
  });

  it('maps Cinder’s backup errors: 413 quota (not retried), 503 without cinder-backup, 400 on a busy volume', async () => {
    const cinder = await cinderClient(world);
    const volumeId = await availableVolume();
    const inService = (operation: string) => world.callLog.count({ service: 'cinder', operation });

    cinderFake.fake.settings.backupService = false;
    const unavailable = await failure(createBackup(cinder, { volume_id: volumeId }));
    expect(unavailable).toMatchObject({ kind: 'unavailable', status: 503 });
    expect(unavailable?.message).toContain('Service cinder-backup could not be found');
    cinderFake.fake.settings.backupService = true;

    await createBackup(cinder, { volume_id: volumeId });
    const busy = await failure(createBackup(cinder, { volume_id: volumeId }));
    expect(busy).toMatchObject({ kind: 'conflict', status: 400 });
    world.clock.advance(BACKUP_TIME);
    await createBackup(cinder, { volume_id: volumeId, incremental: true });
    world.clock.advance(BACKUP_TIME);
    await createBackup(cinder, { volume_id: volumeId });
    world.clock.advance(BACKUP_TIME);
    const before = inService('CreateBackup');
    const overQuota = await failure(createBackup(cinder, { volume_id: volumeId }));
    expect(overQuota).toMatchObject({ kind: 'quota', status: 413, retryable: false });
    expect(overQuota?.message).toContain('Maximum number of backups allowed (3)');
    expect(inService('CreateBackup')).toBe(before + 1);
  });

  it('fails fast on quota and retries throttling and 503 through, for each backup call', async () => {
    const cinder = await cinderClient(world);
    const volumeId = await availableVolume();
    let backup = '';
    await expectFaultHandling(world as unknown as ServiceWorld, 'cinder', [
      {
        operation: 'CreateBackup',
        call: async () => {
          backup = (await createBackup(cinder, { volume_id: volumeId })).id;
          world.clock.advance(BACKUP_TIME);
        },
      },
      { operation: 'ListBackupDetails', call: () => listBackups(cinder, { volumeId }) },
      { operation: 'ShowBackup', call: () => getBackup(cinder, backup) },
      { operation: 'DeleteBackup', call: () => deleteBackup(cinder, backup) },
    ]);
  });
});
