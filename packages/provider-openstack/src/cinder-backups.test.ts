import type { ObservedVolumeV1 } from '@hubfleet/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { caught } from '../test/caught.js';
import { type CinderWorld, startCinderWorld } from '../test/cinder-world.js';

vi.setConfig({ testTimeout: 60_000 });

const SECOND = 1_000;
const worlds: CinderWorld[] = [];
afterEach(async () => {
  for (const world of worlds.splice(0)) await world.close();
});

async function world(...args: Parameters<typeof startCinderWorld>): Promise<CinderWorld> {
  const started = await startCinderWorld(...args);
  worlds.push(started);
  return started;
}

/** The hub's shared-nfs volume, made and available (Cinder takes 10 s in the fake). */
async function hubVolume(at: CinderWorld): Promise<ObservedVolumeV1> {
  const hub = at.deployment.config.hubs[0];
  if (hub === undefined) throw new Error('the STFC config has a hub');
  const created = await at.volumes.create(hub);
  at.clock.advance(10 * SECOND);
  const [listed] = await at.volumes.list();
  expect(listed).toMatchObject({ id: created.id, status: 'available' });
  return listed as ObservedVolumeV1;
}

describe('onDelete: snapshot on OpenStack: a Cinder volume backup, which outlives the volume', () => {
  it('is pending while the volume is backing-up (not deletable), completes, and stays after the volume is deleted', async () => {
    const at = await world('backups');
    const volume = await hubVolume(at);
    const { snapshotId } = await at.volumes.snapshot(volume);

    const record = at.cinder.state.backups[snapshotId];
    expect(record?.name).toMatch(new RegExp(`^backups-${volume.hub}-\\d{14}$`));
    expect(record).toMatchObject({ volumeId: volume.id, incremental: false });
    expect(record?.metadata).toMatchObject({
      'hubfleet.io/deployment': 'backups',
      'hubfleet.io/hub': volume.hub,
      'hubfleet.io/source-volume': volume.id,
    });
    expect(await at.volumes.snapshotStatus?.(snapshotId)).toBe('pending');
    expect(await at.volumes.findSnapshot?.(volume)).toEqual({
      id: snapshotId,
      volumeId: volume.id,
      status: 'pending',
    });
    // Busy while the copy is made: listed in use, and Cinder refuses the delete (core waits first).
    expect((await at.volumes.list())[0]?.status).toBe('in-use');
    const refused = await caught(() => at.volumes.delete(volume));
    expect(refused).toMatchObject({ kind: 'conflict', retryable: true, subject: `volume/${volume.hub}` });

    at.clock.advance(60 * SECOND);
    expect(await at.volumes.snapshotStatus?.(snapshotId)).toBe('completed');
    expect((await at.volumes.list())[0]?.status).toBe('available');
    await at.volumes.delete(volume);
    at.clock.advance(5 * SECOND);
    expect(await at.volumes.list()).toEqual([]);
    // The volume is gone; its backup is still there, found by the volume's id.
    expect(await at.volumes.findSnapshot?.(volume)).toEqual({
      id: snapshotId,
      volumeId: volume.id,
      status: 'completed',
    });
    expect(await at.volumes.snapshotStatus?.('00000000-0000-0000-0000-000000000000')).toBeUndefined();
  });

  it('before volume 3.43 (no backup metadata) finds its backup by name, and ignores one someone else took', async () => {
    const at = await world('old-cinder', { cinderMicroversion: '3.42' });
    const volume = await hubVolume(at);
    const cinder = await at.deployment.services.cinder();
    await cinder.request({
      method: 'POST',
      path: '/backups',
      body: { backup: { volume_id: volume.id, name: 'nightly' } },
    });
    at.clock.advance(60 * SECOND);
    expect(await at.volumes.findSnapshot?.(volume)).toBeUndefined();
    const { snapshotId } = await at.volumes.snapshot(volume);
    expect(at.cinder.state.backups[snapshotId]?.metadata).toEqual({});
    expect((await at.volumes.findSnapshot?.(volume))?.id).toBe(snapshotId);
  });

  it('a backup that fails is reported as error, so core keeps the volume', async () => {
    const at = await world('failing-backup');
    const volume = await hubVolume(at);
    at.cinder.fake.failNext('create-backup');
    const { snapshotId } = await at.volumes.snapshot(volume);
    at.clock.advance(60 * SECOND);
    expect(await at.volumes.snapshotStatus?.(snapshotId)).toBe('error');
    expect((await at.volumes.findSnapshot?.(volume))?.status).toBe('error');
  });
});

describe('Cinder backup errors in the hub’s words (api-ref block-storage v3 "Create a backup")', () => {
  it('413 BackupLimitExceeded: quota, not retryable, the volume kept, a hint to free backups or keep the volume', async () => {
    const at = await world('backup-quota', { quotas: { backups: 0 } });
    const volume = await hubVolume(at);
    const error = await caught(() => at.volumes.snapshot(volume));
    expect(error).toMatchObject({ kind: 'quota', retryable: false, subject: `volume/${volume.hub}` });
    expect(error.message).toContain('backup quota');
    expect(error.message).toContain('Maximum number of backups allowed (0)');
    expect(error.hint).toContain('openstack volume backup list');
    expect(error.hint).toContain(`hubs.${volume.hub}.storage.onDelete: retain`);
  });

  it('413 VolumeBackupSizeExceedsAvailableQuota: quota as well', async () => {
    const at = await world('backup-gigabytes', { quotas: { backupGigabytes: 1 } });
    const volume = await hubVolume(at);
    const error = await caught(() => at.volumes.snapshot(volume));
    expect(error).toMatchObject({ kind: 'quota', retryable: false });
    expect(error.message).toContain('Backup gigabytes quota');
  });

  it('503 "Service cinder-backup could not be found": unavailable, not retried by core, onDelete: retain suggested', async () => {
    const at = await world('no-backup-service', { backupService: false });
    const volume = await hubVolume(at);
    const error = await caught(() => at.volumes.snapshot(volume));
    expect(error).toMatchObject({ kind: 'unavailable', retryable: false, subject: `volume/${volume.hub}` });
    expect(error.message).toContain('no Cinder backup service');
    expect(error.hint).toContain('onDelete: retain');
    expect(at.cinder.state.volumes[volume.id]?.status).toBe('available');
  });

  it('400 "Invalid volume" while the volume is busy: a retryable conflict naming the hub', async () => {
    const at = await world('busy-volume');
    const volume = await hubVolume(at);
    const record = at.cinder.state.volumes[volume.id];
    if (record === undefined) throw new Error('the volume exists');
    record.status = 'detaching';
    const error = await caught(() => at.volumes.snapshot(volume));
    expect(error).toMatchObject({ kind: 'conflict', retryable: true, subject: `volume/${volume.hub}` });
    expect(error.message).toContain('busy');
  });
});
