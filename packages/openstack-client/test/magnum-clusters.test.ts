import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { replace } from '../src/magnum/json-patch.js';
import {
  createCluster,
  deleteCluster,
  getCluster,
  listClusters,
  resizeCluster,
  updateCluster,
} from '../src/magnum/magnum-clusters.js';
import { type FakeWorld, failure, startFakeWorld } from './fake-world.js';
import { MINUTE, magnumClient, startMagnum } from './magnum-world.js';

let world: FakeWorld;
let templateId: string;
let magnumFake: Awaited<ReturnType<typeof startMagnum>>['magnum'];
beforeEach(async () => {
  world = await startFakeWorld();
  ({ magnum: magnumFake, templateId } = await startMagnum(world));
});
afterEach(() => world.close());

describe('Magnum clusters through the client, against the Magnum fake', () => {
  it('creates a cluster that goes CREATE_IN_PROGRESS → CREATE_COMPLETE with an API address', async () => {
    const magnum = await magnumClient(world);
    const uuid = await createCluster(magnum, {
      name: 'hub',
      cluster_template_id: templateId,
      node_count: 2,
      keypair: 'ops',
      labels: { x: 'y' },
      merge_labels: true,
    });
    const creating = await getCluster(magnum, uuid);
    expect(creating).toMatchObject({
      name: 'hub',
      status: 'CREATE_IN_PROGRESS',
      apiAddress: null,
      nodeCount: 2,
      masterCount: 1,
    });
    expect(creating.labels).toEqual({ kube_tag: 'v1.29.2', auto_scaling_enabled: 'true', x: 'y' });
    world.clock.advance(14 * MINUTE);
    const ready = await getCluster(magnum, 'hub');
    expect(ready).toMatchObject({
      uuid,
      status: 'CREATE_COMPLETE',
      healthStatus: 'HEALTHY',
      coeVersion: 'v1.29.2',
    });
    expect(ready.apiAddress).toMatch(/^https:\/\/.+:6443$/);
    expect(ready.nodeAddresses).toHaveLength(2);
    expect(ready.createdAt).toBe(world.clock.now() - 14 * MINUTE);
  });

  it('ends in CREATE_FAILED with the reason when the stack fails', async () => {
    magnumFake.fake.failNext(
      'create-cluster',
      'Resource CREATE failed: ResourceInError: Went to status ERROR due to "No valid host was found."',
    );
    const magnum = await magnumClient(world);
    const uuid = await createCluster(magnum, { name: 'broken', cluster_template_id: templateId });
    world.clock.advance(14 * MINUTE);
    const cluster = await getCluster(magnum, uuid);
    expect(cluster.status).toBe('CREATE_FAILED');
    expect(cluster.statusReason).toContain('No valid host');
  });

  it('makes a second cluster for a second create with the same name; the name then is ambiguous (409)', async () => {
    const magnum = await magnumClient(world);
    const first = await createCluster(magnum, { name: 'twin', cluster_template_id: templateId });
    const second = await createCluster(magnum, { name: 'twin', cluster_template_id: templateId });
    expect(first).not.toBe(second);
    expect((await listClusters(magnum)).filter((cluster) => cluster.name === 'twin')).toHaveLength(2);
    const error = await failure(getCluster(magnum, 'twin'));
    expect(error).toMatchObject({ kind: 'conflict', status: 409, subject: 'cluster/twin' });
    expect(error?.message).toContain('Multiple clusters exist with same name');
  });

  it('lists every cluster across pages by following `next`', async () => {
    await world.close();
    world = await startFakeWorld();
    ({ templateId } = await startMagnum(world, { maxLimit: 2 }));
    const magnum = await magnumClient(world);
    for (const name of ['a', 'b', 'c', 'd', 'e'])
      await createCluster(magnum, { name, cluster_template_id: templateId });
    const clusters = await listClusters(magnum);
    expect(clusters.map((cluster) => cluster.name).sort()).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(world.callLog.count({ service: 'magnum', operation: 'ListClusterDetails' })).toBe(3);
  });

  it('applies a node_count patch on a settled cluster: UPDATE_IN_PROGRESS → UPDATE_COMPLETE', async () => {
    const magnum = await magnumClient(world);
    const uuid = await createCluster(magnum, {
      name: 'grow',
      cluster_template_id: templateId,
      node_count: 1,
    });
    world.clock.advance(14 * MINUTE);
    await updateCluster(magnum, uuid, [replace('/node_count', 3)]);
    expect(await getCluster(magnum, uuid)).toMatchObject({ status: 'UPDATE_IN_PROGRESS', nodeCount: 1 });
    world.clock.advance(4 * MINUTE);
    expect(await getCluster(magnum, uuid)).toMatchObject({ status: 'UPDATE_COMPLETE', nodeCount: 3 });
  });

  it('accepts an update while the cluster is busy (202) and silently drops it, as the conductor does', async () => {
    const magnum = await magnumClient(world);
    const uuid = await createCluster(magnum, {
      name: 'busy',
      cluster_template_id: templateId,
      node_count: 1,
    });
    expect(await updateCluster(magnum, uuid, [replace('/node_count', 5)])).toBe(uuid);
    world.clock.advance(30 * MINUTE);
    expect(await getCluster(magnum, uuid)).toMatchObject({ status: 'CREATE_COMPLETE', nodeCount: 1 });
  });

  it('resizes the default worker group within its bounds and refuses outside them (400)', async () => {
    const magnum = await magnumClient(world);
    const uuid = await createCluster(magnum, {
      name: 'resize',
      cluster_template_id: templateId,
      node_count: 2,
    });
    world.clock.advance(14 * MINUTE);
    const error = await failure(resizeCluster(magnum, uuid, { node_count: 0, nodegroup: 'default-master' }));
    expect(error).toMatchObject({ kind: 'invalid-config', status: 400 });
    await resizeCluster(magnum, uuid, { node_count: 4 });
    world.clock.advance(4 * MINUTE);
    expect((await getCluster(magnum, uuid)).nodeCount).toBe(4);
  });

  it('refuses an unknown patch path with 400 mapped to invalid-config', async () => {
    const magnum = await magnumClient(world);
    const uuid = await createCluster(magnum, { name: 'p', cluster_template_id: templateId });
    const error = await failure(updateCluster(magnum, uuid, [replace('/name', 'other')]));
    expect(error).toMatchObject({ kind: 'invalid-config', status: 400, service: 'container-infra' });
    expect(error?.message).toContain("'/name' is an internal attribute");
  });

  it('deletes: DELETE_IN_PROGRESS, then gone (404 not-found)', async () => {
    const magnum = await magnumClient(world);
    const uuid = await createCluster(magnum, { name: 'bye', cluster_template_id: templateId });
    world.clock.advance(14 * MINUTE);
    await deleteCluster(magnum, uuid);
    expect((await getCluster(magnum, uuid)).status).toBe('DELETE_IN_PROGRESS');
    world.clock.advance(5 * MINUTE);
    const error = await failure(getCluster(magnum, uuid));
    expect(error).toMatchObject({ kind: 'not-found', status: 404, retryable: false });
    expect(error?.requestId).toMatch(/^req-/);
    expect(error?.hint).toContain(error?.requestId);
    expect(await deleteCluster(magnum, uuid)).toBe(false);
  });

  it('ends a delete in DELETE_FAILED when scripted, keeping the cluster', async () => {
    magnumFake.fake.failNext('delete-cluster', 'Resource DELETE failed: port in use by a load balancer');
    const magnum = await magnumClient(world);
    const uuid = await createCluster(magnum, { name: 'stuck', cluster_template_id: templateId });
    world.clock.advance(14 * MINUTE);
    await deleteCluster(magnum, uuid);
    world.clock.advance(5 * MINUTE);
    expect(await getCluster(magnum, uuid)).toMatchObject({
      status: 'DELETE_FAILED',
      statusReason: expect.stringContaining('load balancer'),
    });
  });

  it('maps the cluster quota (403 ResourceLimitExceeded) to quota, not retried', async () => {
    await world.close();
    world = await startFakeWorld();
    ({ templateId } = await startMagnum(world, { quotas: { clustersPerProject: 1 } }));
    const magnum = await magnumClient(world);
    await createCluster(magnum, { name: 'one', cluster_template_id: templateId });
    const error = await failure(createCluster(magnum, { name: 'two', cluster_template_id: templateId }));
    expect(error).toMatchObject({ kind: 'quota', status: 403, retryable: false });
    expect(error?.hint).toContain('quota');
    expect(world.callLog.count({ service: 'magnum', operation: 'CreateCluster' })).toBe(2);
  });
});
