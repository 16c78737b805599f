import { afterEach, describe, expect, it } from 'vitest';
import { computeClients, rejection } from '../../../test/google-clients.js';
import { createManualClock } from '../../framework/clock.js';
import { startComputeFake } from './compute-fake.js';

const project = 'rhodes-cs';
const zone = 'us-central1-a';
const region = 'us-central1';
const owned = { 'hubfleet-deployment': 'jupyter', 'hubfleet-component': 'volume' };

const running: { close(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((fake) => fake.close()));
});

async function start() {
  const clock = createManualClock(Date.now());
  const fake = await startComputeFake({ clock, projects: [project] });
  running.push(fake);
  return { clock, fake, ...(await computeClients(fake.url)) };
}

describe('Compute Engine v1 fake, driven by @google-cloud/compute over REST', () => {
  it('creates a disk CREATING → READY through a zone operation, lists it by label and refuses a duplicate', async () => {
    const { clock, disks, zoneOperations } = await start();
    const [insert] = await disks.insert({
      project,
      zone,
      diskResource: {
        name: 'jupyter-jhub',
        sizeGb: '100',
        type: `zones/${zone}/diskTypes/pd-balanced`,
        labels: owned,
      },
    });
    const operation = insert.latestResponse as { name: string; status: string; operationType: string };
    expect(operation).toMatchObject({ status: 'PENDING', operationType: 'insert' });
    expect((await disks.get({ project, zone, disk: 'jupyter-jhub' }))[0].status).toBe('CREATING');
    clock.advance(60_000);
    const [done] = await zoneOperations.get({ project, zone, operation: operation.name });
    expect(done.status).toBe('DONE');
    const [disk] = await disks.get({ project, zone, disk: 'jupyter-jhub' });
    expect(disk).toMatchObject({ status: 'READY', sizeGb: '100', labels: owned });
    expect(disk.type).toMatch(/diskTypes\/pd-balanced$/);
    const [listed] = await disks.list({ project, zone, filter: 'labels.hubfleet-deployment = "jupyter"' });
    expect(listed.map((each) => each.name)).toEqual(['jupyter-jhub']);
    expect((await disks.list({ project, zone, filter: 'labels.hubfleet-deployment = "other"' }))[0]).toEqual(
      [],
    );
    const aggregated: string[] = [];
    for await (const [scope, list] of disks.aggregatedListAsync({
      project,
      filter: 'labels.hubfleet-component = "volume"',
    })) {
      for (const each of list.disks ?? []) aggregated.push(`${scope}/${each.name}`);
    }
    expect(aggregated).toEqual([`zones/${zone}/jupyter-jhub`]);
    expect(
      await rejection(disks.insert({ project, zone, diskResource: { name: 'jupyter-jhub', sizeGb: '100' } })),
    ).toMatchObject({ code: 409, status: 'ALREADY_EXISTS' });
  });

  it('refuses to delete a disk while attached, sets labels only with the current fingerprint, and deletes', async () => {
    const { clock, fake, disks } = await start();
    await disks.insert({ project, zone, diskResource: { name: 'data', sizeGb: '10', labels: owned } });
    clock.advance(60_000);
    const instance = `https://www.googleapis.com/compute/v1/projects/${project}/zones/${zone}/instances/gke-node-1`;
    fake.fake.attachDisk(project, zone, 'data', instance);
    expect((await disks.get({ project, zone, disk: 'data' }))[0].users).toEqual([instance]);
    const refused = await rejection(disks.delete({ project, zone, disk: 'data' }));
    expect(refused).toMatchObject({ code: 400, reason: 'RESOURCE_IN_USE_BY_ANOTHER_RESOURCE' });
    expect(refused.message).toContain('is already being used by');
    fake.fake.detachDisk(project, zone, 'data', instance);

    const [disk] = await disks.get({ project, zone, disk: 'data' });
    expect(
      await rejection(
        disks.setLabels({
          project,
          zone,
          resource: 'data',
          zoneSetLabelsRequestResource: { labels: {}, labelFingerprint: 'old' },
        }),
      ),
    ).toMatchObject({ code: 412 });
    await disks.setLabels({
      project,
      zone,
      resource: 'data',
      zoneSetLabelsRequestResource: {
        labels: { ...owned, 'hubfleet-retained': 'true' },
        labelFingerprint: disk.labelFingerprint,
      },
    });
    expect((await disks.get({ project, zone, disk: 'data' }))[0].labels).toMatchObject({
      'hubfleet-retained': 'true',
    });

    await disks.delete({ project, zone, disk: 'data' });
    expect((await disks.get({ project, zone, disk: 'data' }))[0].status).toBe('DELETING');
    clock.advance(60_000);
    expect(await rejection(disks.get({ project, zone, disk: 'data' }))).toMatchObject({
      code: 404,
      status: 'NOT_FOUND',
    });
  });

  it('takes a snapshot CREATING → UPLOADING → READY and deletes it through a global operation', async () => {
    const { clock, disks, snapshots, globalOperations } = await start();
    await disks.insert({ project, zone, diskResource: { name: 'data', sizeGb: '10' } });
    expect(
      await rejection(
        disks.createSnapshot({ project, zone, disk: 'data', snapshotResource: { name: 'early' } }),
      ),
    ).toMatchObject({ reason: 'RESOURCE_NOT_READY' });
    clock.advance(60_000);
    await disks.createSnapshot({
      project,
      zone,
      disk: 'data',
      snapshotResource: { name: 'data-final', labels: owned },
    });
    expect((await snapshots.get({ project, snapshot: 'data-final' }))[0].status).toBe('CREATING');
    clock.advance(25_000);
    expect((await snapshots.get({ project, snapshot: 'data-final' }))[0].status).toBe('UPLOADING');
    clock.advance(60_000);
    const [snapshot] = await snapshots.get({ project, snapshot: 'data-final' });
    expect(snapshot).toMatchObject({ status: 'READY', diskSizeGb: '10', labels: owned });
    expect(snapshot.sourceDisk).toMatch(/disks\/data$/);
    const [listed] = await snapshots.list({ project, filter: 'labels.hubfleet-deployment = "jupyter"' });
    expect(listed.map((each) => each.name)).toEqual(['data-final']);
    const [deletion] = await snapshots.delete({ project, snapshot: 'data-final' });
    const name = (deletion.latestResponse as { name: string }).name;
    clock.advance(60_000);
    expect((await globalOperations.get({ project, operation: name }))[0].status).toBe('DONE');
    expect(await rejection(snapshots.get({ project, snapshot: 'data-final' }))).toMatchObject({ code: 404 });
  });

  it('reserves a labelled regional address RESERVING → RESERVED, and keeps it while a forwarding rule uses it', async () => {
    const clock = createManualClock(Date.now());
    let users: string[] = [];
    const fake = await startComputeFake({ clock, addressUsers: () => users });
    running.push(fake);
    const { addresses, regionOperations } = await computeClients(fake.url);
    const [insert] = await addresses.insert({
      project,
      region,
      addressResource: { name: 'jupyter-ip', labels: owned },
    });
    expect((await addresses.get({ project, region, address: 'jupyter-ip' }))[0].status).toBe('RESERVING');
    clock.advance(60_000);
    const name = (insert.latestResponse as { name: string }).name;
    expect((await regionOperations.get({ project, region, operation: name }))[0].status).toBe('DONE');
    const [address] = await addresses.get({ project, region, address: 'jupyter-ip' });
    expect(address).toMatchObject({ status: 'RESERVED', addressType: 'EXTERNAL', labels: owned });
    expect(address.address).toMatch(/^35\.225\.\d+\.\d+$/);
    users = [
      `https://www.googleapis.com/compute/v1/projects/${project}/regions/${region}/forwardingRules/a1b2`,
    ];
    expect((await addresses.get({ project, region, address: 'jupyter-ip' }))[0].status).toBe('IN_USE');
    expect(await rejection(addresses.delete({ project, region, address: 'jupyter-ip' }))).toMatchObject({
      reason: 'RESOURCE_IN_USE_BY_ANOTHER_RESOURCE',
    });
    users = [];
    await addresses.delete({ project, region, address: 'jupyter-ip' });
    clock.advance(60_000);
    const [left] = await addresses.list({ project, region });
    expect(left).toEqual([]);
  });

  it('lists machine types per zone, answers NOT_FOUND for unknown ones and PERMISSION_DENIED for other projects', async () => {
    const { machineTypes } = await start();
    const [types] = await machineTypes.list({ project, zone });
    expect(types.find((type) => type.name === 'n1-standard-2')).toMatchObject({
      guestCpus: 2,
      memoryMb: 7680,
    });
    const [g2] = await machineTypes.get({ project, zone, machineType: 'g2-standard-4' });
    expect(g2.accelerators).toMatchObject([{ guestAcceleratorType: 'nvidia-l4', guestAcceleratorCount: 1 }]);
    expect(await rejection(machineTypes.get({ project, zone, machineType: 'n9-huge' }))).toMatchObject({
      code: 404,
    });
    expect(await rejection(machineTypes.list({ project: 'not-mine', zone }))).toMatchObject({
      code: 403,
      status: 'PERMISSION_DENIED',
    });
  });
});
