import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createManualClock } from '../../framework/clock.js';
import { DEFAULT_KEYSTONE_IDENTITY } from '../keystone/keystone-state.js';
import { type RunningCinderFake, type StartCinderFakeOptions, startCinderFake } from './cinder-fake.js';

const PROJECT = DEFAULT_KEYSTONE_IDENTITY.project.id;
const OWNER = { 'hubfleet.io/deployment': 'physics', 'hubfleet.io/hub': 'jhub' };
let clock: ReturnType<typeof createManualClock>;
let cinder: RunningCinderFake | undefined;

async function start(options: Partial<StartCinderFakeOptions> = {}): Promise<RunningCinderFake> {
  cinder = await startCinderFake({ clock, ...options });
  return cinder;
}

beforeEach(() => {
  clock = createManualClock();
});
afterEach(async () => {
  await cinder?.close();
  cinder = undefined;
});

async function call(method: string, path: string, body?: unknown, version = '3.64') {
  const response = await fetch(`${cinder?.url}/v3/${PROJECT}${path}`, {
    method,
    headers: {
      'x-auth-token': 'token',
      'content-type': 'application/json',
      'openstack-api-version': `volume ${version}`,
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined };
}

const volumeStatus = async (id: string) => (await call('GET', `/volumes/${id}`)).body.volume.status;

/** An available 5 GiB volume. */
async function volume(): Promise<string> {
  const created = await call('POST', '/volumes', { volume: { size: 5, name: 'home' } });
  clock.advance(10_000);
  const id = created.body.volume.id as string;
  expect(await volumeStatus(id)).toBe('available');
  return id;
}

describe('Cinder fake backups (api-ref block-storage v3 "Backups")', () => {
  it('creating → available while the volume is backing-up and cannot be deleted; the backup outlives the volume', async () => {
    await start();
    const id = await volume();
    const created = await call('POST', '/backups', {
      backup: { volume_id: id, name: 'physics-jhub', description: 'hub jhub', metadata: OWNER },
    });
    expect(created.status).toBe(202);
    const backupId = created.body.backup.id as string;
    expect(Object.keys(created.body.backup).sort()).toEqual(['id', 'links', 'name']);
    expect(await volumeStatus(id)).toBe('backing-up');

    const refused = await call('DELETE', `/volumes/${id}`);
    expect(refused.status).toBe(400);
    expect(refused.body.badRequest.message).toMatch(/^Invalid volume/);

    expect((await call('GET', `/backups/${backupId}`)).body.backup).toMatchObject({
      status: 'creating',
      volume_id: id,
      size: 5,
      metadata: OWNER,
      is_incremental: false,
      fail_reason: null,
    });
    clock.advance(60_000);
    expect((await call('GET', `/backups/${backupId}`)).body.backup.status).toBe('available');
    expect(await volumeStatus(id)).toBe('available');

    expect((await call('DELETE', `/volumes/${id}`)).status).toBe(202);
    clock.advance(5_000);
    expect((await call('GET', `/volumes/${id}`)).status).toBe(404);
    expect((await call('GET', `/backups/${backupId}`)).body.backup).toMatchObject({
      status: 'available',
      volume_id: id,
    });
  });

  it('backs up an in-use volume only with force, and gives it back in-use', async () => {
    const fake = await start();
    const id = await volume();
    const record = fake.state.volumes[id];
    if (record === undefined) throw new Error('the volume exists');
    record.status = 'in-use';
    const unforced = await call('POST', '/backups', { backup: { volume_id: id } });
    expect(unforced.status).toBe(400);
    expect(unforced.body.badRequest.message).toContain('must use the force flag');
    expect((await call('POST', '/backups', { backup: { volume_id: id, force: true } })).status).toBe(202);
    expect(await volumeStatus(id)).toBe('backing-up');
    const busy = await call('POST', '/backups', { backup: { volume_id: id, force: true } });
    expect(busy.body.badRequest.message).toContain('current status is "backing-up"');
    clock.advance(60_000);
    expect(await volumeStatus(id)).toBe('in-use');
  });

  it('lists by volume_id, refuses a metadata filter from 3.31, answers 404 itemNotFound for an unknown backup', async () => {
    await start();
    const first = await volume();
    const second = await volume();
    await call('POST', '/backups', { backup: { volume_id: first, name: 'a' } });
    await call('POST', '/backups', { backup: { volume_id: second, name: 'b' } });
    const listed = await call('GET', `/backups/detail?volume_id=${first}`);
    expect(listed.body.backups.map((backup: { name: string }) => backup.name)).toEqual(['a']);
    expect((await call('GET', '/backups')).body.backups).toHaveLength(2);
    const filtered = await call('GET', `/backups/detail?metadata=${encodeURIComponent('{"a":"b"}')}`);
    expect(filtered.status).toBe(400);
    expect(filtered.body.badRequest.message).toContain('Invalid filters metadata');
    const missing = await call('GET', '/backups/00000000-0000-0000-0000-000000000000');
    expect(missing.status).toBe(404);
    expect(missing.body.itemNotFound.message).toBe(
      'Backup 00000000-0000-0000-0000-000000000000 could not be found.',
    );
  });

  it('takes metadata only from 3.43, and shows it only from there', async () => {
    await start();
    const id = await volume();
    const early = await call('POST', '/backups', { backup: { volume_id: id, metadata: OWNER } }, '3.42');
    expect(early.status).toBe(400);
    const made = await call('POST', '/backups', { backup: { volume_id: id } }, '3.42');
    const shown = await call('GET', `/backups/${made.body.backup.id}`, undefined, '3.42');
    expect(shown.body.backup).not.toHaveProperty('metadata');
  });

  it('413 overLimit with Retry-After 0 past quota_backups, the volume left as it was', async () => {
    await start({ quotas: { backups: 1 } });
    const id = await volume();
    expect((await call('POST', '/backups', { backup: { volume_id: id } })).status).toBe(202);
    clock.advance(60_000);
    const overCount = await call('POST', '/backups', { backup: { volume_id: id } });
    expect(overCount.status).toBe(413);
    expect(overCount.headers.get('retry-after')).toBe('0');
    expect(overCount.body.overLimit.message).toContain('Maximum number of backups allowed (1)');
    expect(await volumeStatus(id)).toBe('available');
  });

  it('413 when the backup gigabytes quota is used up', async () => {
    await start({ quotas: { backupGigabytes: 8 } });
    const id = await volume();
    await call('POST', '/backups', { backup: { volume_id: id } });
    clock.advance(60_000);
    const over = await call('POST', '/backups', { backup: { volume_id: id } });
    expect(over.status).toBe(413);
    expect(over.body.overLimit.message).toContain('Backup gigabytes quota');
  });

  it('503 without a cinder-backup service; a failed backup ends in error with fail_reason, the volume back to available', async () => {
    const fake = await start({ backupService: false });
    const id = await volume();
    const unavailable = await call('POST', '/backups', { backup: { volume_id: id } });
    expect(unavailable.status).toBe(503);
    expect(unavailable.body.serviceUnavailable.message).toBe('Service cinder-backup could not be found.');
    expect(await volumeStatus(id)).toBe('available');

    fake.fake.settings.backupService = true;
    fake.fake.failNext('create-backup');
    const made = await call('POST', '/backups', { backup: { volume_id: id } });
    clock.advance(60_000);
    const failed = (await call('GET', `/backups/${made.body.backup.id}`)).body.backup;
    expect(failed.status).toBe('error');
    expect(failed.fail_reason).toBeTruthy();
    expect(await volumeStatus(id)).toBe('available');
  });

  it('deletes a backup only once it is available or error: deleting, then gone', async () => {
    await start();
    const id = await volume();
    const backupId = (await call('POST', '/backups', { backup: { volume_id: id } })).body.backup.id;
    const early = await call('DELETE', `/backups/${backupId}`);
    expect(early.status).toBe(400);
    expect(early.body.badRequest.message).toContain('Backup status must be available or error');
    clock.advance(60_000);
    expect((await call('DELETE', `/backups/${backupId}`)).status).toBe(202);
    expect((await call('GET', `/backups/${backupId}`)).body.backup.status).toBe('deleting');
    clock.advance(10_000);
    expect((await call('GET', `/backups/${backupId}`)).status).toBe(404);
  });
});
