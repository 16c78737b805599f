import { describe, expect, it } from 'vitest';
import { applyPlan } from '../engine/apply.js';
import { planChanges } from '../engine/plan.js';
import type { ObservedClusterV1 } from '../provider/v1/session.js';
import { emptyCloud, stubGraph, TEST_RETRY } from './testing/stub-cloud.js';

const quick = { retry: TEST_RETRY, sleep: async () => undefined };
const upFlags = { allowReplace: false, deleteData: false, teardown: false };

/** A cluster an earlier run left `status`, which becomes active only if `create()` is called again. */
function clusterLeft(status: ObservedClusterV1['status']) {
  const session = emptyCloud();
  const { kubernetesVersion } = stubGraph(emptyCloud()).context.config.cluster;
  let created = 0;
  let reads = 0;
  session.cluster.observe = async () => {
    reads += 1;
    // The engine's waits sleep no time here: fail rather than spin on a cluster nothing builds.
    if (reads > 100) throw new Error(`observed ${status} ${reads} times: nothing built it`);
    return {
      name: 'prod-green',
      status: created > 0 ? 'active' : status,
      kubernetesVersion,
      tags: { 'hubfleet.io/deployment': 'prod-green' },
    } satisfies ObservedClusterV1;
  };
  session.cluster.create = async () => {
    created += 1;
  };
  return { session, created: () => created };
}

describe('a cluster an earlier run left creating', () => {
  it('is created again, so a cluster nothing else builds (a kubeadm control plane) converges', async () => {
    const { session, created } = clusterLeft('creating');
    const graph = stubGraph(session);
    const cluster = graph.desired.filter((node) => node.kind === 'cluster');
    const plan = await planChanges({ deployment: 'prod-green', desired: cluster, ...quick });
    expect(plan.steps[0]).toMatchObject({
      action: 'update',
      reason: 'still creating after an earlier run: wait until it is active',
    });
    graph.goLive();
    const { summary } = await applyPlan({ plan, resources: cluster, flags: upFlags, ...quick });
    expect(summary.outcome).toBe('succeeded');
    expect(created()).toBe(1);
  });

  it('is only waited for while it is updating: create is for a cluster still being made', async () => {
    const { session, created } = clusterLeft('updating');
    let observed = 0;
    const observe = session.cluster.observe;
    // The cloud finishes its update on its own after a few reads.
    session.cluster.observe = async () => {
      observed += 1;
      const cluster = await observe();
      return cluster === undefined ? undefined : { ...cluster, status: observed > 3 ? 'active' : 'updating' };
    };
    const graph = stubGraph(session);
    const cluster = graph.desired.filter((node) => node.kind === 'cluster');
    const plan = await planChanges({ deployment: 'prod-green', desired: cluster, ...quick });
    graph.goLive();
    const { summary } = await applyPlan({ plan, resources: cluster, flags: upFlags, ...quick });
    expect(summary.outcome).toBe('succeeded');
    expect(created()).toBe(0);
  });
});
