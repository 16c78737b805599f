import {
  ApiException,
  AppsV1Api,
  CoreV1Api,
  KubeConfig,
  KubernetesObjectApi,
  PatchStrategy,
  setHeaderOptions,
} from '@kubernetes/client-node';
import { afterEach, describe, expect, it } from 'vitest';
import { createCallLog, createFaultInjector, createManualClock } from '../framework/index.js';
import { type RunningKubernetesFake, type StartKubernetesFakeOptions, startKubernetesFake } from './index.js';

const running: RunningKubernetesFake[] = [];

afterEach(async () => {
  await Promise.all(running.splice(0).map((fake) => fake.close()));
});

async function startCluster(options: Partial<StartKubernetesFakeOptions> = {}) {
  const clock = createManualClock();
  const callLog = createCallLog();
  const faults = createFaultInjector();
  const fake = await startKubernetesFake({ clock, faults, callLog, ...options });
  running.push(fake);
  const kc = new KubeConfig();
  kc.loadFromOptions({
    clusters: [{ name: 'fake', server: fake.url, skipTLSVerify: true }],
    users: [{ name: 'u', token: 't' }],
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
    objects: KubernetesObjectApi.makeApiClient(kc),
  };
}

function deployment(name: string, labels: Record<string, string> = { app: name }) {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, labels },
    spec: {
      replicas: 2,
      selector: { matchLabels: labels },
      template: { metadata: { labels }, spec: { containers: [{ name: 'web', image: 'nginx:1.27' }] } },
    },
  };
}

async function rejection(promise: Promise<unknown>): Promise<ApiException<string>> {
  try {
    await promise;
  } catch (problem) {
    if (problem instanceof ApiException) return problem as ApiException<string>;
    throw problem;
  }
  throw new Error('expected the call to fail');
}

function statusOf(problem: ApiException<string>): Record<string, unknown> {
  return JSON.parse(problem.body) as Record<string, unknown>;
}

