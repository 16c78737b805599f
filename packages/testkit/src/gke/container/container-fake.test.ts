import { afterEach, describe, expect, it } from 'vitest';
import { clusterManager, rejection } from '../../../test/google-clients.js';
import { createManualClock } from '../../framework/clock.js';
import { startContainerFake } from './container-fake.js';

const parent = 'projects/rhodes-cs/locations/us-central1-a';
const clusterName = `${parent}/clusters/jupyter`;

async function startFake() {
  const clock = createManualClock(Date.now());
  const fake = await startContainerFake({ clock, projects: ['rhodes-cs'] });
  running.push(fake);
  return { clock, fake, gke: clusterManager(fake.url) };
}

const running: { close(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((fake) => fake.close()));
});

const corePool = {
  name: 'default-pool',
  initialNodeCount: 1,
  config: {
    machineType: 'n1-standard-2',
    labels: { 'hub.jupyter.org/node-purpose': 'core' },
    taints: [{ key: 'hub.jupyter.org/dedicated', value: 'core', effect: 'NO_SCHEDULE' as const }],
  },
  autoscaling: { enabled: true, minNodeCount: 1, maxNodeCount: 2 },
};

describe('GKE container v1 fake, driven by @google-cloud/container in REST mode', () => {
  it('creates a cluster through a PENDING → RUNNING → DONE operation, then serves endpoint, CA and pools', async () => {
    const { clock, gke } = await startFake();
    const [operation] = await gke.createCluster({
      parent,
      cluster: {
        name: 'jupyter',
        resourceLabels: { 'hubfleet-deployment': 'jupyter' },
        releaseChannel: { channel: 'REGULAR' },
        initialClusterVersion: '1.34',
        nodePools: [corePool],
      },
    });
    expect(operation).toMatchObject({ operationType: 'CREATE_CLUSTER', status: 'PENDING' });
    expect(operation.targetLink).toBe(`https://container.googleapis.com/v1/${clusterName}`);
    const [provisioning] = await gke.getCluster({ name: clusterName });
    expect(provisioning).toMatchObject({ status: 'PROVISIONING', endpoint: '' });
    clock.advance(60_000);
    const [runningOperation] = await gke.getOperation({ name: `${parent}/operations/${operation.name}` });
    expect(runningOperation.status).toBe('RUNNING');
    clock.advance(10 * 60_000);
    const [done] = await gke.getOperation({ name: `${parent}/operations/${operation.name}` });
    expect(done.status).toBe('DONE');
    expect(done.error).toBeFalsy();
    const [cluster] = await gke.getCluster({ name: clusterName });
    expect(cluster).toMatchObject({
      status: 'RUNNING',
      currentMasterVersion: '1.34.1-gke.1829001',
      locations: ['us-central1-a'],
      resourceLabels: { 'hubfleet-deployment': 'jupyter' },
    });
    expect(cluster.endpoint).toMatch(/^34\.\d+\.\d+\.\d+$/);
    expect(Buffer.from(cluster.masterAuth?.clusterCaCertificate ?? '', 'base64').toString()).toContain(
      'BEGIN CERTIFICATE',
    );
    const pool = cluster.nodePools?.[0];
    expect(pool).toMatchObject({ name: 'default-pool', status: 'RUNNING' });
    expect(pool?.config?.taints).toEqual([
      { key: 'hub.jupyter.org/dedicated', value: 'core', effect: 'NO_SCHEDULE' },
    ]);
    const [listed] = await gke.listClusters({ parent: 'projects/rhodes-cs/locations/-' });
    expect(listed.clusters?.map((each) => each.name)).toEqual(['jupyter']);
  });

  it('runs one operation at a time per cluster: FAILED_PRECONDITION with CLUSTER_ALREADY_HAS_OPERATION', async () => {
    const { clock, gke } = await startFake();
    await gke.createCluster({ parent, cluster: { name: 'jupyter', nodePools: [corePool] } });
    clock.advance(60 * 60_000);
    await gke.createNodePool({
      parent: clusterName,
      nodePool: {
        name: 'user-pool',
        initialNodeCount: 0,
        autoscaling: { enabled: true, minNodeCount: 0, maxNodeCount: 3 },
        config: { machineType: 'n1-standard-2' },
      },
    });
    const refused = await rejection(
      gke.setNodePoolSize({ name: `${clusterName}/nodePools/default-pool`, nodeCount: 2 }),
    );
    expect(refused).toMatchObject({
      code: 400,
      status: 'FAILED_PRECONDITION',
      reason: 'CLUSTER_ALREADY_HAS_OPERATION',
    });
    expect(refused.message).toMatch(/incompatible operation operation-/);
    clock.advance(60 * 60_000);
    const [resize] = await gke.setNodePoolSize({
      name: `${clusterName}/nodePools/default-pool`,
      nodeCount: 2,
    });
    expect(resize.operationType).toBe('SET_NODE_POOL_SIZE');
    const [reconciling] = await gke.getNodePool({ name: `${clusterName}/nodePools/default-pool` });
    expect(reconciling.status).toBe('RECONCILING');
  });

  it('answers ALREADY_EXISTS, NOT_FOUND, INVALID_ARGUMENT and PERMISSION_DENIED in Google error bodies', async () => {
    const { clock, gke } = await startFake();
    await gke.createCluster({ parent, cluster: { name: 'jupyter', nodePools: [corePool] } });
    expect(
      await rejection(gke.createCluster({ parent, cluster: { name: 'jupyter', nodePools: [corePool] } })),
    ).toMatchObject({
      code: 409,
      status: 'ALREADY_EXISTS',
    });
    expect(await rejection(gke.getCluster({ name: `${parent}/clusters/other` }))).toMatchObject({
      code: 404,
      status: 'NOT_FOUND',
    });
    expect(
      await rejection(
        gke.createCluster({
          parent,
          cluster: { name: 'x', nodePools: [{ ...corePool, config: { machineType: 'n9-huge' } }] },
        }),
      ),
    ).toMatchObject({ status: 'INVALID_ARGUMENT', message: expect.stringMatching(/Machine type "n9-huge"/) });
    expect(
      await rejection(
        gke.createCluster({
          parent: 'projects/someone-else/locations/us-central1-a',
          cluster: { name: 'x', nodePools: [corePool] },
        }),
      ),
    ).toMatchObject({ code: 403, status: 'PERMISSION_DENIED', reason: 'IAM_PERMISSION_DENIED' });
    clock.advance(60 * 60_000);
  });

  it('updates labels and taints, autoscaling and resource labels when their operations finish, and deletes', async () => {
    const { clock, gke } = await startFake();
    await gke.createCluster({ parent, cluster: { name: 'jupyter', nodePools: [corePool] } });
    clock.advance(60 * 60_000);
    const poolName = `${clusterName}/nodePools/default-pool`;
    await gke.updateNodePool({
      name: poolName,
      labels: { labels: { role: 'core' } },
      taints: { taints: [] },
    });
    const [before] = await gke.getNodePool({ name: poolName });
    expect(before.config?.labels).toEqual({ 'hub.jupyter.org/node-purpose': 'core' });
    clock.advance(60 * 60_000);
    await gke.setNodePoolAutoscaling({
      name: poolName,
      autoscaling: { enabled: true, minNodeCount: 1, maxNodeCount: 5 },
    });
    clock.advance(60 * 60_000);
    const [after] = await gke.getNodePool({ name: poolName });
    expect(after.config?.labels).toEqual({ role: 'core' });
    expect(after.config?.taints).toEqual([]);
    expect(after.autoscaling).toMatchObject({ enabled: true, minNodeCount: 1, maxNodeCount: 5 });

    const [cluster] = await gke.getCluster({ name: clusterName });
    expect(
      await rejection(
        gke.setLabels({ name: clusterName, resourceLabels: { a: 'b' }, labelFingerprint: 'stale' }),
      ),
    ).toMatchObject({ status: 'FAILED_PRECONDITION' });
    await gke.setLabels({
      name: clusterName,
      resourceLabels: { a: 'b' },
      labelFingerprint: cluster.labelFingerprint,
    });
    clock.advance(60 * 60_000);
    expect((await gke.getCluster({ name: clusterName }))[0].resourceLabels).toEqual({ a: 'b' });

    const [deletion] = await gke.deleteCluster({ name: clusterName });
    expect(deletion.operationType).toBe('DELETE_CLUSTER');
    expect((await gke.getCluster({ name: clusterName }))[0].status).toBe('STOPPING');
    clock.advance(60 * 60_000);
    expect(await rejection(gke.getCluster({ name: clusterName }))).toMatchObject({ status: 'NOT_FOUND' });
  });

  it('ends a scripted failed operation DONE with error, and the cluster in ERROR', async () => {
    const { clock, fake, gke } = await startFake();
    fake.fake.failNextOperation({
      operationType: 'CREATE_CLUSTER',
      message: 'Failed to create cluster: insufficient capacity',
    });
    const [operation] = await gke.createCluster({
      parent,
      cluster: { name: 'jupyter', nodePools: [corePool] },
    });
    clock.advance(60 * 60_000);
    const [done] = await gke.getOperation({ name: `${parent}/operations/${operation.name}` });
    expect(done).toMatchObject({
      status: 'DONE',
      error: { code: 13, message: expect.stringMatching(/insufficient capacity/) },
    });
    expect((await gke.getCluster({ name: clusterName }))[0].status).toBe('ERROR');
  });
});
