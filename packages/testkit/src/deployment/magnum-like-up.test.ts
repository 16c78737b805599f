import { applyPlan, NO_SAFETY_FLAGS, planChanges } from '@hubfleet/core/engine';
import { nfsServerReleaseName } from '@hubfleet/core/kubernetes';
import { AppsV1Api, KubeConfig } from '@kubernetes/client-node';
import { afterEach, describe, expect, it } from 'vitest';
import { serviceRange } from '../kubernetes/index.js';
import {
  graphOf,
  helmRenderingInstaller,
  MAGNUM_LABEL,
  MAGNUM_SERVICE_CIDR,
  magnumLikeCloud,
  TEST_RETRY,
} from './magnum-like-deployment.js';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

/** An empty Magnum-like cloud and `hubfleet up`'s path through core: graph, plan (with undesired), apply. */
async function upOnAnEmptyCloud() {
  const cloud = await magnumLikeCloud('magnum-up');
  cleanups.push(() => cloud.fake.close());
  const helm = helmRenderingInstaller();
  cleanups.push(helm.remove);
  const { config, session, clock } = cloud;
  const plan = async () => {
    const graph = graphOf(config, session, { installer: helm.installer, clock });
    const undesired = await graph.findUndesired();
    const planned = await planChanges({
      deployment: config.name,
      desired: graph.desired,
      undesired,
      retry: TEST_RETRY,
    });
    return { graph, plan: planned, resources: [...graph.desired, ...undesired] };
  };
  const first = await plan();
  first.graph.goLive();
  const applied = await applyPlan({
    plan: first.plan,
    resources: first.resources,
    flags: NO_SAFETY_FLAGS,
    retry: TEST_RETRY,
    // The engine's retry pauses move the cloud's clock too, as waiting steps do (graphOf).
    sleep: async (ms) => {
      clock.advance(ms);
      await new Promise((resolve) => setImmediate(resolve));
    },
  });
  return { cloud, first: first.plan, summary: applied.summary, replan: () => plan() };
}

describe('hubfleet up on a provider whose labels do not reach nodes, through a client-certificate kubeconfig', () => {
  it('deploys a shared-nfs hub on the TLS Kubernetes API and then has nothing to do', async () => {
    const { cloud, first, summary, replan } = await upOnAnEmptyCloud();
    expect(first.steps.filter((step) => step.action === 'create').map((step) => step.id)).toEqual(
      expect.arrayContaining([
        'cluster/magnum-up',
        'nodegroup/core',
        'nodegroup/users',
        'node-labels/core',
        'node-labels/users',
        'volume/class',
        'storage-server/class',
        'hub/class',
      ]),
    );
    expect(summary).toMatchObject({ outcome: 'succeeded', failed: [], notStarted: [] });
    expect(summary.done).toEqual(
      expect.arrayContaining(['node-labels/core', 'node-labels/users', 'storage-server/class', 'hub/class']),
    );

    // Everything below is read through the client certificate the session's kubeconfig carries.
    const { core, kubeconfig } = cloud;
    expect(kubeconfig).toContain('client-certificate-data');
    expect(kubeconfig).not.toMatch(/"token"/);
    const apps = (() => {
      const kc = new KubeConfig();
      kc.loadFromString(kubeconfig);
      return kc.makeApiClient(AppsV1Api);
    })();

    // Core labelled and tainted the nodes itself; the cloud's own label is still there.
    const nodes = (await core.listNode()).items;
    expect(nodes.map((node) => node.metadata?.name).sort()).toEqual(['core-node-0', 'users-node-0']);
    const users = nodes.find((node) => node.metadata?.name === 'users-node-0');
    expect(users?.metadata?.labels).toMatchObject({
      [MAGNUM_LABEL]: 'users',
      'hubfleet.io/nodegroup': 'users',
      'hub.jupyter.org/node-purpose': 'user',
      course: 'ds100',
    });
    expect(users?.spec?.taints).toEqual(
      expect.arrayContaining([{ key: 'hub.jupyter.org/dedicated', value: 'user', effect: 'NoSchedule' }]),
    );
    const coreNode = nodes.find((node) => node.metadata?.name === 'core-node-0');
    expect(coreNode?.metadata?.labels).toMatchObject({
      [MAGNUM_LABEL]: 'core',
      'hubfleet.io/nodegroup': 'core',
    });

    // The NFS server (the project's own chart, rendered by helm) is up at a ClusterIP of the
    // cluster's own range, and its data volume is the cloud volume.
    const nfs = nfsServerReleaseName('class');
    const service = await core.readNamespacedService({ name: nfs, namespace: 'class' });
    const clusterIp = service.spec?.clusterIP ?? '';
    expect(
      serviceRange(MAGNUM_SERVICE_CIDR).contains(clusterIp),
      `${clusterIp} in ${MAGNUM_SERVICE_CIDR}`,
    ).toBe(true);
    const nfsWorkloads = (await apps.listNamespacedDeployment({ namespace: 'class' })).items.filter(
      (deployment) => deployment.metadata?.labels?.['app.kubernetes.io/instance'] === nfs,
    );
    expect(nfsWorkloads.length).toBeGreaterThan(0);
    for (const workload of nfsWorkloads) {
      expect(workload.status?.readyReplicas, workload.metadata?.name).toBe(workload.spec?.replicas ?? 1);
    }
    const volume = Object.values(cloud.state.volumes)[0];
    const volumes = (await core.listPersistentVolume()).items;
    expect(volumes.map((pv) => pv.spec?.csi?.volumeHandle)).toContain(volume?.id);

    // Both releases have helm's record; the hub's (an upstream chart) stands in as a ready Deployment.
    const records = (await core.listNamespacedSecret({ namespace: 'class', labelSelector: 'owner=helm' }))
      .items;
    const released = new Set(records.map((record) => record.metadata?.labels?.name));
    expect(released).toContain(nfs);
    expect(released.size).toBe(2);
    const hubRelease = [...released].find((name) => name !== nfs) ?? '';
    const hubWorkloads = (await apps.listNamespacedDeployment({ namespace: 'class' })).items.filter(
      (deployment) => deployment.metadata?.annotations?.['meta.helm.sh/release-name'] === hubRelease,
    );
    expect(hubWorkloads.length).toBeGreaterThan(0);
    for (const workload of hubWorkloads)
      expect(workload.status?.readyReplicas).toBe(workload.spec?.replicas ?? 1);

    const second = await replan();
    expect(
      second.plan.steps.filter((step) => step.action !== 'noop').map((step) => `${step.id}: ${step.reason}`),
    ).toEqual([]);
    expect(second.plan.converged).toBe(true);
  });
});
