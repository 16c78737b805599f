import { v1 as container } from '@google-cloud/container';
import { HubfleetError } from '@hubfleet/core';
import { createManualClock } from '@hubfleet/testkit';
import { JWT } from 'google-auth-library';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { driving, rhodesConfig, startGoogleFakes } from '../test/gke-fake-world.js';
import { connectGke } from './gke-connect.js';
import type { GkeProviderSession } from './gke-session.js';

vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

const PROJECT = 'rhodes-cs';
type Fakes = Awaited<ReturnType<typeof startGoogleFakes>>;
const open: { fakes: Fakes; session?: GkeProviderSession }[] = [];

afterEach(async () => {
  for (const { fakes, session } of open.splice(0)) {
    await session?.close();
    await fakes.close();
  }
});

async function world(options: { configProject?: string; clock?: ReturnType<typeof createManualClock> } = {}) {
  const fakes = await startGoogleFakes(PROJECT, options.clock ? { clock: options.clock } : {});
  const config = rhodesConfig('jupyter', options.configProject ?? PROJECT);
  const session = await connectGke(
    config,
    { configDirectory: process.cwd(), simulation: { endpoints: fakes.endpoints, credentials: fakes.key } },
    { pollIntervalMs: 2, retryDelayMs: 1 },
  );
  open.push({ fakes, session });
  return { fakes, session, config };
}

/** The GKE client as another tool (gcloud, a colleague) would use it against the same fake. */
function otherClient(fakes: Fakes): container.ClusterManagerClient {
  const { hostname, port } = new URL(fakes.container.url);
  const auth = new JWT({
    email: fakes.key.client_email,
    key: fakes.key.private_key,
    scopes: ['https://www.googleapis.com/auth/cloud-platform'],
  });
  return new container.ClusterManagerClient({
    fallback: true,
    protocol: 'http',
    apiEndpoint: hostname,
    port: Number(port),
    authClient: auth as never,
    universeDomain: 'googleapis.com',
  });
}

async function failure(work: Promise<unknown>): Promise<HubfleetError> {
  try {
    await work;
  } catch (error) {
    if (HubfleetError.is(error)) return error;
    throw error;
  }
  throw new Error('expected a failure');
}

const parent = `projects/${PROJECT}/locations/us-central1-a`;

describe('GKE error mapping, one test per documented error, through the real SDKs', () => {
  it('FAILED_PRECONDITION / CLUSTER_ALREADY_HAS_OPERATION: waits for the running operation, then retries', async () => {
    const clock = createManualClock(Date.now());
    const { fakes, session, config } = await world({ clock });
    await driving(clock, session.cluster.create());
    // Someone else's operation (an auto-upgrade, a colleague's resize) holds the cluster.
    const [resize] = await otherClient(fakes).setNodePoolSize({
      name: `${parent}/clusters/jupyter/nodePools/default-pool`,
      nodeCount: 2,
    });
    expect(resize.status).toBe('PENDING');
    const users = config.cluster.nodeGroups.find((group) => group.name === 'user-pool');
    if (users === undefined) throw new Error('the Rhodes example has a user-pool');
    const observed = (await session.nodeGroups.list()).find((group) => group.name === 'user-pool');
    if (observed === undefined) throw new Error('user-pool is listed');
    // The clock stands still: the resize cannot end until the update has been refused once.
    const updating = session.nodeGroups.update({ ...users, max: 5 }, observed);
    while (!fakes.callLog.calls.some((call) => call.operation === 'SetNodePoolAutoscaling')) {
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    await driving(clock, updating);
    const refused = fakes.callLog.calls.filter((call) => call.operation === 'SetNodePoolAutoscaling');
    expect(refused.map((call) => call.status)).toEqual([400, 200]);
    expect((await session.nodeGroups.list()).find((group) => group.name === 'user-pool')?.max).toBe(5);
  });

  it('an operation DONE with error is a failure carrying its message', async () => {
    const { fakes, session } = await world();
    fakes.container.fake.failNextOperation({
      operationType: 'CREATE_CLUSTER',
      message: "Failed to create cluster: the zone 'us-central1-a' does not have enough resources available",
    });
    const error = await failure(session.cluster.create());
    expect(error.retryable).toBe(false);
    expect(error.message).toMatch(/does not have enough resources available/);
    expect(error.subject).toBe('cluster/jupyter');
    expect((await session.cluster.observe())?.status).toBe('failed');
  });

  it('ALREADY_EXISTS: adopts a cluster whose ownership labels match, names the conflict otherwise', async () => {
    const { fakes, session } = await world();
    const nodePools = [
      { name: 'default-pool', initialNodeCount: 1, config: { machineType: 'n1-standard-2' } },
    ];
    const other = otherClient(fakes);
    await other.createCluster({
      parent,
      cluster: {
        name: 'jupyter',
        resourceLabels: { 'hubfleet-deployment': 'jupyter', 'hubfleet-component': 'cluster' },
        nodePools,
      },
    });
    await session.cluster.create();
    expect(fakes.callLog.count({ operation: 'CreateCluster' })).toBe(1);

    const second = await world();
    await otherClient(second.fakes).createCluster({
      parent,
      cluster: { name: 'jupyter', resourceLabels: { team: 'other' }, nodePools },
    });
    const conflict = await failure(second.session.cluster.create());
    expect(conflict.kind).toBe('conflict');
    expect(conflict.message).toMatch(
      /a GKE cluster named jupyter exists in us-central1-a but its resource labels do not say/,
    );
    expect(conflict.hint).toMatch(/rename the deployment/);
  });

  it('RESOURCE_EXHAUSTED: a quota stops with a hint naming the quota; a rate limit is retried', async () => {
    const { fakes, session } = await world();
    fakes.faults.script({ operation: 'container.CreateCluster', fault: 'quota', times: 1 });
    const quota = await failure(session.cluster.create());
    expect(quota).toMatchObject({ kind: 'quota', retryable: false });
    expect(quota.hint).toMatch(/CPUS quota/);
    expect(quota.hint).toContain('https://console.cloud.google.com/iam-admin/quotas?project=rhodes-cs');

    fakes.faults.script({ operation: 'container.GetCluster', fault: 'throttle', times: 2 });
    expect(await session.cluster.observe()).toBeUndefined();
    const throttled = fakes.callLog.calls.filter(
      (call) => call.operation === 'GetCluster' && call.status === 429,
    );
    expect(throttled).toHaveLength(2);
  });

  it('PERMISSION_DENIED: stops with a hint naming the permission and the role', async () => {
    const { session } = await world({ configProject: 'not-rhodes' });
    const denied = await failure(session.cluster.observe());
    expect(denied).toMatchObject({ kind: 'permission', retryable: false });
    expect(denied.message).toMatch(/PERMISSION_DENIED\/IAM_PERMISSION_DENIED/);
    expect(denied.hint).toMatch(/'container\.clusters\.get' on not-rhodes: grant roles\/container\.admin/);
  });

  it('NOT_FOUND: observing or deleting what is not there resolves', async () => {
    const { session } = await world();
    expect(await session.cluster.observe()).toBeUndefined();
    await expect(session.cluster.delete()).resolves.toBeUndefined();
    await expect(session.nodeGroups.delete('user-pool')).resolves.toBeUndefined();
    expect(await session.volumes.list()).toEqual([]);
  });
});
