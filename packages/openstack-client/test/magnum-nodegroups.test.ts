import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { replace } from '../src/magnum/json-patch.js';
import { createCluster } from '../src/magnum/magnum-clusters.js';
import {
  createNodegroup,
  deleteNodegroup,
  getNodegroup,
  listNodegroups,
  supportsNodegroupLabels,
  updateNodegroup,
} from '../src/magnum/magnum-nodegroups.js';
import { type FakeWorld, failure, startFakeWorld } from './fake-world.js';
import { MINUTE, magnumClient, startMagnum } from './magnum-world.js';

let world: FakeWorld;
let templateId: string;
let magnumFake: Awaited<ReturnType<typeof startMagnum>>['magnum'];
beforeEach(async () => {
  world = await startFakeWorld();
  ({ templateId, magnum: magnumFake } = await startMagnum(world));
});
afterEach(() => world.close());

async function readyCluster(magnum: Awaited<ReturnType<typeof magnumClient>>): Promise<string> {
  const uuid = await createCluster(magnum, { name: 'hub', cluster_template_id: templateId, node_count: 1 });
  world.clock.advance(14 * MINUTE);
  return uuid;
}

describe('Magnum nodegroups through the client, against the Magnum fake', () => {
  it('lists the two default nodegroups a cluster is born with, in full', async () => {
    const magnum = await magnumClient(world);
    const cluster = await readyCluster(magnum);
    const groups = await listNodegroups(magnum, cluster);
    expect(groups.map((group) => [group.name, group.role, group.isDefault, group.status]).sort()).toEqual([
      ['default-master', 'master', true, 'CREATE_COMPLETE'],
      ['default-worker', 'worker', true, 'CREATE_COMPLETE'],
    ]);
    expect(groups.every((group) => group.clusterId === cluster && group.minNodeCount === 1)).toBe(true);
    expect((await listNodegroups(magnum, cluster, 'master')).map((group) => group.name)).toEqual([
      'default-master',
    ]);
  });

  it('refuses a nodegroup before the cluster has an API address (409)', async () => {
    const magnum = await magnumClient(world);
    const cluster = await createCluster(magnum, { name: 'early', cluster_template_id: templateId });
    const error = await failure(createNodegroup(magnum, cluster, { name: 'users' }));
    expect(error).toMatchObject({ kind: 'conflict', status: 409 });
    expect(error?.message).toContain('Cluster API address is not available yet');
  });

  it('creates a nodegroup with zero nodes and node labels at 1.14: CREATE_IN_PROGRESS → CREATE_COMPLETE', async () => {
    const magnum = await magnumClient(world);
    expect(magnum.microversion).toBe('1.14');
    expect(supportsNodegroupLabels(magnum)).toBe(true);
    const cluster = await readyCluster(magnum);
    const created = await createNodegroup(magnum, cluster, {
      name: 'gpu',
      flavor_id: 'g1.large',
      node_count: 0,
      min_node_count: 0,
      max_node_count: 4,
      node_labels: { 'hubfleet.io/nodegroup': 'gpu' },
      node_taints: ['nvidia.com/gpu=present:NoSchedule'],
      labels: { extra: '1' },
      merge_labels: true,
    });
    expect(created).toMatchObject({
      name: 'gpu',
      status: 'CREATE_IN_PROGRESS',
      nodeCount: 0,
      maxNodeCount: 4,
    });
    world.clock.advance(8 * MINUTE);
    const ready = await getNodegroup(magnum, cluster, 'gpu');
    expect(ready).toMatchObject({
      status: 'CREATE_COMPLETE',
      flavorId: 'g1.large',
      nodeLabels: { 'hubfleet.io/nodegroup': 'gpu' },
    });
    expect(ready.nodeTaints).toEqual(['nvidia.com/gpu=present:NoSchedule']);
    expect(ready.labels).toMatchObject({ kube_tag: 'v1.29.2', extra: '1' });
  });

  it('ends a failed nodegroup create in CREATE_FAILED with its reason', async () => {
    const magnum = await magnumClient(world);
    const cluster = await readyCluster(magnum);
    magnumFake.fake.failNext('create-nodegroup', 'Resource CREATE failed: Quota exceeded for cores');
    await createNodegroup(magnum, cluster, { name: 'big', flavor_id: 'l2.medium' });
    world.clock.advance(8 * MINUTE);
    expect(await getNodegroup(magnum, cluster, 'big')).toMatchObject({
      status: 'CREATE_FAILED',
      statusReason: 'Resource CREATE failed: Quota exceeded for cores',
    });
  });

  it('refuses a second nodegroup of the same name (409) and counts out of bounds (409)', async () => {
    const magnum = await magnumClient(world);
    const cluster = await readyCluster(magnum);
    await createNodegroup(magnum, cluster, { name: 'users', node_count: 1 });
    expect(await failure(createNodegroup(magnum, cluster, { name: 'users' }))).toMatchObject({
      kind: 'conflict',
      status: 409,
    });
    const bounds = await failure(
      createNodegroup(magnum, cluster, { name: 'big', node_count: 5, max_node_count: 2 }),
    );
    expect(bounds).toMatchObject({ kind: 'conflict', status: 409 });
    expect(bounds?.message).toContain('node_count (5) should be less or equal to max_node_count (2)');
  });

  it('updates min/max with a JSON patch, and refuses other attributes (400)', async () => {
    const magnum = await magnumClient(world);
    const cluster = await readyCluster(magnum);
    await createNodegroup(magnum, cluster, { name: 'users', node_count: 2 });
    world.clock.advance(8 * MINUTE);
    const updated = await updateNodegroup(magnum, cluster, 'users', [
      replace('/max_node_count', 6),
      replace('/min_node_count', 1),
    ]);
    expect(updated).toMatchObject({ status: 'UPDATE_IN_PROGRESS', minNodeCount: 1, maxNodeCount: 6 });
    world.clock.advance(MINUTE);
    expect((await getNodegroup(magnum, cluster, 'users')).status).toBe('UPDATE_COMPLETE');
    expect(
      await failure(updateNodegroup(magnum, cluster, 'users', [replace('/node_count', 3)])),
    ).toMatchObject({
      kind: 'invalid-config',
      status: 400,
    });
  });

  it('will not delete a default nodegroup (400) but deletes others: DELETE_IN_PROGRESS → gone', async () => {
    const magnum = await magnumClient(world);
    const cluster = await readyCluster(magnum);
    const refused = await failure(deleteNodegroup(magnum, cluster, 'default-worker'));
    expect(refused).toMatchObject({ status: 400, kind: 'invalid-config' });
    expect(refused?.message).toContain('Deleting a default nodegroup is not supported');
    await createNodegroup(magnum, cluster, { name: 'tmp' });
    world.clock.advance(8 * MINUTE);
    expect(await deleteNodegroup(magnum, cluster, 'tmp')).toBe(true);
    expect((await getNodegroup(magnum, cluster, 'tmp')).status).toBe('DELETE_IN_PROGRESS');
    world.clock.advance(3 * MINUTE);
    expect(await failure(getNodegroup(magnum, cluster, 'tmp'))).toMatchObject({
      kind: 'not-found',
      status: 404,
    });
    expect(await deleteNodegroup(magnum, cluster, 'tmp')).toBe(false);
  });
});

