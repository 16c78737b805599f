import { nfsServerReleaseName } from '@hubfleet/core/kubernetes';
import { afterEach, describe, expect, it } from 'vitest';
import type { RunningKubernetesFake } from '../kubernetes/index.js';
import { graphOf, magnumLikeDeployment } from './magnum-like-deployment.js';

const running: RunningKubernetesFake[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((fake) => fake.close()));
});

/** The clusterIP the hub's NFS server release asks for, rendered after the release step observed. */
async function renderedClusterIp(
  name: string,
  before: (deployment: Awaited<ReturnType<typeof magnumLikeDeployment>>) => Promise<void>,
) {
  // A range other than the provider's default (10.254.0.0/16), to tell the observed one from it.
  const deployment = await magnumLikeDeployment(name, { serviceCidr: '10.100.0.0/16' });
  running.push(deployment.fake);
  await before(deployment);
  const graph = graphOf(deployment.created, deployment.session);
  const step = graph.desired.find((node) => node.id === 'storage-server/class');
  await step?.observe();
  const release = graph.render().releaseById.get(`class/${nfsServerReleaseName('class')}`);
  const values = release?.values as { service?: { clusterIP?: string } } | undefined;
  return values?.service?.clusterIP ?? '';
}

const service = (namespace: string, name: string, clusterIP: string) => ({
  namespace,
  body: { metadata: { name }, spec: { clusterIP, ports: [{ port: 2049 }] } },
});

describe("the NFS server's fixed clusterIP on a live cluster", () => {
  it("is placed in the cluster's observed range (10.100.0.0/16), not the provider's default (10.254.0.0/16)", async () => {
    const address = await renderedClusterIp('range', async () => undefined);
    expect(address).toMatch(/^10\.100\.0\.\d+$/);
  });

  it('keeps the address of the NFS Service that exists (pinned), wherever the hash would put it now', async () => {
    const address = await renderedClusterIp('pinned', async ({ core }) => {
      await core.createNamespace({ body: { metadata: { name: 'class' } } });
      await core.createNamespacedService(service('class', nfsServerReleaseName('class'), '10.100.0.200'));
    });
    expect(address).toBe('10.100.0.200');
  });

  it('never takes an address another Service already holds', async () => {
    const free = await renderedClusterIp('free', async () => undefined);
    const moved = await renderedClusterIp('taken', async ({ core }) => {
      await core.createNamespacedService(service('default', 'squatter', free));
    });
    expect(moved).not.toBe(free);
    expect(moved).toMatch(/^10\.100\.0\.\d+$/);
  });
});
