import type { HubfleetConfig, ProviderSessionV1, ProviderV1 } from '@hubfleet/core';
import { buildDeploymentGraph } from '@hubfleet/core/deployment';
import { assertStepsAllowed, NO_SAFETY_FLAGS, planChanges } from '@hubfleet/core/engine';
import { simulatedInstaller } from '@hubfleet/core/kubernetes';
import { CoreV1Api, KubeConfig } from '@kubernetes/client-node';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createInMemorySession,
  IN_MEMORY_CAPABILITIES,
  inMemoryConformanceConfig,
} from '../conformance/index.js';
import { createCallLog, createFaultInjector, createManualClock } from '../framework/index.js';
import { kubeconfigFor, type RunningKubernetesFake, startKubernetesFake } from '../kubernetes/index.js';

const HOUR = 3_600_000;
/** What Magnum puts on a node group's nodes; hubfleet's own labels never reach them. */
const MAGNUM_LABEL = 'magnum.openstack.org/nodegroup';

const running: RunningKubernetesFake[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((fake) => fake.close()));
});

/** A provider like Magnum: labels set on a nodegroup do not reach its nodes; nodes are found by Magnum's label. */
const labelsStayInTheCloud: ProviderV1 = {
  specificationVersion: 'v1',
  id: 'memory',
  displayName: 'In-memory cloud (labels do not reach nodes)',
  configSchema: {} as ProviderV1['configSchema'],
  capabilities: { ...IN_MEMORY_CAPABILITIES, nodeLabelsReachNodes: false },
  catalog: { exhaustive: false, priceSource: 'none', priceDate: '2026-12-01', currency: 'USD', machines: [] },
  toolDefaults: {
    autoscaler: { enabled: false, reason: 'not in this test' },
    registryCache: { enabled: false, reason: 'not in this test' },
    gpuDriver: { enabled: false, reason: 'not in this test' },
    monitoring: { enabled: false, reason: 'not in this test' },
    backups: { enabled: false, reason: 'not in this test' },
  },
  defaultServiceCidr: '10.254.0.0/16',
};

function withUsersOn(config: HubfleetConfig, instanceType: string): HubfleetConfig {
  const nodeGroups = config.cluster.nodeGroups.map((group) =>
    group.name === 'users' ? { ...group, instanceType } : group,
  );
  return { ...config, cluster: { ...config.cluster, nodeGroups } };
}

/**
 * The cloud (in memory) with an active cluster and its nodegroups, whose API server is the Kubernetes
 * fake: its nodes carry Magnum's label only, and one user server runs on the `users` node.
 */
async function deploymentWithAUser() {
  const clock = createManualClock();
  const created = inMemoryConformanceConfig('unlabelled');
  const session = createInMemorySession({ config: created, clock });
  await session.cluster.create();
  clock.advance(HOUR);
  for (const group of created.cluster.nodeGroups) await session.nodeGroups.create(group);
  clock.advance(HOUR);

  const fake = await startKubernetesFake({ clock, faults: createFaultInjector(), callLog: createCallLog() });
  running.push(fake);
  fake.fake.setNodeGroups(
    created.cluster.nodeGroups.map((group) => ({
      name: group.name,
      desired: 1,
      instanceType: group.instanceType,
      labels: { [MAGNUM_LABEL]: group.name },
      capacity: { cpu: 4, memory: '16Gi' },
    })),
  );
  const kubeconfig = JSON.stringify(kubeconfigFor(fake.url));
  const kc = new KubeConfig();
  kc.loadFromString(kubeconfig);
  const core = kc.makeApiClient(CoreV1Api);
  await core.createNamespacedPod({
    namespace: 'default',
    body: {
      metadata: { name: 'jupyter-ada', labels: { component: 'singleuser-server' } },
      spec: {
        nodeSelector: { [MAGNUM_LABEL]: 'users' },
        tolerations: [{ key: 'hub.jupyter.org/dedicated', operator: 'Exists' }],
        containers: [{ name: 'notebook', image: 'quay.io/jupyter/scipy-notebook' }],
      },
    },
  });
  // The fake schedules on its next request and starts the pod after its modelled start time.
  await core.readNamespacedPod({ name: 'jupyter-ada', namespace: 'default' });
  clock.advance(HOUR);
  const pod = await core.readNamespacedPod({ name: 'jupyter-ada', namespace: 'default' });
  expect(pod.status?.phase).toBe('Running');
  expect(pod.spec?.nodeName).toBe('users-node-0');

  const magnumLike = {
    ...session,
    cluster: { ...session.cluster, kubeconfig: async () => kubeconfig },
    nodeGroups: { ...session.nodeGroups, nodeSelector: (name: string) => `${MAGNUM_LABEL}=${name}` },
  };
  return { created, session: magnumLike, core };
}

/** The deployment graph on the Magnum-like provider; only cloud and label steps are planned here. */
function graphOf(config: HubfleetConfig, session: ProviderSessionV1) {
  return buildDeploymentGraph({
    config,
    provider: labelsStayInTheCloud,
    session,
    installer: simulatedInstaller({
      chartsDirectory: '/nowhere',
      run: async () => ({ code: 1, stdout: '', stderr: 'not in this test' }),
    }),
    resolveSecret: () => 'value',
    pollIntervalMs: 1,
    sleep: async () => undefined,
  });
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
