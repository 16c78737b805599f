import { generateHostKey } from '@hubfleet/testkit';
import { afterEach, describe, expect, it } from 'vitest';
import * as nova from '../src/compute/index.js';
import { expectFaultHandling, failure } from './fault-cases.js';
import { type ServiceWorld, startServiceWorld } from './service-world.js';

let world: ServiceWorld | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

const IMAGE = 'c0ffee00-0000-4000-8000-000000000001';
const VOLUME = '5f8e3c2a-1b4d-4e6f-8a9b-0c1d2e3f4a5b';

describe('Nova calls under injected faults', () => {
  it('fails every call fast on a quota fault and retries throttling and 503s through', async () => {
    world = await startServiceWorld();
    const w = world;
    const compute = await w.compute();
    const { id } = await nova.createServer(compute, {
      name: 'base',
      flavorRef: '1',
      imageRef: IMAGE,
      networks: 'none',
    });
    w.clock.advance(120_000);
    const key = generateHostKey('user@host');
    let created = '';
    await expectFaultHandling(w, 'nova', [
      {
        operation: 'CreateServer',
        call: async () => {
          created = (
            await nova.createServer(compute, { name: 'f', flavorRef: '1', imageRef: IMAGE, networks: 'none' })
          ).id;
        },
      },
      { operation: 'ShowServer', call: () => nova.getServer(compute, id) },
      { operation: 'ListServersDetailed', call: () => nova.listServers(compute, { name: 'base' }) },
      { operation: 'ServerAction', call: () => nova.getConsoleOutput(compute, id) },
      { operation: 'ListServerTags', call: () => nova.listServerTags(compute, id) },
      { operation: 'ReplaceServerTags', call: () => nova.replaceServerTags(compute, id, ['a']) },
      { operation: 'AddServerTag', call: () => nova.addServerTag(compute, id, 'b') },
      { operation: 'DeleteServerTag', call: () => nova.removeServerTag(compute, id, 'b') },
      { operation: 'ListServerMetadata', call: () => nova.getServerMetadata(compute, id) },
      { operation: 'UpdateServerMetadata', call: () => nova.mergeServerMetadata(compute, id, { a: '1' }) },
      { operation: 'ReplaceServerMetadata', call: () => nova.replaceServerMetadata(compute, id, { b: '2' }) },
      { operation: 'SetServerMetadataItem', call: () => nova.setServerMetadataItem(compute, id, 'c', '3') },
      { operation: 'DeleteServerMetadataItem', call: () => nova.deleteServerMetadataItem(compute, id, 'c') },
      { operation: 'AttachVolume', call: () => nova.attachVolume(compute, id, VOLUME) },
      { operation: 'ListVolumeAttachments', call: () => nova.listVolumeAttachments(compute, id) },
      { operation: 'ShowVolumeAttachment', call: () => nova.getVolumeAttachment(compute, id, VOLUME) },
      { operation: 'DetachVolume', call: () => nova.detachVolume(compute, id, VOLUME) },
      { operation: 'ListFlavorsDetailed', call: () => nova.listFlavors(compute) },
      { operation: 'ShowFlavor', call: () => nova.getFlavor(compute, '1') },
      { operation: 'CreateKeypair', call: () => nova.importKeypair(compute, 'k', key) },
      { operation: 'ListKeypairs', call: () => nova.listKeypairs(compute) },
      { operation: 'ShowKeypair', call: () => nova.getKeypair(compute, 'k') },
      { operation: 'DeleteKeypair', call: () => nova.deleteKeypair(compute, 'k') },
      { operation: 'ListAvailabilityZones', call: () => nova.listAvailabilityZones(compute) },
      { operation: 'DeleteServer', call: () => nova.deleteServer(compute, created) },
    ]);
    expect((await nova.listServers(compute)).map((server) => server.name).sort()).toEqual(['base', 'f']);
  });

  it('replays a read whose connection dropped but never a create', async () => {
    world = await startServiceWorld();
    const compute = await world.compute();
    world.faults.script({ operation: 'nova.CreateServer', fault: 'drop', times: 1 });
    const dropped = await failure(
      nova.createServer(compute, { name: 'once', flavorRef: '1', imageRef: IMAGE, networks: 'none' }),
    );
    expect(dropped).toMatchObject({ kind: 'unavailable', status: 0 });
    expect(world.callLog.count({ operation: 'CreateServer' })).toBe(1);
    world.faults.script({ operation: 'nova.ListServersDetailed', fault: 'drop', times: 1 });
    expect(await nova.listServers(compute)).toEqual([]);
    expect(world.callLog.count({ operation: 'ListServersDetailed' })).toBe(2);
  });

  it('re-authenticates once and replays when Keystone has revoked the token', async () => {
    world = await startServiceWorld();
    const compute = await world.compute();
    const { id } = await nova.createServer(compute, {
      name: 'kept',
      flavorRef: '1',
      imageRef: IMAGE,
      networks: 'none',
    });
    world.keystone.fake.revokeAllTokens();
    expect((await nova.getServer(compute, id)).name).toBe('kept');
    expect(
      world.callLog.calls.filter((call) => call.operation === 'ShowServer').map((call) => call.status),
    ).toEqual([401, 200]);
  });

  it("answers 406 for a microversion outside the cloud's range", async () => {
    world = await startServiceWorld();
    const compute = await world.compute();
    const refused = await failure(
      compute.request({ method: 'GET', path: '/servers/detail', microversion: '2.200' }),
    );
    expect(refused).toMatchObject({ kind: 'internal', status: 406, code: 'computeFault' });
    expect(String(refused.message)).toMatch(
      /Version 2.200 is not supported by the API. Minimum is 2.1 and maximum is 2.96/,
    );
  });
});
