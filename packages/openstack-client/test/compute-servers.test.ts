import { generateHostKey } from '@hubfleet/testkit';
import { afterEach, describe, expect, it } from 'vitest';
import {
  addServerTag,
  createServer,
  deleteServer,
  deleteServerMetadataItem,
  getConsoleOutput,
  getServer,
  getServerMetadata,
  listServers,
  listServerTags,
  mergeServerMetadata,
  parseConsoleHostKeys,
  removeServerTag,
  replaceServerMetadata,
  replaceServerTags,
  setServerMetadataItem,
} from '../src/compute/index.js';
import { failure } from './fault-cases.js';
import { type ServiceWorld, startServiceWorld } from './service-world.js';

const IMAGE = 'c0ffee00-0000-4000-8000-000000000001';
let world: ServiceWorld | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

async function start(options: Parameters<typeof startServiceWorld>[0] = {}) {
  world = await startServiceWorld(options);
  return world;
}

function server(name: string, extra: Record<string, unknown> = {}) {
  return { name, flavorRef: '2', imageRef: IMAGE, networks: 'auto' as const, ...extra };
}

describe('Nova servers against the Nova fake', () => {
  it('creates a server that builds to ACTIVE, with tags and metadata from the create (2.52+)', async () => {
    const w = await start();
    const compute = await w.compute();
    expect(compute.microversion).toBe('2.79');
    const created = await createServer(
      compute,
      server('hub-node-1', { tags: ['hubfleet'], metadata: { deployment: 'hub' } }),
    );
    expect(created.id).toMatch(/^[0-9a-f-]{36}$/);
    const building = await getServer(compute, created.id);
    expect(building).toMatchObject({
      name: 'hub-node-1',
      status: 'BUILD',
      tags: ['hubfleet'],
      imageId: IMAGE,
    });
    expect(building.metadata).toEqual({ deployment: 'hub' });
    w.clock.advance(60_000);
    const active = await getServer(compute, created.id);
    expect(active.status).toBe('ACTIVE');
    expect(active.flavorName).toBe('m1.medium');
    expect(active.launchedAt).toBe(w.clock.now());
    expect(active.addresses).toEqual([
      expect.objectContaining({ network: 'private', type: 'fixed', version: 4 }),
    ]);
  });

  it('lists by exact name (regex characters escaped), by tags, by any tag and by metadata, across pages', async () => {
    const w = await start({ maxLimit: 2 });
    const compute = await w.compute();
    await createServer(compute, server('hub.prod', { tags: ['a', 'b'], metadata: { owner: 'hubfleet' } }));
    await createServer(compute, server('hubXprod', { tags: ['a'] }));
    await createServer(compute, server('hub.prod-2', { tags: ['c'], metadata: { owner: 'someone' } }));
    expect((await listServers(compute)).map((item) => item.name).sort()).toEqual([
      'hub.prod',
      'hub.prod-2',
      'hubXprod',
    ]);
    expect(w.callLog.count({ service: 'nova', operation: 'ListServersDetailed' })).toBe(2);
    expect((await listServers(compute, { name: 'hub.prod' })).map((item) => item.name)).toEqual(['hub.prod']);
    expect((await listServers(compute, { tags: ['a', 'b'] })).map((item) => item.name)).toEqual(['hub.prod']);
    expect((await listServers(compute, { tagsAny: ['b', 'c'] })).map((item) => item.name).sort()).toEqual([
      'hub.prod',
      'hub.prod-2',
    ]);
    expect(
      (await listServers(compute, { metadata: { owner: 'hubfleet' } })).map((item) => item.name),
    ).toEqual(['hub.prod']);
  });

  it('deletes a server (task_state deleting, then gone) and answers false for one already gone', async () => {
    const w = await start();
    const compute = await w.compute();
    const { id } = await createServer(compute, server('doomed'));
    expect(await deleteServer(compute, id)).toBe(true);
    expect((await getServer(compute, id)).taskState).toBe('deleting');
    w.clock.advance(5_000);
    const gone = await failure(getServer(compute, id));
    expect(gone).toMatchObject({
      kind: 'not-found',
      status: 404,
      code: 'itemNotFound',
      subject: `server/${id}`,
    });
    expect(String(gone.requestId)).toMatch(/^req-/);
    expect(await deleteServer(compute, id)).toBe(false);
  });

  it('shows a failed build as ERROR with its fault, and a stuck build as BUILD for good', async () => {
    const w = await start({ buildOutcomes: ['error', 'stuck'] });
    const compute = await w.compute();
    const failed = await createServer(compute, server('fails'));
    const stuck = await createServer(compute, server('hangs'));
    w.clock.advance(3_600_000);
    const errored = await getServer(compute, failed.id);
    expect(errored.status).toBe('ERROR');
    expect(errored.fault?.message).toMatch(/No valid host was found/);
    expect(await failure(addServerTag(compute, failed.id, 'x'))).toMatchObject({
      kind: 'conflict',
      status: 409,
    });
    expect((await getServer(compute, stuck.id)).status).toBe('BUILD');
  });

  it('maps the instance quota (403 forbidden) to a quota error that is not retried', async () => {
    const w = await start({ quotas: { instances: 1 } });
    const compute = await w.compute();
    await createServer(compute, server('first'));
    const before = w.callLog.count({ operation: 'CreateServer' });
    const refused = await failure(createServer(compute, server('second')));
    expect(refused).toMatchObject({ kind: 'quota', retryable: false, status: 403, code: 'forbidden' });
    expect(String(refused.message)).toMatch(
      /Quota exceeded for instances: Requested 1, but already used 1 of 1/,
    );
    expect(w.callLog.count({ operation: 'CreateServer' })).toBe(before + 1);
  });

  it('refuses an image Glance does not offer, an unknown keypair and a flavor that does not exist (400)', async () => {
    const w = await start();
    const compute = await w.compute();
    const deactivated = 'c0ffee00-0000-4000-8000-000000000002';
    expect(await failure(createServer(compute, server('x', { imageRef: deactivated })))).toMatchObject({
      kind: 'invalid-config',
      status: 400,
      code: 'badRequest',
    });
    expect(String((await failure(createServer(compute, server('x', { key_name: 'nope' })))).message)).toMatch(
      /Invalid key_name provided/,
    );
    expect(String((await failure(createServer(compute, server('x', { flavorRef: '999' })))).message)).toMatch(
      /Flavor 999 could not be found/,
    );
  });

  it('refuses create-time tags below 2.52 (the microversion negotiated down by a cap)', async () => {
    const w = await start();
    const { sessionFor } = await import('./fake-world.js');
    const compute = await sessionFor(w, { microversionCaps: { compute: '2.40' } }).service('compute');
    expect(compute.microversion).toBe('2.40');
    expect(compute.supports('2.52')).toBe(false);
    expect(await failure(createServer(compute, server('old', { tags: ['a'] })))).toMatchObject({
      kind: 'invalid-config',
      status: 400,
    });
  });

  it("negotiates the cloud's maximum when it is below the client's", async () => {
    const w = await start({ maxMicroversion: '2.60' });
    const compute = await w.compute();
    expect(compute.microversion).toBe('2.60');
    expect(compute.serverMicroversions).toEqual({ min: '2.1', max: '2.60' });
  });
});