describe('Magnum microversion negotiation', () => {
  it('settles on the cloud maximum when it is below the client (1.10): no nodegroup labels', async () => {
    await world.close();
    world = await startFakeWorld();
    ({ templateId } = await startMagnum(world, { maxMicroversion: '1.10' }));
    const magnum = await magnumClient(world);
    expect(magnum.microversion).toBe('1.10');
    expect(magnum.serverMicroversions).toEqual({ min: '1.1', max: '1.10' });
    expect(supportsNodegroupLabels(magnum)).toBe(false);
    const cluster = await readyCluster(magnum);
    const calls = world.callLog.count({ service: 'magnum', operation: 'CreateNodegroup' });
    const error = await failure(createNodegroup(magnum, cluster, { name: 'gpu', node_labels: { a: 'b' } }));
    expect(error).toMatchObject({ kind: 'internal' });
    expect(error?.hint).toContain('Kubernetes API');
    expect(world.callLog.count({ service: 'magnum', operation: 'CreateNodegroup' })).toBe(calls);
    // Zero-node groups are fine from 1.10.
    expect((await createNodegroup(magnum, cluster, { name: 'spare', node_count: 0 })).nodeCount).toBe(0);
  });

  it('settles on the client maximum when the cloud is newer, and the cloud refuses a method too new for it (406)', async () => {
    const magnum = await magnumClient(world, { 'container-infra': '1.8' });
    expect(magnum.microversion).toBe('1.8');
    const cluster = await createCluster(magnum, { name: 'old', cluster_template_id: templateId });
    const error = await failure(listNodegroups(magnum, cluster));
    expect(error).toMatchObject({ kind: 'internal', status: 406 });
    expect(error?.message).toContain('not supported for this version');
  });

  it('answers 406 to a version outside the served range', async () => {
    const magnum = await magnumClient(world);
    const error = await failure(magnum.request({ method: 'GET', path: '/clusters', microversion: '1.15' }));
    expect(error).toMatchObject({ kind: 'internal', status: 406 });
    expect(error?.message).toContain('The supported version range is: [1.1, 1.14]');
  });
});
