import { afterEach, beforeEach, describe, it } from 'vitest';
import {
  createAttachment,
  deleteAttachment,
  getAttachment,
  listAttachments,
} from '../src/cinder/cinder-attachments.js';
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
import { type FakeWorld, startFakeWorld } from './fake-world.js';
import { expectFaultHandling } from './fault-cases.js';
import type { ServiceWorld } from './service-world.js';

let world: FakeWorld;
beforeEach(async () => {
  world = await startFakeWorld();
  await startCinder(world);
});
afterEach(() => world.close());

describe('faults on every Cinder operation', () => {
  it('fails fast on quota (413) and retries throttling and 503 through, for each call', async () => {
    const cinder = await cinderClient(world);
    const volume = (await createVolume(cinder, { size: 1, name: 'base' })).id;
    const other = (await createVolume(cinder, { size: 1, name: 'other' })).id;
    world.clock.advance(10 * SECOND);
    let snapshot = '';
    let attachment = '';
    const settle = (ms: number) => world.clock.advance(ms);
    await expectFaultHandling(world as unknown as ServiceWorld, 'cinder', [
      { operation: 'CreateVolume', call: () => createVolume(cinder, { size: 1 }) },
      { operation: 'ListVolumeDetails', call: () => listVolumes(cinder, { metadata: { a: 'b' } }) },
      { operation: 'ShowVolume', call: () => getVolume(cinder, volume) },
      { operation: 'UpdateVolume', call: () => updateVolume(cinder, volume, { name: 'renamed' }) },
      { operation: 'CreateVolumeMetadata', call: () => mergeVolumeMetadata(cinder, volume, { a: 'b' }) },
      {
        operation: 'UpdateVolumeMetadata',
        call: () => replaceVolumeMetadata(cinder, volume, { a: 'b', c: 'd' }),
      },
      { operation: 'ShowVolumeMetadata', call: () => getVolumeMetadata(cinder, volume) },
      {
        operation: 'DeleteVolumeMetadataItem',
        call: () =>
          deleteVolumeMetadataKey(cinder, volume, 'c').then(() =>
            mergeVolumeMetadata(cinder, volume, { c: 'd' }),
          ),
      },
      {
        operation: 'VolumeAction',
        call: async () => {
          await extendVolume(cinder, other, 2);
          settle(5 * SECOND);
        },
      },
      {
        operation: 'CreateSnapshot',
        call: async () => {
          snapshot = (await createSnapshot(cinder, { volume_id: volume })).id;
          settle(15 * SECOND);
        },
      },
      { operation: 'ListSnapshotDetails', call: () => listSnapshots(cinder) },
      { operation: 'ShowSnapshot', call: () => getSnapshot(cinder, snapshot) },
      {
        operation: 'DeleteSnapshot',
        call: async () => {
          await deleteSnapshot(cinder, snapshot);
          settle(5 * SECOND);
        },
      },
      {
        operation: 'CreateAttachment',
        call: async () => {
          attachment = (await createAttachment(cinder, { volumeId: other, serverId: 's' })).id;
        },
      },
      { operation: 'ListAttachments', call: () => listAttachments(cinder, other) },
      { operation: 'ShowAttachment', call: () => getAttachment(cinder, attachment) },
      { operation: 'DeleteAttachment', call: () => deleteAttachment(cinder, attachment) },
      { operation: 'DeleteVolume', call: () => deleteVolume(cinder, volume, { cascade: true }) },
    ]);
  });
});
