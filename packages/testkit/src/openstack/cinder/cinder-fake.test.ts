import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createManualClock } from '../../framework/clock.js';
import { DEFAULT_KEYSTONE_IDENTITY } from '../keystone/keystone-state.js';
import { type RunningCinderFake, startCinderFake } from './cinder-fake.js';
import { parseMetadataFilter } from './cinder-listing.js';
import { cinderVolumeBackend } from './cinder-volume-backend.js';

const PROJECT = DEFAULT_KEYSTONE_IDENTITY.project.id;
let clock: ReturnType<typeof createManualClock>;
let cinder: RunningCinderFake;
beforeEach(async () => {
  clock = createManualClock();
  cinder = await startCinderFake({ clock });
});
afterEach(() => cinder.close());

async function call(method: string, path: string, body?: unknown) {
  const response = await fetch(`${cinder.url}${path}`, {
    method,
    headers: { 'x-auth-token': 'token', 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

describe('Cinder fake', () => {
  it('turns a Nova attach into attaching → in-use and a detach into detaching → available', async () => {
    const created = await call('POST', `/v3/${PROJECT}/volumes`, { volume: { size: 1 } });
    const id = created.body.volume.id as string;
    clock.advance(10_000);
    const backend = cinderVolumeBackend(cinder.fake);
    expect(backend.attach('missing', 'srv', '/dev/vdb')).toBe('not-found');
    expect(backend.attach(id, 'srv', '/dev/vdb')).toBe('ok');
    expect((await call('GET', `/v3/${PROJECT}/volumes/${id}`)).body.volume.status).toBe('attaching');
    expect(backend.attach(id, 'other', '/dev/vdc')).toEqual({
      invalid: expect.stringContaining('Invalid volume'),
    });
    clock.advance(3_000);
    const attached = (await call('GET', `/v3/${PROJECT}/volumes/${id}`)).body.volume;
    expect(attached.status).toBe('in-use');
    expect(attached.attachments).toMatchObject([{ server_id: 'srv', device: '/dev/vdb', volume_id: id }]);
    backend.detach(id, 'srv');
    expect((await call('GET', `/v3/${PROJECT}/volumes/${id}`)).body.volume.status).toBe('detaching');
    clock.advance(3_000);
    expect((await call('GET', `/v3/${PROJECT}/volumes/${id}`)).body.volume).toMatchObject({
      status: 'available',
      attachments: [],
    });
  });

  it('deletes a volume Nova removes with its server (delete_on_termination)', async () => {
    const created = await call('POST', `/v3/${PROJECT}/volumes`, { volume: { size: 1 } });
    const id = created.body.volume.id as string;
    clock.advance(10_000);
    const backend = cinderVolumeBackend(cinder.fake);
    backend.attach(id, 'srv', '/dev/vdb');
    clock.advance(3_000);
    backend.detach(id, 'srv');
    backend.remove?.(id);
    expect((await call('GET', `/v3/${PROJECT}/volumes/${id}`)).body.volume).toMatchObject({
      status: 'deleting',
      attachments: [],
    });
    clock.advance(5_000);
    expect((await call('GET', `/v3/${PROJECT}/volumes/${id}`)).status).toBe(404);
  });

  it('reads the metadata filter in Python dict syntax as Cinder does', () => {
    expect(parseMetadataFilter("{'hubfleet.io/owner': 'physics', 'n': 1}")).toEqual({
      'hubfleet.io/owner': 'physics',
      n: '1',
    });
    expect(() => parseMetadataFilter('[1]')).toThrow();
  });

  it('answers 400 Malformed request url for another project, and 401 without a token', async () => {
    expect((await call('GET', '/v3/someone-else/volumes/detail')).status).toBe(400);
    const anonymous = await fetch(`${cinder.url}/v3/${PROJECT}/volumes/detail`);
    expect(anonymous.status).toBe(401);
  });

  it('serves its version document with the microversion range', async () => {
    const response = await fetch(`${cinder.url}/v3/`);
    expect(response.status).toBe(200);
    expect((await response.json()).versions[0]).toMatchObject({
      id: 'v3.0',
      min_version: '3.0',
      version: '3.71',
    });
  });
});
