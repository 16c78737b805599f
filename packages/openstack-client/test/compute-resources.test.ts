import type { NovaVolumeBackend } from '@hubfleet/testkit';
import { generateHostKey } from '@hubfleet/testkit';
import { afterEach, describe, expect, it } from 'vitest';
import {
  attachVolume,
  createServer,
  deleteKeypair,
  deleteServer,
  detachVolume,
  findFlavorByName,
  getFlavor,
  getKeypair,
  getVolumeAttachment,
  importKeypair,
  listAvailabilityZones,
  listFlavors,
  listKeypairs,
  listVolumeAttachments,
  volumeDevicePath,
} from '../src/compute/index.js';
import { failure } from './fault-cases.js';
import { type ServiceWorld, startServiceWorld } from './service-world.js';

let world: ServiceWorld | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

describe('Nova flavors, keypairs and availability zones', () => {
  it('lists flavors in detail with the ephemeral disk, across pages, and finds one by name', async () => {
    world = await startServiceWorld({ maxLimit: 2 });
    const compute = await world.compute();
    const flavors = await listFlavors(compute);
    expect(flavors.map((flavor) => flavor.name)).toEqual([
      'm1.small',
      'm1.medium',
      'm1.large',
      'm1.xlarge',
      'r1.large',
    ]);
    expect(world.callLog.count({ operation: 'ListFlavorsDetailed' })).toBe(3);
    expect(await findFlavorByName(compute, 'r1.large')).toMatchObject({
      vcpus: 4,
      ram: 16_384,
      disk: 30,
      ephemeral: 60,
      swap: 0,
    });
    expect(await findFlavorByName(compute, 'nope')).toBeUndefined();
    expect((await getFlavor(compute, '1')).name).toBe('m1.small');
    expect(await failure(getFlavor(compute, '42'))).toMatchObject({
      kind: 'not-found',
      subject: 'flavor/42',
    });
  });

  it('imports, reads, lists and deletes a keypair; a taken name is 409 and a bad key 400', async () => {
    world = await startServiceWorld();
    const compute = await world.compute();
    const publicKey = generateHostKey('hubfleet@laptop');
    const imported = await importKeypair(compute, 'hubfleet', publicKey);
    expect(imported).toMatchObject({ name: 'hubfleet', publicKey, type: 'ssh' });
    expect(imported.fingerprint).toMatch(/^([0-9a-f]{2}:){15}[0-9a-f]{2}$/);
    expect((await getKeypair(compute, 'hubfleet')).fingerprint).toBe(imported.fingerprint);
    expect((await listKeypairs(compute)).map((keypair) => keypair.name)).toEqual(['hubfleet']);
    expect(await failure(importKeypair(compute, 'hubfleet', publicKey))).toMatchObject({
      kind: 'conflict',
      status: 409,
    });
    expect(await failure(importKeypair(compute, 'other', 'not a key'))).toMatchObject({
      kind: 'invalid-config',
      status: 400,
    });
    expect(await deleteKeypair(compute, 'hubfleet')).toBe(true);
    expect(await deleteKeypair(compute, 'hubfleet')).toBe(false);
    expect(await failure(getKeypair(compute, 'hubfleet'))).toMatchObject({ kind: 'not-found' });
  });

  it('lists the availability zones', async () => {
    world = await startServiceWorld({ availabilityZones: ['melbourne-qh2', 'monash-02'] });
    expect(await listAvailabilityZones(await world.compute())).toEqual([
      { name: 'melbourne-qh2', available: true },
      { name: 'monash-02', available: true },
    ]);
  });
});

