import type { HubfleetConfig, ObservedClusterV1, ProviderSessionV1, ProviderV1 } from '@hubfleet/core';
import { buildDeploymentGraph } from '@hubfleet/core/deployment';
import { simulatedInstaller } from '@hubfleet/core/kubernetes';
import { CoreV1Api, KubeConfig } from '@kubernetes/client-node';
import { expect } from 'vitest';
import {
  createInMemorySession,
  IN_MEMORY_CAPABILITIES,
  inMemoryConformanceConfig,
} from '../conformance/index.js';
import { createCallLog, createFaultInjector, createManualClock } from '../framework/index.js';
import { kubeconfigFor, type RunningKubernetesFake, startKubernetesFake } from '../kubernetes/index.js';

// A deployment on a Magnum-like provider for tests that run core's deployment graph against the
// in-memory cloud and the Kubernetes fake: not part of the testkit's exports.

const HOUR = 3_600_000;
/** What Magnum puts on a node group's nodes; hubfleet's own labels never reach them. */
export const MAGNUM_LABEL = 'magnum.openstack.org/nodegroup';

/** A provider like Magnum: labels set on a nodegroup do not reach its nodes; nodes are found by Magnum's label. */
export const labelsStayInTheCloud: ProviderV1 = {
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

/**
 * The cloud (in memory) with an active cluster and its nodegroups, whose API server is the Kubernetes
 * fake (Service range 10.100.0.0/16, as the cluster reports): its nodes carry Magnum's label only.
 * Close `fake` when done.
 */
export async function magnumLikeDeployment(name: string) {
  const clock = createManualClock();
  const created = inMemoryConformanceConfig(name);
  const inMemory = createInMemorySession({ config: created, clock });
  await inMemory.cluster.create();
  clock.advance(HOUR);
  for (const group of created.cluster.nodeGroups) await inMemory.nodeGroups.create(group);
  clock.advance(HOUR);

  const fake: RunningKubernetesFake = await startKubernetesFake({
    clock,
    faults: createFaultInjector(),
    callLog: createCallLog(),
  });
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
  const observe = async (): Promise<ObservedClusterV1 | undefined> => {
    const cluster = await inMemory.cluster.observe();
    return cluster === undefined ? undefined : { ...cluster, serviceCidr: '10.100.0.0/16' };
  };
  const session: ProviderSessionV1 = {
    ...inMemory,
    cluster: { ...inMemory.cluster, observe, kubeconfig: async () => kubeconfig },
    nodeGroups: { ...inMemory.nodeGroups, nodeSelector: (group: string) => `${MAGNUM_LABEL}=${group}` },
  };
  return { created, session, clock, fake, core: kc.makeApiClient(CoreV1Api) };
}

/** A running user server (zero-to-jupyterhub's label) on the `users` node. */
export async function startUserServer(deployment: Awaited<ReturnType<typeof magnumLikeDeployment>>) {
  const { core, clock } = deployment;
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
}

/** The deployment graph on the Magnum-like provider (releases are observed, never installed here). */
export function graphOf(config: HubfleetConfig, session: ProviderSessionV1) {
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
