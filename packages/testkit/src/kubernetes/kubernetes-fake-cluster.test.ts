import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiException, AppsV1Api, BatchV1Api, CoreV1Api, KubeConfig } from '@kubernetes/client-node';
import { afterEach, describe, expect, it } from 'vitest';
import { createCallLog, createFaultInjector, createManualClock } from '../framework/index.js';
import {
  type KubernetesNodeGroup,
  type RunningKubernetesFake,
  type StartKubernetesFakeOptions,
  startKubernetesFake,
} from './index.js';

const running: RunningKubernetesFake[] = [];

afterEach(async () => {
  await Promise.all(running.splice(0).map((fake) => fake.close()));
});

async function startCluster(options: Partial<StartKubernetesFakeOptions> = {}, token = 't') {
  const clock = createManualClock();
  const callLog = createCallLog();
  const faults = createFaultInjector();
  const fake = await startKubernetesFake({ clock, faults, callLog, ...options });
  running.push(fake);
  const kc = new KubeConfig();
  kc.loadFromOptions({
    clusters: [{ name: 'fake', server: fake.url, skipTLSVerify: true }],
    users: [{ name: 'u', token }],
    contexts: [{ name: 'c', cluster: 'fake', user: 'u' }],
    currentContext: 'c',
  });
  return {
    clock,
    callLog,
    faults,
    fake,
    core: kc.makeApiClient(CoreV1Api),
    apps: kc.makeApiClient(AppsV1Api),
    batch: kc.makeApiClient(BatchV1Api),
  };
}

async function failure(promise: Promise<unknown>): Promise<ApiException<string>> {
  try {
    await promise;
  } catch (problem) {
    if (problem instanceof ApiException) return problem as ApiException<string>;
    throw problem;
  }
  throw new Error('expected the call to fail');
}

const CORE_GROUP: KubernetesNodeGroup = {
  name: 'core',
  desired: 2,
  instanceType: 'm5.large',
  labels: { 'hub.jupyter.org/node-purpose': 'core' },
  capacity: { cpu: 2, memory: '8Gi' },
};

const GPU_GROUP: KubernetesNodeGroup = {
  name: 'gpu',
  desired: 1,
  instanceType: 'g4dn.xlarge',
  zone: 'eu-west-2a',
  labels: { 'hub.jupyter.org/node-purpose': 'user' },
  taints: [{ key: 'nvidia.com/gpu', value: 'present', effect: 'NoSchedule' }],
  capacity: { cpu: 4, memory: '16Gi', 'nvidia.com/gpu': 1 },
};

function gpuPod(name: string, tolerate: boolean) {
  return {
    metadata: { name, labels: { app: 'notebook' } },
    spec: {
      ...(tolerate
        ? { tolerations: [{ key: 'nvidia.com/gpu', operator: 'Exists', effect: 'NoSchedule' }] }
        : {}),
      containers: [
        { name: 'notebook', image: 'jupyter/base', resources: { limits: { 'nvidia.com/gpu': '1' } } },
      ],
    },
  };
}

