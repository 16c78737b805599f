import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type {
  HubfleetConfig,
  ObservedClusterV1,
  ProviderSessionV1,
  ProviderV1,
  RetryPolicy,
} from '@hubfleet/core';
import { buildDeploymentGraph } from '@hubfleet/core/deployment';
import { type ReleaseInstaller, simulatedInstaller } from '@hubfleet/core/kubernetes';
import { CoreV1Api, KubeConfig } from '@kubernetes/client-node';
import { expect } from 'vitest';
import {
  createInMemorySession,
  IN_MEMORY_CAPABILITIES,
  inMemoryConformanceConfig,
} from '../conformance/index.js';
import { createCallLog, createFaultInjector, createManualClock } from '../framework/index.js';
import {
  type KubernetesNodeGroup,
  type RunningKubernetesFake,
  startKubernetesFake,
} from '../kubernetes/index.js';

// A deployment on a Magnum-like provider for tests that run core's deployment graph against the
// in-memory cloud and the Kubernetes fake: not part of the testkit's exports.

const HOUR = 3_600_000;
/** What Magnum puts on a node group's nodes; hubfleet's own labels never reach them. */
export const MAGNUM_LABEL = 'magnum.openstack.org/nodegroup';
/** Magnum's default Service range (`service_cluster_ip_range`), which its clusters report. */
export const MAGNUM_SERVICE_CIDR = '10.254.0.0/16';
/** The repository's root: the project's own charts are `charts/<name>` under it, as for the CLI. */
const REPOSITORY_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));

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
  defaultServiceCidr: MAGNUM_SERVICE_CIDR,
};

/** The in-memory conformance config, with one `users` node kept warm (so a user server has somewhere to run). */
function magnumLikeConfig(name: string): HubfleetConfig {
  const config = inMemoryConformanceConfig(name);
  const nodeGroups = config.cluster.nodeGroups.map((group) =>
    group.name === 'users' ? { ...group, min: 1 } : group,
  );
  return { ...config, cluster: { ...config.cluster, nodeGroups } };
}

export interface MagnumLikeOptions {
  /** The cluster's Service range, served by the fake and reported by the cluster. @default MAGNUM_SERVICE_CIDR */
  serviceCidr?: string;
}

/**
 * The in-memory cloud, empty, whose clusters' API server is the Kubernetes fake as Magnum's is: TLS
 * with the cluster CA, client certificates only (no bearer token is accepted), Service range
 * 10.254.0.0/16 (or `serviceCidr`), which the cluster reports. Nodes follow the cloud's active
 * nodegroups and carry Magnum's label only. The session's kubeconfig holds a client certificate in
 * `system:masters`. Close `fake` when done.
 */
export async function magnumLikeCloud(name: string, options: MagnumLikeOptions = {}) {
  const serviceCidr = options.serviceCidr ?? MAGNUM_SERVICE_CIDR;
  const clock = createManualClock();
  const config = magnumLikeConfig(name);
  let kubeconfig: string | undefined;
  const inMemory = createInMemorySession({
    config,
    clock,
    kubeconfig: async () => kubeconfig ?? '',
  });
  const nodeGroups = (): KubernetesNodeGroup[] =>
    Object.values(inMemory.state.clusters).flatMap((cluster) =>
      Object.entries(cluster.nodeGroups)
        .filter(([, group]) => group.status === 'active')
        .map(([group, { desired, instanceType }]) => ({
          name: group,
          desired,
          instanceType,
          labels: { [MAGNUM_LABEL]: group },
          capacity: { cpu: 4, memory: '16Gi' },
        })),
    );
  const fake: RunningKubernetesFake = await startKubernetesFake({
    clock,
    faults: createFaultInjector(),
    callLog: createCallLog(),
    tls: true,
    tokens: 'none',
    serviceCidr,
    nodeGroups,
  });
  kubeconfig = await fake.kubeconfig({ kind: 'client-certificate', groups: ['system:masters'] });
  const kc = new KubeConfig();
  kc.loadFromString(kubeconfig);
  const observe = async (): Promise<ObservedClusterV1 | undefined> => {
    const cluster = await inMemory.cluster.observe();
    return cluster === undefined ? undefined : { ...cluster, serviceCidr };
  };
  const session: ProviderSessionV1 = {
    ...inMemory,
    cluster: { ...inMemory.cluster, observe },
    nodeGroups: { ...inMemory.nodeGroups, nodeSelector: (group: string) => `${MAGNUM_LABEL}=${group}` },
  };
  return {
    config,
    session,
    state: inMemory.state,
    clock,
    fake,
    kubeconfig,
    core: kc.makeApiClient(CoreV1Api),
  };
}

/** `magnumLikeCloud` with its cluster and nodegroups already created and active (by the cloud, not the engine). */
export async function magnumLikeDeployment(name: string, options: MagnumLikeOptions = {}) {
  const cloud = await magnumLikeCloud(name, options);
  const { session, clock, config } = cloud;
  await session.cluster.create();
  clock.advance(HOUR);
  for (const group of config.cluster.nodeGroups) await session.nodeGroups.create(group);
  clock.advance(HOUR);
  // The in-memory cloud settles its transitions when asked; the fake's nodes follow active groups.
  const groups = await session.nodeGroups.list();
  expect(groups.map((group) => group.status)).toEqual(['active', 'active']);
  return { ...cloud, created: config };
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

/** The installer that never installs: for tests that only plan or observe releases. */
const OBSERVING_INSTALLER = simulatedInstaller({
  chartsDirectory: '/nowhere',
  run: async () => ({ code: 1, stdout: '', stderr: 'not in this test' }),
});

/**
 * `--sim`'s installer as the CLI builds it: the project's own charts rendered by the real helm
 * binary, with helm's cache, config and data in a fresh directory (`remove` it when done).
 */
export function helmRenderingInstaller(): { installer: ReleaseInstaller; remove(): void } {
  const helmHome = mkdtempSync(join(tmpdir(), 'hubfleet-helm-'));
  return {
    installer: simulatedInstaller({ chartsDirectory: REPOSITORY_ROOT, helmHome }),
    remove: () => rmSync(helmHome, { recursive: true, force: true }),
  };
}

/** Quick engine retries for tests (the cloud's waits move its manual clock, see `graphOf`). */
export const TEST_RETRY: RetryPolicy = { maxAttempts: 5, baseDelayMs: 1, maxDelayMs: 1 };

/**
 * The deployment graph on the Magnum-like provider: releases only observed, unless an installer is
 * given. A waiting step's pause moves the cloud's manual clock on by the poll interval, so the
 * cloud's and the Kubernetes fake's modelled work finishes as the engine waits for it.
 */
export function graphOf(
  config: HubfleetConfig,
  session: ProviderSessionV1,
  options: { installer?: ReleaseInstaller; clock?: { advance(ms: number): void } } = {},
) {
  const { clock } = options;
  return buildDeploymentGraph({
    config,
    provider: labelsStayInTheCloud,
    session,
    installer: options.installer ?? OBSERVING_INSTALLER,
    resolveSecret: () => 'value',
    pollIntervalMs: 10_000,
    sleep: async (ms) => {
      clock?.advance(ms);
      await new Promise((resolve) => setImmediate(resolve));
    },
    retry: TEST_RETRY,
  });
}