describe('Kubernetes API server fake, driven by @kubernetes/client-node', () => {
  it('creates a namespace and a deployment whose status progresses with the clock', async () => {
    const { core, apps, clock } = await startCluster();
    await core.createNamespace({ body: { metadata: { name: 'hub' } } });
    const created = await apps.createNamespacedDeployment({ namespace: 'hub', body: deployment('web') });
    expect(created.metadata?.uid).toMatch(/^[0-9a-f-]{36}$/);
    expect(created.metadata?.generation).toBe(1);
    expect(Number(created.metadata?.resourceVersion)).toBeGreaterThan(0);

    const early = await apps.readNamespacedDeployment({ name: 'web', namespace: 'hub' });
    expect(early.status?.readyReplicas).toBeUndefined();
    expect(early.status?.conditions?.find((condition) => condition.type === 'Available')?.status).toBe(
      'False',
    );

    clock.advance(30_000);
    const ready = await apps.readNamespacedDeployment({ name: 'web', namespace: 'hub' });
    expect(ready.status).toMatchObject({
      observedGeneration: 1,
      replicas: 2,
      readyReplicas: 2,
      availableReplicas: 2,
      updatedReplicas: 2,
    });
    expect(ready.status?.conditions?.find((condition) => condition.type === 'Available')?.status).toBe(
      'True',
    );

    const scaled = await apps.replaceNamespacedDeployment({
      name: 'web',
      namespace: 'hub',
      body: { ...ready, spec: { ...ready.spec, replicas: 3 } as typeof ready.spec },
    });
    expect(scaled.metadata?.generation).toBe(2);
    const rolling = await apps.readNamespacedDeployment({ name: 'web', namespace: 'hub' });
    expect(rolling.status).toMatchObject({ observedGeneration: 2, replicas: 3, readyReplicas: 2 });
    expect(rolling.status?.updatedReplicas).toBeUndefined();
  });

  it('answers 409 AlreadyExists on a duplicate create and 409 Conflict on a stale resourceVersion', async () => {
    const { core } = await startCluster();
    await core.createNamespacedConfigMap({
      namespace: 'default',
      body: { metadata: { name: 'settings' }, data: { a: '1' } },
    });
    const duplicate = await rejection(
      core.createNamespacedConfigMap({ namespace: 'default', body: { metadata: { name: 'settings' } } }),
    );
    expect(duplicate.code).toBe(409);
    expect(statusOf(duplicate)).toMatchObject({
      kind: 'Status',
      status: 'Failure',
      reason: 'AlreadyExists',
      message: 'configmaps "settings" already exists',
      details: { name: 'settings', kind: 'configmaps' },
      code: 409,
    });

    const first = await core.readNamespacedConfigMap({ name: 'settings', namespace: 'default' });
    await core.replaceNamespacedConfigMap({
      name: 'settings',
      namespace: 'default',
      body: { ...first, data: { a: '2' } },
    });
    const stale = await rejection(
      core.replaceNamespacedConfigMap({
        name: 'settings',
        namespace: 'default',
        body: { ...first, data: { a: '3' } },
      }),
    );
    expect(stale.code).toBe(409);
    expect(statusOf(stale)).toMatchObject({ reason: 'Conflict' });
    expect(String(statusOf(stale).message)).toContain('the object has been modified');
  });

  it('answers 404 NotFound for a missing object and for a create into a missing namespace', async () => {
    const { core, apps } = await startCluster();
    const missing = await rejection(apps.readNamespacedDeployment({ name: 'nope', namespace: 'default' }));
    expect(missing.code).toBe(404);
    expect(statusOf(missing)).toMatchObject({
      reason: 'NotFound',
      message: 'deployments.apps "nope" not found',
      details: { name: 'nope', group: 'apps', kind: 'deployments' },
    });
    const orphan = await rejection(
      core.createNamespacedSecret({ namespace: 'ghost', body: { metadata: { name: 's' } } }),
    );
    expect(orphan.code).toBe(404);
    expect(statusOf(orphan)).toMatchObject({ reason: 'NotFound', message: 'namespaces "ghost" not found' });
  });

  it('lists with label selectors (=, !=, in, notin, exists, !exists) and field selectors', async () => {
    const { core } = await startCluster();
    const make = (name: string, labels: Record<string, string>) =>
      core.createNamespacedConfigMap({ namespace: 'default', body: { metadata: { name, labels } } });
    await make('a', { tier: 'web', env: 'prod' });
    await make('b', { tier: 'db', env: 'prod' });
    await make('c', { tier: 'web', canary: 'true' });
    const names = async (labelSelector?: string, fieldSelector?: string) =>
      (await core.listNamespacedConfigMap({ namespace: 'default', labelSelector, fieldSelector })).items
        .map((item) => item.metadata?.name)
        .filter((name) => name !== undefined && name.length === 1);
    expect(await names('tier=web')).toEqual(['a', 'c']);
    expect(await names('tier==web,env=prod')).toEqual(['a']);
    expect(await names('tier!=web')).toEqual(['b']);
    expect(await names('tier in (db, web),env')).toEqual(['a', 'b']);
    expect(await names('tier notin (web)')).toEqual(['b']);
    expect(await names('!canary')).toEqual(['a', 'b']);
    expect(await names(undefined, 'metadata.name=b')).toEqual(['b']);
    expect(await names('tier=web', 'metadata.name!=a')).toEqual(['c']);
    const unsupported = await rejection(
      core.listNamespacedConfigMap({ namespace: 'default', fieldSelector: 'data.x=1' }),
    );
    expect(unsupported.code).toBe(400);
    expect(statusOf(unsupported).message).toBe('field label not supported: data.x');
  });

  it('applies server-side through discovery: creates, merges, drops fields the manager stopped applying, and reports conflicts', async () => {
    const { objects, apps, callLog } = await startCluster();
    const config = {
      ...deployment('hub', { app: 'hub' }),
      metadata: { name: 'hub', namespace: 'default', labels: { app: 'hub', team: 'a' } },
    };
    const created = await objects.patch(
      config,
      undefined,
      undefined,
      'hubfleet',
      true,
      PatchStrategy.ServerSideApply,
    );
    expect(created.metadata?.managedFields?.[0]).toMatchObject({
      manager: 'hubfleet',
      operation: 'Apply',
      fieldsType: 'FieldsV1',
    });
    expect(callLog.calls.some((call) => call.operation === 'discovery/apps/v1')).toBe(true);
    expect(callLog.calls.find((call) => call.operation === 'apply/apps/v1/deployments')).toMatchObject({
      mutating: true,
      status: 201,
    });

    const next = {
      ...config,
      metadata: { ...config.metadata, labels: { app: 'hub' } },
      spec: { ...config.spec, replicas: 4 },
    };
    const applied = await objects.patch(
      next,
      undefined,
      undefined,
      'hubfleet',
      true,
      PatchStrategy.ServerSideApply,
    );
    expect(applied.metadata?.labels).toEqual({ app: 'hub' });
    expect((applied as { spec?: { replicas?: number } }).spec?.replicas).toBe(4);
    expect(applied.metadata?.generation).toBe(2);

    await apps.patchNamespacedDeployment(
      { name: 'hub', namespace: 'default', body: { spec: { replicas: 1 } }, fieldManager: 'kubectl-edit' },
      setHeaderOptions('Content-Type', PatchStrategy.MergePatch),
    );
    const conflicting = await rejection(
      objects.patch(next, undefined, undefined, 'hubfleet', false, PatchStrategy.ServerSideApply),
    );
    expect(conflicting.code).toBe(409);
    expect(statusOf(conflicting)).toMatchObject({ reason: 'Conflict' });
    expect(String(statusOf(conflicting).message)).toContain(
      'conflict with "kubectl-edit" using apps/v1: .spec.replicas',
    );
    const forced = await objects.patch(
      next,
      undefined,
      undefined,
      'hubfleet',
      true,
      PatchStrategy.ServerSideApply,
    );
    expect((forced as { spec?: { replicas?: number } }).spec?.replicas).toBe(4);
  });

  it('patches with merge patch, strategic merge patch (containers by name) and JSON patch', async () => {
    const { apps } = await startCluster();
    await apps.createNamespacedDeployment({ namespace: 'default', body: deployment('web') });
    const patch = (body: object, strategy: string) =>
      apps.patchNamespacedDeployment(
        { name: 'web', namespace: 'default', body },
        setHeaderOptions('Content-Type', strategy),
      );
    const strategic = await patch(
      { spec: { template: { spec: { containers: [{ name: 'sidecar', image: 'busybox' }] } } } },
      PatchStrategy.StrategicMergePatch,
    );
    expect(strategic.spec?.template.spec?.containers.map((container) => container.name)).toEqual([
      'web',
      'sidecar',
    ]);
    const merged = await patch(
      { spec: { template: { spec: { containers: [{ name: 'only', image: 'x' }] } } } },
      PatchStrategy.MergePatch,
    );
    expect(merged.spec?.template.spec?.containers.map((container) => container.name)).toEqual(['only']);
    const jsonPatched = await patch(
      [{ op: 'replace', path: '/spec/replicas', value: 5 }],
      PatchStrategy.JsonPatch,
    );
    expect(jsonPatched.spec?.replicas).toBe(5);
    const failedTest = await rejection(
      patch([{ op: 'test', path: '/spec/replicas', value: 9 }], PatchStrategy.JsonPatch),
    );
    expect(failedTest.code).toBe(422);
  });

  it('deletes a namespace: Terminating first, then it and everything in it disappear', async () => {
    const { core, apps, clock } = await startCluster();
    await core.createNamespace({ body: { metadata: { name: 'course' } } });
    await apps.createNamespacedDeployment({ namespace: 'course', body: deployment('web') });
    await core.createNamespacedConfigMap({ namespace: 'course', body: { metadata: { name: 'c' } } });
    const deleting = await core.deleteNamespace({ name: 'course' });
    expect(deleting).toBeDefined();
    const terminating = await core.readNamespace({ name: 'course' });
    expect(terminating.status?.phase).toBe('Terminating');
    expect(terminating.metadata?.deletionTimestamp).toBeDefined();
    const refused = await rejection(
      core.createNamespacedConfigMap({ namespace: 'course', body: { metadata: { name: 'late' } } }),
    );
    expect(refused.code).toBe(403);
    expect(String(statusOf(refused).message)).toContain('because it is being terminated');

    clock.advance(5_000);
    expect((await rejection(core.readNamespace({ name: 'course' }))).code).toBe(404);
    expect(
      (await apps.listDeploymentForAllNamespaces()).items.filter(
        (item) => item.metadata?.namespace === 'course',
      ),
    ).toEqual([]);
    expect((await rejection(core.deleteNamespace({ name: 'default' }))).code).toBe(403);
  });

  it('gives a LoadBalancer Service its address after the modelled provisioning time', async () => {
    const { core, clock } = await startCluster();
    const service = await core.createNamespacedService({
      namespace: 'default',
      body: {
        metadata: { name: 'proxy' },
        spec: { type: 'LoadBalancer', selector: { app: 'proxy' }, ports: [{ port: 80, targetPort: 8000 }] },
      },
    });
    expect(service.spec?.clusterIP).toMatch(/^10\.100\./);
    expect(service.spec?.ports?.[0]?.nodePort).toBeGreaterThanOrEqual(30000);
    expect(
      (await core.readNamespacedService({ name: 'proxy', namespace: 'default' })).status?.loadBalancer
        ?.ingress,
    ).toBeUndefined();
    clock.advance(60_000);
    const ready = await core.readNamespacedService({ name: 'proxy', namespace: 'default' });
    expect(ready.status?.loadBalancer?.ingress?.[0]?.hostname).toMatch(/\.lb\.hubfleet\.test$/);
    const taken = await rejection(
      core.createNamespacedService({
        namespace: 'default',
        body: {
          metadata: { name: 'nfs' },
          spec: { clusterIP: service.spec?.clusterIP, ports: [{ port: 2049 }] },
        },
      }),
    );
    expect(taken.code).toBe(422);
    expect(statusOf(taken)).toMatchObject({ reason: 'Invalid' });
  });

  it("with resyncLoadBalancers, asks for the address again when the Service's annotations change", async () => {
    let address = '10.0.0.15';
    const { core, clock } = await startCluster({
      resyncLoadBalancers: true,
      loadBalancerIngress: () => ({ ip: address }),
    });
    await core.createNamespacedService({
      namespace: 'default',
      body: { metadata: { name: 'proxy' }, spec: { type: 'LoadBalancer', ports: [{ port: 80 }] } },
    });
    clock.advance(60_000);
    const ingress = async () =>
      (await core.readNamespacedService({ name: 'proxy', namespace: 'default' })).status?.loadBalancer
        ?.ingress?.[0]?.ip;
    expect(await ingress()).toBe('10.0.0.15');
    // A floating IP is associated meanwhile: nothing changes until the Service does.
    address = '130.246.0.10';
    expect(await ingress()).toBe('10.0.0.15');
    await core.patchNamespacedService(
      {
        name: 'proxy',
        namespace: 'default',
        body: { metadata: { annotations: { 'hubfleet.io/floating-ip': address } } },
      },
      setHeaderOptions('Content-Type', PatchStrategy.MergePatch),
    );
    expect(await ingress()).toBe('130.246.0.10');
  });

  it('binds a PVC: a volume is provisioned from the default StorageClass once a workload mounts it', async () => {
    const { core, apps, clock } = await startCluster({
      seed: [
        {
          apiVersion: 'storage.k8s.io/v1',
          kind: 'StorageClass',
          metadata: { name: 'gp3', annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' } },
          provisioner: 'ebs.csi.aws.com',
          volumeBindingMode: 'WaitForFirstConsumer',
        },
      ],
    });
    const claim = await core.createNamespacedPersistentVolumeClaim({
      namespace: 'default',
      body: {
        metadata: { name: 'home' },
        spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '10Gi' } } },
      },
    });
    expect(claim.spec?.storageClassName).toBe('gp3');
    clock.advance(10_000);
    expect(
      (await core.readNamespacedPersistentVolumeClaim({ name: 'home', namespace: 'default' })).status?.phase,
    ).toBe('Pending');
    const nfs = deployment('nfs');
    await apps.createNamespacedDeployment({
      namespace: 'default',
      body: {
        ...nfs,
        spec: {
          ...nfs.spec,
          template: {
            ...nfs.spec.template,
            spec: {
              ...nfs.spec.template.spec,
              volumes: [{ name: 'data', persistentVolumeClaim: { claimName: 'home' } }],
            },
          },
        },
      },
    });
    const bound = await core.readNamespacedPersistentVolumeClaim({ name: 'home', namespace: 'default' });
    expect(bound.status).toMatchObject({ phase: 'Bound', capacity: { storage: '10Gi' } });
    const volume = await core.readPersistentVolume({ name: bound.spec?.volumeName ?? '' });
    expect(volume.spec?.claimRef?.name).toBe('home');
    expect(volume.status?.phase).toBe('Bound');
    await core.deleteNamespacedPersistentVolumeClaim({ name: 'home', namespace: 'default' });
    expect((await rejection(core.readPersistentVolume({ name: bound.spec?.volumeName ?? '' }))).code).toBe(
      404,
    );
  });

  it('registers a CRD in discovery and serves its custom resources through KubernetesObjectApi', async () => {
    const { objects, callLog } = await startCluster();
    await objects.create({
      apiVersion: 'apiextensions.k8s.io/v1',
      kind: 'CustomResourceDefinition',
      metadata: { name: 'clusterissuers.cert-manager.io' },
      spec: {
        group: 'cert-manager.io',
        scope: 'Cluster',
        names: {
          plural: 'clusterissuers',
          singular: 'clusterissuer',
          kind: 'ClusterIssuer',
          listKind: 'ClusterIssuerList',
        },
        versions: [
          {
            name: 'v1',
            served: true,
            storage: true,
            schema: { openAPIV3Schema: { type: 'object' } },
            subresources: { status: {} },
          },
        ],
      },
    });
    const issuer = {
      apiVersion: 'cert-manager.io/v1',
      kind: 'ClusterIssuer',
      metadata: { name: 'letsencrypt' },
      spec: {
        acme: {
          server: 'https://acme-v02.api.letsencrypt.org/directory',
          privateKeySecretRef: { name: 'le' },
        },
      },
    };
    const created = await objects.create(issuer);
    expect(created.metadata?.uid).toBeDefined();
    expect(callLog.calls.some((call) => call.operation === 'create/cert-manager.io/v1/clusterissuers')).toBe(
      true,
    );
    const listed = await objects.list('cert-manager.io/v1', 'ClusterIssuer');
    expect(listed.items.map((item) => item.metadata?.name)).toEqual(['letsencrypt']);
    const unsupported = await rejection(
      objects.patch(
        { ...issuer, spec: {} },
        undefined,
        undefined,
        undefined,
        undefined,
        PatchStrategy.StrategicMergePatch,
      ),
    );
    expect(unsupported.code).toBe(415);

    await objects.delete({
      apiVersion: 'apiextensions.k8s.io/v1',
      kind: 'CustomResourceDefinition',
      metadata: { name: 'clusterissuers.cert-manager.io' },
    });
    const gone = await fetch(`${running[0]?.url}/apis/cert-manager.io/v1`, {
      headers: { authorization: 'Bearer t' },
    });
    expect(gone.status).toBe(404);
  });

  it('pages lists with limit and continue, and answers a watch with the current objects', async () => {
    const { core, fake } = await startCluster();
    for (const name of ['p1', 'p2', 'p3'])
      await core.createNamespacedSecret({ namespace: 'default', body: { metadata: { name } } });
    const first = await core.listNamespacedSecret({ namespace: 'default', limit: 2 });
    expect(first.items.map((item) => item.metadata?.name)).toEqual(['p1', 'p2']);
    expect(first.metadata?.remainingItemCount).toBe(1);
    const rest = await core.listNamespacedSecret({
      namespace: 'default',
      limit: 2,
      _continue: first.metadata?._continue,
    });
    expect(rest.items.map((item) => item.metadata?.name)).toEqual(['p3']);
    expect(rest.metadata?._continue).toBeUndefined();
    const watch = await fetch(
      `${fake.url}/api/v1/namespaces/default/secrets?watch=true&fieldSelector=metadata.name%3Dp2`,
      {
        headers: { authorization: 'Bearer t' },
      },
    );
    const events = (await watch.text())
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { type: string; object: { metadata: { name: string } } });
    expect(events).toEqual([
      expect.objectContaining({ type: 'ADDED', object: expect.objectContaining({ kind: 'Secret' }) }),
    ]);
    expect(
      (
        await fetch(`${fake.url}/api/v1/secrets`, {
          method: 'POST',
          headers: { authorization: 'Bearer t' },
          body: '{}',
        })
      ).status,
    ).toBe(405);
  });
});