/** A Cinder stand-in that records what Nova asked of it. */
function volumeBackend(known: string[]) {
  const calls: string[] = [];
  const backend: NovaVolumeBackend = {
    attach(volumeId, serverId, device) {
      calls.push(`attach ${volumeId} ${serverId} ${device}`);
      if (!known.includes(volumeId)) return 'not-found';
      if (calls.filter((call) => call.startsWith(`attach ${volumeId}`)).length > 1)
        return { invalid: `volume ${volumeId} is in-use` };
      return 'ok';
    },
    detach(volumeId, serverId) {
      calls.push(`detach ${volumeId} ${serverId}`);
    },
    remove(volumeId) {
      calls.push(`remove ${volumeId}`);
    },
  };
  return { backend, calls };
}

describe('Nova volume attachments', () => {
  const volume = '5f8e3c2a-1b4d-4e6f-8a9b-0c1d2e3f4a5b';

  it('attaches once the server is ACTIVE, tells Cinder, lists, reads and detaches', async () => {
    const cinder = volumeBackend([volume]);
    world = await startServiceWorld({ volumes: cinder.backend });
    const compute = await world.compute();
    const { id } = await createServer(compute, {
      name: 'nfs',
      flavorRef: '2',
      imageRef: 'c0ffee00-0000-4000-8000-000000000001',
      networks: 'none',
    });
    expect(await failure(attachVolume(compute, id, volume))).toMatchObject({ kind: 'conflict', status: 409 });
    world.clock.advance(60_000);
    const attached = await attachVolume(compute, id, volume, { tag: 'data', deleteOnTermination: false });
    expect(attached).toEqual({
      volumeId: volume,
      serverId: id,
      device: '/dev/vdb',
      tag: 'data',
      deleteOnTermination: false,
    });
    expect(cinder.calls).toEqual([`attach ${volume} ${id} /dev/vdb`]);
    expect(await listVolumeAttachments(compute, id)).toEqual([attached]);
    expect(await getVolumeAttachment(compute, id, volume)).toEqual(attached);
    expect(volumeDevicePath(volume)).toBe('/dev/disk/by-id/virtio-5f8e3c2a-1b4d-4e6f-8');
    expect(await detachVolume(compute, id, volume)).toBe(true);
    expect(cinder.calls.at(-1)).toBe(`detach ${volume} ${id}`);
    expect(await detachVolume(compute, id, volume)).toBe(false);
  });

  it('answers 404 for a volume Cinder does not know and 400 for one that is not available', async () => {
    const cinder = volumeBackend([volume]);
    world = await startServiceWorld({ volumes: cinder.backend });
    const compute = await world.compute();
    const first = await createServer(compute, {
      name: 'a',
      flavorRef: '1',
      imageRef: 'c0ffee00-0000-4000-8000-000000000001',
      networks: 'none',
    });
    const second = await createServer(compute, {
      name: 'b',
      flavorRef: '1',
      imageRef: 'c0ffee00-0000-4000-8000-000000000001',
      networks: 'none',
    });
    world.clock.advance(60_000);
    expect(await failure(attachVolume(compute, first.id, 'missing'))).toMatchObject({
      kind: 'not-found',
      subject: 'volume/missing',
    });
    await attachVolume(compute, first.id, volume);
    const busy = await failure(attachVolume(compute, second.id, volume));
    expect(busy).toMatchObject({ kind: 'invalid-config', status: 400 });
    expect(String(busy.message)).toMatch(/in-use/);
  });

  it('deletes a volume attached with delete_on_termination along with its server, and keeps the others', async () => {
    const data = '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
    const cinder = volumeBackend([volume, data]);
    world = await startServiceWorld({ volumes: cinder.backend });
    const compute = await world.compute();
    const { id } = await createServer(compute, {
      name: 'n',
      flavorRef: '1',
      imageRef: 'c0ffee00-0000-4000-8000-000000000001',
      networks: 'none',
    });
    world.clock.advance(60_000);
    await attachVolume(compute, id, volume, { deleteOnTermination: true });
    await attachVolume(compute, id, data, { deleteOnTermination: false });
    await deleteServer(compute, id);
    expect(cinder.calls.slice(2)).toEqual([
      `detach ${volume} ${id}`,
      `remove ${volume}`,
      `detach ${data} ${id}`,
    ]);
  });
});
