import { describe, expect, it } from 'vitest';
import { applyPlan } from '../engine/apply.js';
import { planTeardown } from '../engine/plan.js';
import { HubfleetError } from '../errors/index.js';
import { releaseClusterBase } from './release-cluster-base.js';
import { emptyCloud, stubGraph, TEST_RETRY } from './testing/stub-cloud.js';

const transient = () => new HubfleetError({ kind: 'unavailable', message: 'HTTP 503 from the cloud' });

/** Throws a transient error the first `times` calls, then does `then`. */
function flaky<T>(times: number, then: () => Promise<T>): { call: () => Promise<T>; calls: () => number } {
  let calls = 0;
  return {
    call: async () => {
      calls += 1;
      if (calls <= times) throw transient();
      return then();
    },
    calls: () => calls,
  };
}

const teardownFlags = { allowReplace: false, deleteData: false, teardown: true };
const quick = { retry: TEST_RETRY, sleep: async () => undefined };

describe('the cluster step of down, once the cluster is gone', () => {
  it('is not "already gone" while its network and roles remain, and deletes them through transient failures', async () => {
    const session = emptyCloud();
    let left = ['network', 'roles'];
    session.cluster.leftovers = async () => left;
    const release = flaky(2, async () => {
      left = [];
    });
    session.cluster.delete = release.call;
    const graph = stubGraph(session);
    const cluster = graph.desired.filter((node) => node.kind === 'cluster');
    const plan = await planTeardown({ deployment: 'prod-green', resources: cluster, ...quick });
    expect(plan.steps[0]).toMatchObject({ id: 'cluster/prod-green', action: 'delete' });
    graph.goLive();
    const { summary } = await applyPlan({ plan, resources: cluster, flags: teardownFlags, ...quick });
    expect(summary.outcome).toBe('succeeded');
    expect(release.calls()).toBeGreaterThanOrEqual(3);
    expect(left).toEqual([]);
  });

  it('is already gone when the provider reports no leftovers (or cannot list them)', async () => {
    const session = emptyCloud();
    session.cluster.leftovers = async () => [];
    const withList = stubGraph(session).desired.filter((node) => node.kind === 'cluster');
    const withoutList = stubGraph(emptyCloud()).desired.filter((node) => node.kind === 'cluster');
    for (const resources of [withList, withoutList]) {
      const plan = await planTeardown({ deployment: 'prod-green', resources, ...quick });
      expect(plan.steps[0]).toMatchObject({ action: 'noop', reason: 'already gone' });
    }
  });
});

describe('reads and the final release outside the steps are retried', () => {
  it('releaseClusterBase tries a transient failure of observe and of delete again', async () => {
    const session = emptyCloud();
    const observe = flaky(2, async () => undefined);
    const release = flaky(2, async () => undefined);
    session.cluster.observe = observe.call;
    session.cluster.delete = release.call;
    await expect(releaseClusterBase(stubGraph(session))).resolves.toBe(true);
    expect(release.calls()).toBe(3);
  });

  it('gives up after the policy allows, with the last error', async () => {
    const session = emptyCloud();
    const release = flaky(99, async () => undefined);
    session.cluster.delete = release.call;
    await expect(releaseClusterBase(stubGraph(session))).rejects.toThrow('HTTP 503');
    expect(release.calls()).toBe(TEST_RETRY.maxAttempts);
  });

  it('findUndesired and teardown list again after a transient failure', async () => {
    const session = emptyCloud();
    const groups = flaky(1, async () => []);
    const volumes = flaky(1, async () => []);
    session.nodeGroups.list = groups.call;
    session.volumes.list = volumes.call;
    const graph = stubGraph(session);
    await expect(graph.findUndesired()).resolves.toEqual(expect.any(Array));
    expect(groups.calls()).toBe(2);
    const again = stubGraph(session);
    const failingAgain = flaky(1, async () => []);
    session.nodeGroups.list = failingAgain.call;
    await expect(again.teardown()).resolves.toEqual(expect.any(Array));
    expect(failingAgain.calls()).toBe(2);
  });

  it('does not retry an error that is not transient', async () => {
    const session = emptyCloud();
    let calls = 0;
    session.nodeGroups.list = async () => {
      calls += 1;
      throw new HubfleetError({ kind: 'permission', message: 'not allowed' });
    };
    await expect(stubGraph(session).findUndesired()).rejects.toThrow('not allowed');
    expect(calls).toBe(1);
  });
});

describe('a cluster the cloud reports failed while deleting (Magnum DELETE_FAILED)', () => {
  it('is asked to delete again by down, not the end of it', async () => {
    const session = emptyCloud();
    const cluster = { name: 'prod-green', kubernetesVersion: '1.34', tags: {} };
    let state: 'active' | 'failed' | 'gone' = 'active';
    let deletes = 0;
    session.cluster.observe = async () => (state === 'gone' ? undefined : { ...cluster, status: state });
    session.cluster.delete = async () => {
      deletes += 1;
      // The first delete fails in the cloud; the second one goes through.
      state = state === 'gone' ? 'gone' : deletes === 1 ? 'failed' : 'gone';
    };
    const graph = stubGraph(session);
    const resources = graph.desired.filter((node) => node.kind === 'cluster');
    const plan = await planTeardown({ deployment: 'prod-green', resources, ...quick });
    graph.goLive();
    const { summary } = await applyPlan({ plan, resources, flags: teardownFlags, ...quick });
    expect(summary.outcome).toBe('succeeded');
    expect(deletes).toBeGreaterThanOrEqual(2);
    expect(state).toBe('gone');
  });
});