describe('Kubernetes API server fake: nodes, workloads and the server around them', () => {
  it('keeps Node objects in line with node groups: labels, taints, capacity, scaling', async () => {
    const { fake, core } = await startCluster();
    fake.fake.setNodeGroups([CORE_GROUP, GPU_GROUP]);
    const nodes = (await core.listNode()).items;
    expect(nodes.map((node) => node.metadata?.name)).toEqual(['core-node-0', 'core-node-1', 'gpu-node-0']);
    const gpu = nodes[2];
    expect(gpu?.metadata?.labels).toMatchObject({
      'node.kubernetes.io/instance-type': 'g4dn.xlarge',
      'topology.kubernetes.io/zone': 'eu-west-2a',
      'hub.jupyter.org/node-purpose': 'user',
      'kubernetes.io/hostname': 'gpu-node-0',
    });
    expect(gpu?.spec?.taints).toEqual([{ key: 'nvidia.com/gpu', value: 'present', effect: 'NoSchedule' }]);
    expect(gpu?.status?.capacity).toMatchObject({ cpu: '4', memory: '16Gi', 'nvidia.com/gpu': '1' });
    expect(gpu?.status?.allocatable).toEqual(gpu?.status?.capacity);
    expect(gpu?.status?.conditions?.find((condition) => condition.type === 'Ready')?.status).toBe('True');
    const selected = await core.listNode({ labelSelector: 'node.kubernetes.io/instance-type=g4dn.xlarge' });
    expect(selected.items).toHaveLength(1);

    fake.fake.setNodeGroups([
      { ...CORE_GROUP, desired: 1, labels: { 'hub.jupyter.org/node-purpose': 'hub' } },
    ]);
    const after = (await core.listNode()).items;
    expect(after.map((node) => node.metadata?.name)).toEqual(['core-node-0']);
    expect(after[0]?.metadata?.labels?.['hub.jupyter.org/node-purpose']).toBe('hub');
  });

  it('follows a node-group provider called on every request', async () => {
    let desired = 1;
    const { core } = await startCluster({ nodeGroups: () => [{ ...CORE_GROUP, desired }] });
    expect((await core.listNode()).items).toHaveLength(1);
    desired = 3;
    expect((await core.listNode()).items).toHaveLength(3);
  });

  it('schedules pods by taints, tolerations and resources, then runs them after the modelled start time', async () => {
    const { fake, core, clock } = await startCluster();
    fake.fake.setNodeGroups([CORE_GROUP, GPU_GROUP]);
    await core.createNamespacedPod({ namespace: 'default', body: gpuPod('tolerating', true) });
    await core.createNamespacedPod({ namespace: 'default', body: gpuPod('intolerant', false) });
    const scheduled = await core.readNamespacedPod({ name: 'tolerating', namespace: 'default' });
    expect(scheduled.spec?.nodeName).toBe('gpu-node-0');
    expect(scheduled.status?.phase).toBe('Pending');
    const stuck = await core.readNamespacedPod({ name: 'intolerant', namespace: 'default' });
    const condition = stuck.status?.conditions?.find((entry) => entry.type === 'PodScheduled');
    expect(condition).toMatchObject({ status: 'False', reason: 'Unschedulable' });
    expect(condition?.message).toBe(
      '0/3 nodes are available: 2 Insufficient nvidia.com/gpu, 1 node(s) had untolerated taint {nvidia.com/gpu: present}.',
    );

    clock.advance(5_000);
    const runningPod = await core.readNamespacedPod({ name: 'tolerating', namespace: 'default' });
    expect(runningPod.status?.phase).toBe('Running');
    expect(runningPod.status?.containerStatuses?.[0]?.ready).toBe(true);
    const onGpu = await core.listNamespacedPod({
      namespace: 'default',
      fieldSelector: 'spec.nodeName=gpu-node-0,status.phase=Running',
    });
    expect(onGpu.items.map((pod) => pod.metadata?.name)).toEqual(['tolerating']);
  });

  it('readies StatefulSets one pod per modelled duration, DaemonSets on eligible nodes, and completes Jobs', async () => {
    const { fake, apps, batch, clock } = await startCluster();
    fake.fake.setNodeGroups([CORE_GROUP, GPU_GROUP]);
    const labels = { app: 'x' };
    const template = { metadata: { labels }, spec: { containers: [{ name: 'c', image: 'busybox' }] } };
    await apps.createNamespacedStatefulSet({
      namespace: 'default',
      body: {
        metadata: { name: 'db' },
        spec: { replicas: 2, serviceName: 'db', selector: { matchLabels: labels }, template },
      },
    });
    await apps.createNamespacedDaemonSet({
      namespace: 'default',
      body: { metadata: { name: 'agent' }, spec: { selector: { matchLabels: labels }, template } },
    });
    await batch.createNamespacedJob({
      namespace: 'default',
      body: {
        metadata: { name: 'migrate' },
        spec: { template: { spec: { ...template.spec, restartPolicy: 'Never' } } },
      },
    });

    clock.advance(45_000);
    expect(
      (await apps.readNamespacedStatefulSet({ name: 'db', namespace: 'default' })).status?.readyReplicas,
    ).toBe(1);
    const daemons = await apps.readNamespacedDaemonSet({ name: 'agent', namespace: 'default' });
    expect(daemons.status).toMatchObject({ desiredNumberScheduled: 2, numberReady: 2 });
    const job = await batch.readNamespacedJob({ name: 'migrate', namespace: 'default' });
    expect(job.status?.succeeded).toBe(1);
    expect(job.status?.conditions?.find((condition) => condition.type === 'Complete')?.status).toBe('True');

    clock.advance(45_000);
    const database = await apps.readNamespacedStatefulSet({ name: 'db', namespace: 'default' });
    expect(database.status).toMatchObject({ readyReplicas: 2, updatedReplicas: 2, observedGeneration: 1 });
    const invalid = await failure(
      apps.createNamespacedDeployment({
        namespace: 'default',
        body: { metadata: { name: 'bad' }, spec: { selector: { matchLabels: { a: 'b' } }, template } },
      }),
    );
    expect(invalid.code).toBe(422);
    expect(JSON.parse(invalid.body)).toMatchObject({
      reason: 'Invalid',
      details: { kind: 'Deployment', group: 'apps' },
    });
  });

  it('serves /version, /api, /apis and APIResourceLists without surprises', async () => {
    const { fake } = await startCluster({ gitVersion: 'v1.31.4-eks-2d5f260' });
    const get = async (path: string) =>
      (await fetch(`${fake.url}${path}`, { headers: { authorization: 'Bearer t' } })).json();
    expect(await get('/version')).toMatchObject({
      major: '1',
      minor: '31',
      gitVersion: 'v1.31.4-eks-2d5f260',
    });
    expect(await get('/api')).toMatchObject({ kind: 'APIVersions', versions: ['v1'] });
    const groups = (await get('/apis')) as {
      groups: { name: string; preferredVersion: { groupVersion: string } }[];
    };
    expect(groups.groups.map((group) => group.name)).toEqual(
      expect.arrayContaining([
        'apps',
        'batch',
        'rbac.authorization.k8s.io',
        'networking.k8s.io',
        'policy',
        'storage.k8s.io',
        'scheduling.k8s.io',
        'apiextensions.k8s.io',
        'coordination.k8s.io',
      ]),
    );
    const core = (await get('/api/v1')) as { resources: Record<string, unknown>[] };
    expect(core.resources.find((resource) => resource.name === 'namespaces')).toMatchObject({
      namespaced: false,
      kind: 'Namespace',
      shortNames: ['ns'],
    });
    expect(core.resources.map((resource) => resource.name)).toEqual(
      expect.arrayContaining([
        'pods',
        'pods/status',
        'services',
        'configmaps',
        'secrets',
        'serviceaccounts',
        'persistentvolumes',
        'persistentvolumeclaims',
        'nodes',
        'events',
        'endpoints',
        'resourcequotas',
      ]),
    );
    const appsList = (await get('/apis/apps/v1')) as {
      groupVersion: string;
      resources: Record<string, unknown>[];
    };
    expect(appsList.groupVersion).toBe('apps/v1');
    expect(appsList.resources.find((resource) => resource.name === 'deployments')).toMatchObject({
      singularName: 'deployment',
      namespaced: true,
      kind: 'Deployment',
      shortNames: ['deploy'],
      verbs: expect.arrayContaining(['create', 'get', 'list', 'patch', 'update', 'delete', 'watch']),
    });
    expect(
      (await fetch(`${fake.url}/apis/nope.example.com/v1`, { headers: { authorization: 'Bearer t' } }))
        .status,
    ).toBe(404);
  });

  it('answers 401 Unauthorized when authenticate rejects the token, and lets accepted tokens in', async () => {
    const authenticate = (token: string) => token === 'good';
    const { core, fake } = await startCluster({ authenticate }, 'bad');
    const refused = await failure(core.listNamespace());
    expect(refused.code).toBe(401);
    const anonymous = await fetch(`${fake.url}/api/v1/namespaces`);
    expect(await anonymous.json()).toMatchObject({ kind: 'Status', reason: 'Unauthorized', code: 401 });
    expect((await fetch(`${fake.url}/version`)).status).toBe(200);
    const allowed = await fetch(`${fake.url}/api/v1/namespaces`, {
      headers: { authorization: 'Bearer good' },
    });
    expect(allowed.status).toBe(200);
  });

  it('renders injected faults as Status objects and logs operations as reads or mutations', async () => {
    const { core, fake, faults, callLog } = await startCluster();
    faults.script({ operation: 'kubernetes.list/v1/namespaces', fault: 'throttle', times: 1 });
    faults.script({ operation: 'kubernetes.create/v1/namespaces', fault: 'server-error', times: 1 });
    const throttled = await fetch(`${fake.url}/api/v1/namespaces`, {
      headers: { authorization: 'Bearer t' },
    });
    expect(throttled.status).toBe(429);
    expect(throttled.headers.get('retry-after')).toBe('1');
    expect(await throttled.json()).toMatchObject({
      kind: 'Status',
      status: 'Failure',
      reason: 'TooManyRequests',
      code: 429,
    });
    const broken = await failure(core.createNamespace({ body: { metadata: { name: 'x' } } }));
    expect(broken.code).toBe(500);
    expect(JSON.parse(broken.body)).toMatchObject({ reason: 'InternalError' });
    await core.createNamespace({ body: { metadata: { name: 'x' } } });
    await core.readNamespace({ name: 'x' });
    expect(callLog.count({ operation: 'create/v1/namespaces', mutating: true })).toBe(2);
    expect(callLog.count({ operation: 'get/v1/namespaces', mutating: false })).toBe(1);
    expect(callLog.count({ operation: 'list/v1/namespaces', mutating: false })).toBe(1);
  });

  it('persists the cluster to a state file and serves it again from there', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'kubernetes-fake-'));
    try {
      const stateFile = join(directory, 'kubernetes.json');
      const first = await startCluster({ stateFile });
      await first.core.createNamespace({ body: { metadata: { name: 'kept', labels: { a: 'b' } } } });
      await first.fake.close();
      const second = await startCluster({ stateFile });
      const kept = await second.core.readNamespace({ name: 'kept' });
      expect(kept.metadata?.labels).toMatchObject({ a: 'b', 'kubernetes.io/metadata.name': 'kept' });
      const account = await second.core.readNamespacedServiceAccount({ name: 'default', namespace: 'kept' });
      expect(account.metadata?.uid).toBeDefined();
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });
});
