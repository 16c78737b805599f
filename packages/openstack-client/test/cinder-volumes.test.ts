import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAttachment, deleteAttachment, listAttachments } from '../src/cinder/cinder-attachments.js';
import {
  createSnapshot,
  deleteSnapshot,
  getSnapshot,
  listSnapshots,
} from '../src/cinder/cinder-snapshots.js';
import {
  deleteVolumeMetadataKey,
  getVolumeMetadata,
  mergeVolumeMetadata,
  replaceVolumeMetadata,
} from '../src/cinder/cinder-volume-metadata.js';
import {
  createVolume,
  deleteVolume,
  extendVolume,
  getVolume,
  listVolumes,
  updateVolume,
} from '../src/cinder/cinder-volumes.js';
import { cinderClient, SECOND, startCinder } from './cinder-world.js';
import { type FakeWorld, failure, startFakeWorld } from './fake-world.js';

let world: FakeWorld;
let cinderFake: Awaited<ReturnType<typeof startCinder>>;
beforeEach(async () => {
  world = await startFakeWorld();
  cinderFake = await startCinder(world);
});
afterEach(() => world.close());

const OWNER = { 'hubfleet.io/deployment': 'physics', 'hubfleet.io/volume': 'home' };

describe('Cinder volumes through the client, against the Cinder fake', () => {
  it('negotiates volume 3.64 (the client maximum) on an endpoint that holds the project id', async () => {
    const cinder = await cinderClient(world);
    expect(cinder.endpoint).toBe(`${cinderFake.url}/v3/a1b2c3d4e5f60718293a4b5c6d7e8f90`);
    expect(cinder.microversion).toBe('3.64');
    expect(cinder.serverMicroversions).toEqual({ min: '3.0', max: '3.71' });
  });

  it('creates a volume: creating → available', async () => {
    const cinder = await cinderClient(world);
    const created = await createVolume(cinder, { size: 10, name: 'home', metadata: OWNER });
    expect(created).toMatchObject({
      status: 'creating',
      size: 10,
      name: 'home',
      availabilityZone: 'nova',
      metadata: OWNER,
    });
    world.clock.advance(10 * SECOND);
    expect(await getVolume(cinder, created.id)).toMatchObject({
      status: 'available',
      bootable: false,
      attachments: [],
    });
  });

  it('ends a failed create in error', async () => {
    cinderFake.fake.failNext('create-volume');
    const cinder = await cinderClient(world);
    const created = await createVolume(cinder, { size: 1 });
    world.clock.advance(10 * SECOND);
    expect((await getVolume(cinder, created.id)).status).toBe('error');
  });

  it('finds volumes by metadata, name and status, across pages', async () => {
    await world.close();
    world = await startFakeWorld();
    cinderFake = await startCinder(world, { maxLimit: 2 });
    const cinder = await cinderClient(world);
    for (const name of ['a', 'b', 'c']) await createVolume(cinder, { size: 1, name, metadata: OWNER });
    await createVolume(cinder, {
      size: 1,
      name: 'other',
      metadata: { 'hubfleet.io/deployment': 'chemistry' },
    });
    world.clock.advance(10 * SECOND);
    const owned = await listVolumes(cinder, { metadata: OWNER });
    expect(owned.map((volume) => volume.name).sort()).toEqual(['a', 'b', 'c']);
    expect((await listVolumes(cinder, { name: 'other' })).map((volume) => volume.metadata)).toEqual([
      { 'hubfleet.io/deployment': 'chemistry' },
    ]);
    expect(await listVolumes(cinder, { status: 'creating' })).toEqual([]);
    expect(world.callLog.count({ service: 'cinder', operation: 'ListVolumeDetails' })).toBe(2 + 1 + 1);
  });

  it('merges, replaces and deletes metadata; renames', async () => {
    const cinder = await cinderClient(world);
    const { id } = await createVolume(cinder, { size: 1, metadata: { a: '1' } });
    expect(await mergeVolumeMetadata(cinder, id, { b: '2' })).toEqual({ a: '1', b: '2' });
    await deleteVolumeMetadataKey(cinder, id, 'a');
    expect(await getVolumeMetadata(cinder, id)).toEqual({ b: '2' });
    expect(await replaceVolumeMetadata(cinder, id, { c: '3' })).toEqual({ c: '3' });
    expect(await failure(deleteVolumeMetadataKey(cinder, id, 'missing'))).toMatchObject({
      kind: 'not-found',
      status: 404,
      code: 'itemNotFound',
    });
    expect((await updateVolume(cinder, id, { name: 'renamed' })).name).toBe('renamed');
  });

  it('extends an available volume: extending → available at the new size', async () => {
    const cinder = await cinderClient(world);
    const { id } = await createVolume(cinder, { size: 5 });
    world.clock.advance(10 * SECOND);
    await extendVolume(cinder, id, 8);
    expect((await getVolume(cinder, id)).status).toBe('extending');
    world.clock.advance(5 * SECOND);
    expect(await getVolume(cinder, id)).toMatchObject({ status: 'available', size: 8 });
  });

  it('refuses to delete a volume with snapshots (400 Invalid volume → conflict), deletes with cascade', async () => {
    const cinder = await cinderClient(world);
    const { id } = await createVolume(cinder, { size: 2, name: 'data' });
    world.clock.advance(10 * SECOND);
    const snapshot = await createSnapshot(cinder, { volume_id: id, name: 'before-upgrade', metadata: OWNER });
    expect(snapshot).toMatchObject({ status: 'creating', volumeId: id, size: 2 });
    world.clock.advance(15 * SECOND);
    expect((await getSnapshot(cinder, snapshot.id)).status).toBe('available');
    expect((await listSnapshots(cinder, { volumeId: id, metadata: OWNER })).map((item) => item.id)).toEqual([
      snapshot.id,
    ]);
    const refused = await failure(deleteVolume(cinder, id));
    expect(refused).toMatchObject({
      kind: 'conflict',
      status: 400,
      code: 'badRequest',
      subject: `volume/${id}`,
    });
    expect(refused?.message).toContain('have snapshots');
    expect(await deleteVolume(cinder, id, { cascade: true })).toBe(true);
    expect((await getVolume(cinder, id)).status).toBe('deleting');
    world.clock.advance(5 * SECOND);
    expect(await failure(getVolume(cinder, id))).toMatchObject({ kind: 'not-found', status: 404 });
    expect(await listSnapshots(cinder)).toEqual([]);
    expect(await deleteVolume(cinder, id)).toBe(false);
  });

  it('deletes a snapshot: deleting → gone', async () => {
    const cinder = await cinderClient(world);
    const { id } = await createVolume(cinder, { size: 1 });
    world.clock.advance(10 * SECOND);
    const snapshot = await createSnapshot(cinder, { volume_id: id });
    expect(await failure(deleteSnapshot(cinder, snapshot.id))).toMatchObject({ status: 400 });
    world.clock.advance(15 * SECOND);
    expect(await deleteSnapshot(cinder, snapshot.id)).toBe(true);
    world.clock.advance(5 * SECOND);
    expect(await deleteSnapshot(cinder, snapshot.id)).toBe(false);
  });

  it('attaches through the attachments API (in-use: delete refused), detaches, then deletes', async () => {
    const cinder = await cinderClient(world);
    const { id } = await createVolume(cinder, { size: 1 });
    world.clock.advance(10 * SECOND);
    const attachment = await createAttachment(cinder, {
      volumeId: id,
      serverId: 'srv-1',
      connector: { initiator: 'iqn.x' },
    });
    expect(attachment).toMatchObject({ volumeId: id, serverId: 'srv-1', status: 'attaching' });
    world.clock.advance(3 * SECOND);
    const attached = await getVolume(cinder, id);
    expect(attached.status).toBe('in-use');
    expect(attached.attachments).toEqual([{ attachmentId: attachment.id, serverId: 'srv-1', device: null }]);
    expect((await listAttachments(cinder, id)).map((item) => item.status)).toEqual(['attached']);
    expect(await failure(deleteVolume(cinder, id))).toMatchObject({ kind: 'conflict', status: 400 });
    expect(await failure(createSnapshot(cinder, { volume_id: id }))).toMatchObject({ status: 400 });
    await createSnapshot(cinder, { volume_id: id, force: true });
    await deleteAttachment(cinder, attachment.id);
    world.clock.advance(3 * SECOND);
    expect(await getVolume(cinder, id)).toMatchObject({ status: 'available', attachments: [] });
  });

  it('refuses the attachments API client-side on a cloud below 3.27', async () => {
    await world.close();
    world = await startFakeWorld();
    cinderFake = await startCinder(world, { maxMicroversion: '3.20' });
    const cinder = await cinderClient(world);
    expect(cinder.microversion).toBe('3.20');
    await expect(listAttachments(cinder)).rejects.toMatchObject({ kind: 'internal' });
    expect(world.callLog.count({ service: 'cinder', operation: 'ListAttachments' })).toBe(0);
  });

  it('maps quota (413 overLimit, Retry-After: 0) to quota and does not retry it', async () => {
    await world.close();
    world = await startFakeWorld();
    cinderFake = await startCinder(world, { quotas: { volumes: 1, gigabytes: 10 } });
    const cinder = await cinderClient(world);
    const tooBig = await failure(createVolume(cinder, { size: 11 }));
    expect(tooBig).toMatchObject({ kind: 'quota', status: 413, code: 'overLimit', retryable: false });
    expect(tooBig?.message).toContain('VolumeSizeExceedsAvailableQuota');
    await createVolume(cinder, { size: 1 });
    const tooMany = await failure(createVolume(cinder, { size: 1 }));
    expect(tooMany).toMatchObject({ kind: 'quota', status: 413 });
    expect(tooMany?.message).toContain("exceeded for quota 'volumes'");
    expect(world.callLog.count({ service: 'cinder', operation: 'CreateVolume' })).toBe(3);
  });

  it('maps a bad request (unknown volume type) to invalid-config', async () => {
    const cinder = await cinderClient(world);
    expect(await failure(createVolume(cinder, { size: 1, volume_type: 'gold' }))).toMatchObject({
      kind: 'invalid-config',
      status: 400,
      code: 'badRequest',
    });
  });
});