describe('Nova server tags and metadata', () => {
  it('refuses tag changes while the server builds (409) and manages them once ACTIVE', async () => {
    const w = await start();
    const compute = await w.compute();
    const { id } = await createServer(compute, server('tagged', { tags: ['one'] }));
    expect(await failure(addServerTag(compute, id, 'two'))).toMatchObject({
      kind: 'conflict',
      status: 409,
      code: 'conflictingRequest',
    });
    w.clock.advance(60_000);
    await addServerTag(compute, id, 'two');
    await addServerTag(compute, id, 'two');
    expect(await listServerTags(compute, id)).toEqual(['one', 'two']);
    expect(await replaceServerTags(compute, id, ['x', 'y'])).toEqual(['x', 'y']);
    await removeServerTag(compute, id, 'x');
    expect(await listServerTags(compute, id)).toEqual(['y']);
    expect(await failure(removeServerTag(compute, id, 'x'))).toMatchObject({
      kind: 'not-found',
      status: 404,
    });
    expect(await failure(addServerTag(compute, id, 'bad/tag'))).toMatchObject({ status: 400 });
  });

  it('merges, replaces, sets and deletes metadata', async () => {
    const w = await start();
    const compute = await w.compute();
    const { id } = await createServer(compute, server('meta', { metadata: { a: '1' } }));
    expect(await mergeServerMetadata(compute, id, { b: '2' })).toEqual({ a: '1', b: '2' });
    expect(await replaceServerMetadata(compute, id, { c: '3' })).toEqual({ c: '3' });
    await setServerMetadataItem(compute, id, 'd', '4');
    await deleteServerMetadataItem(compute, id, 'c');
    expect(await getServerMetadata(compute, id)).toEqual({ d: '4' });
    expect(await failure(deleteServerMetadataItem(compute, id, 'c'))).toMatchObject({ kind: 'not-found' });
    const tooMany = Object.fromEntries(Array.from({ length: 129 }, (_, index) => [`k${index}`, 'v']));
    expect(await failure(replaceServerMetadata(compute, id, tooMany))).toMatchObject({
      kind: 'quota',
      status: 403,
    });
  });
});

describe('Nova console output', () => {
  it('is 409 before the guest runs, then shows the pinned host keys once cloud-init has finished', async () => {
    const hostKey = generateHostKey('root@hub-node');
    const w = await start({ hostKeysFor: () => [hostKey] });
    const compute = await w.compute();
    const { id } = await createServer(compute, server('hub-node'));
    expect(await failure(getConsoleOutput(compute, id))).toMatchObject({ kind: 'conflict', status: 409 });
    w.clock.advance(60_000);
    expect(parseConsoleHostKeys(await getConsoleOutput(compute, id))).toBeUndefined();
    w.clock.advance(30_000);
    const output = await getConsoleOutput(compute, id, 12);
    expect(output.trim().split('\n')).toHaveLength(12);
    const keys = parseConsoleHostKeys(output);
    expect(keys?.keys).toEqual([hostKey]);
    expect(keys?.fingerprints).toEqual([
      expect.stringMatching(/^256 SHA256:[A-Za-z0-9+/]{43} root@hub-node \(ED25519\)$/),
    ]);
  });
});
