import type { HubfleetConfig } from '@hubfleet/core';
import { assertStepsAllowed, NO_SAFETY_FLAGS, planChanges } from '@hubfleet/core/engine';
import { afterEach, describe, expect, it } from 'vitest';
import type { RunningKubernetesFake } from '../kubernetes/index.js';
import { graphOf, MAGNUM_LABEL, magnumLikeDeployment, startUserServer } from './magnum-like-deployment.js';

const running: RunningKubernetesFake[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((fake) => fake.close()));
});

function withUsersOn(config: HubfleetConfig, instanceType: string): HubfleetConfig {
  const nodeGroups = config.cluster.nodeGroups.map((group) =>
    group.name === 'users' ? { ...group, instanceType } : group,
  );
  return { ...config, cluster: { ...config.cluster, nodeGroups } };
}

async function deploymentWithAUser() {
  const deployment = await magnumLikeDeployment('unlabelled');
  running.push(deployment.fake);
  await startUserServer(deployment);
  return deployment;
}

describe('a provider whose nodegroup labels do not reach its nodes', () => {
  it('counts the user pods on a nodegroup by the provider’s selector, so its replacement is refused', async () => {
    const { created, session } = await deploymentWithAUser();
    const config = withUsersOn(created, 'memory.2xlarge');
    const graph = graphOf(config, session);
    const cloud = graph.desired.filter((node) => node.kind === 'cluster' || node.kind === 'nodegroup');
    const plan = await planChanges({ deployment: config.name, desired: cloud });
    const users = plan.steps.find((step) => step.id === 'nodegroup/users');
    expect(users).toMatchObject({ action: 'replace' });
    expect(users?.destructive?.what).toMatch(/1 user pod/);

    expect(() => assertStepsAllowed(plan.steps, NO_SAFETY_FLAGS)).toThrow(
      expect.objectContaining({ kind: 'refused', message: expect.stringContaining('nodegroup/users') }),
    );
  });

  it('labels and taints the nodegroup’s nodes itself, then sees no drift', async () => {
    const { created, session, core } = await deploymentWithAUser();
    const graph = graphOf(created, session);
    const labelSteps = graph.desired.filter((node) => node.kind === 'node-labels');
    expect(labelSteps.map((node) => node.id).sort()).toEqual(['node-labels/core', 'node-labels/users']);
    const cloudAndLabels = graph.desired.filter((node) =>
      ['cluster', 'nodegroup', 'node-labels'].includes(node.kind),
    );
    const labelActions = async () =>
      (await planChanges({ deployment: created.name, desired: cloudAndLabels })).steps
        .filter((step) => step.kind === 'node-labels')
        .map((step) => step.action);
    expect(await labelActions()).toEqual(['update', 'update']);

    graph.goLive();
    const users = labelSteps.find((node) => node.id === 'node-labels/users');
    const signal = new AbortController().signal;
    for (const node of labelSteps) await node.apply('update', await node.observe(), { signal, attempt: 1 });
    const node = await core.readNode({ name: 'users-node-0' });
    expect(node.metadata?.labels).toMatchObject({
      'hubfleet.io/nodegroup': 'users',
      'hub.jupyter.org/node-purpose': 'user',
      course: 'ds100',
      [MAGNUM_LABEL]: 'users',
    });
    expect(node.spec?.taints).toEqual(
      expect.arrayContaining([{ key: 'hub.jupyter.org/dedicated', value: 'user', effect: 'NoSchedule' }]),
    );
    expect(users?.diff(await users.observe())).toMatchObject({ action: 'noop' });
    expect(await labelActions()).toEqual(['noop', 'noop']);
  });
});
