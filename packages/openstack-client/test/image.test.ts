import { afterEach, describe, expect, it } from 'vitest';
import { findImageByName, getImage, listImages } from '../src/image/index.js';
import { expectFaultHandling, failure } from './fault-cases.js';
import { type ServiceWorld, startServiceWorld } from './service-world.js';

let world: ServiceWorld | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

const PUBLIC = 'c0ffee00-0000-4000-8000-000000000001';
const OWN = 'c0ffee00-0000-4000-8000-000000000004';

describe('Glance images against the Glance fake', () => {
  it('lists by name, visibility and status, leaving community images out unless asked', async () => {
    world = await startServiceWorld();
    const image = await world.image();
    expect((await listImages(image)).map((item) => item.name).sort()).toEqual([
      'ubuntu-22.04',
      'ubuntu-24.04',
      'ubuntu-24.04',
    ]);
    expect((await listImages(image, { visibility: 'community' })).map((item) => item.name)).toEqual([
      'fedora-coreos-40',
    ]);
    expect(
      (await listImages(image, { name: 'ubuntu-24.04', visibility: 'public' })).map((item) => item.id),
    ).toEqual([PUBLIC]);
    expect((await listImages(image, { status: 'deactivated' })).map((item) => item.name)).toEqual([
      'ubuntu-22.04',
    ]);
    const [ubuntu] = await listImages(image, { name: 'ubuntu-24.04', visibility: 'public' });
    expect(ubuntu).toMatchObject({
      status: 'active',
      diskFormat: 'qcow2',
      properties: { os_distro: 'ubuntu' },
    });
  });

  it("finds an active image by name, the project's own before a public one", async () => {
    world = await startServiceWorld();
    const image = await world.image();
    expect((await findImageByName(image, 'ubuntu-24.04'))?.id).toBe(OWN);
    expect(await findImageByName(image, 'ubuntu-22.04')).toBeUndefined();
    expect(await findImageByName(image, 'nope')).toBeUndefined();
  });

  it('follows `next` through pages of 25', async () => {
    const images = Array.from({ length: 30 }, (_, index) => ({
      name: `image-${String(index).padStart(2, '0')}`,
    }));
    world = await startServiceWorld({}, { glance: { images } });
    const image = await world.image();
    expect((await listImages(image)).length).toBe(30);
    expect(world.callLog.count({ service: 'glance', operation: 'ListImages' })).toBe(2);
  });

  it('reads one image, 404 for an unknown one', async () => {
    world = await startServiceWorld();
    const image = await world.image();
    expect((await getImage(image, PUBLIC)).name).toBe('ubuntu-24.04');
    const missing = await failure(getImage(image, 'c0ffee00-0000-4000-8000-0000000000ff'));
    expect(missing).toMatchObject({
      kind: 'not-found',
      status: 404,
      subject: 'image/c0ffee00-0000-4000-8000-0000000000ff',
    });
    expect(String(missing.message)).toMatch(/No image found with ID/);
  });

  it('fails fast on a quota fault (413) and retries throttling and 503s through', async () => {
    world = await startServiceWorld();
    const image = await world.image();
    await expectFaultHandling(world, 'glance', [
      { operation: 'ListImages', call: () => listImages(image, { name: 'ubuntu-24.04' }) },
      { operation: 'ShowImage', call: () => getImage(image, PUBLIC) },
    ]);
  });
});
