import {
  createFloatingIp,
  getFloatingIp,
  listFloatingIps,
  listLoadBalancers,
} from '@hubfleet/openstack-client';
import { afterEach, describe, expect, it } from 'vitest';
import { CLUSTER, type EdgeWorld, FLOATING_IP, startEdgeWorld } from '../../test/edge-world.js';
import { associateIngressFloatingIp } from './ingress-floating-ip.js';
import { serviceLoadBalancers } from './service-load-balancers.js';

let world: EdgeWorld | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

async function names(w: EdgeWorld): Promise<string[]> {
  return (await listLoadBalancers(w.loadBalancer)).map((lb) => `${lb.name} ${lb.provisioningStatus}`).sort();
}

describe('octavia/load-balancers', () => {
  it("down deletes the LoadBalancer Services, then whatever this cluster's controller left in Octavia, and only that", async () => {
    world = await startEdgeWorld();
    const w = world;
    const deps = w.deps();
    const resource = serviceLoadBalancers(deps);
    expect(resource).toMatchObject({
      kind: 'octavia',
      name: 'load-balancers',
      dependsOn: ['cluster', 'nodegroups'],
    });
    expect(resource.requiredBy).toEqual(['tool:ingress-nginx', 'hubs']);
    const context = w.context();
    expect(await resource.observe(context)).toBeUndefined();

    const ours = await w.allocateFloatingIp(FLOATING_IP);
    await w.createIngressService();
    await associateIngressFloatingIp(deps, context.signal);
    // seed 002's leak: a Service deleted while the controller was not looking left its load balancer.
    w.controller().ensure({ namespace: 'jhub', name: 'proxy-public', ports: [{ port: 80 }] });
    // Another cluster in the same project, and the controller's random floating IP of ours.
    w.controller('9f0c1d2e-0000-4000-8000-00000000beef').ensure({
      namespace: 'jhub',
      name: 'proxy-public',
      ports: [{ port: 80 }],
    });
    const random = await createFloatingIp(w.network, {
      floatingNetworkId: w.publicNetworkId,
      description: `Floating IP for Kubernetes external service jhub/proxy-public from cluster ${CLUSTER.id}`,
    });

    const observed = await resource.observe(context);
    expect(observed?.map((lb) => `${lb.name} ${lb.stale}`).sort()).toEqual([
      `kube_service_${CLUSTER.id}_ingress-nginx_ingress-nginx-controller false`,
      `kube_service_${CLUSTER.id}_jhub_proxy-public true`,
    ]);
    expect(resource.diff(observed)).toEqual({
      action: 'noop',
      reason: `2 load balancers of the cluster's Services, removed by \`down\`; left behind by deleted Services: kube_service_${CLUSTER.id}_jhub_proxy-public (jhub/proxy-public)`,
    });

    await resource.apply('delete', context);
    expect(await w.access.list('v1', 'Service', { namespace: 'ingress-nginx' })).toEqual([]);
    expect(await names(w)).toEqual([
      `kube_service_${CLUSTER.id}_ingress-nginx_ingress-nginx-controller PENDING_DELETE`,
      `kube_service_${CLUSTER.id}_jhub_proxy-public PENDING_DELETE`,
      'kube_service_9f0c1d2e-0000-4000-8000-00000000beef_jhub_proxy-public ACTIVE',
    ]);
    w.clock.advance(15_000);
    expect(await resource.observe(context)).toBeUndefined();
    expect(await names(w)).toEqual([
      'kube_service_9f0c1d2e-0000-4000-8000-00000000beef_jhub_proxy-public ACTIVE',
    ]);
    // The configured address is kept (its VIP port went with the load balancer); the controller's is released.
    expect(await getFloatingIp(w.network, ours)).toMatchObject({
      floatingIpAddress: FLOATING_IP,
      portId: null,
    });
    expect((await listFloatingIps(w.network)).map((floating) => floating.id)).not.toContain(random.id);

    // A second down finds nothing and changes nothing.
    const before = w.callLog.count({ mutating: true });
    await resource.apply('delete', context);
    expect(w.callLog.count({ mutating: true })).toBe(before);
  });

  it('removes them even when the cluster API is gone, and waits out a load balancer Octavia is still changing', async () => {
    world = await startEdgeWorld();
    const w = world;
    const deps = w.deps();
    w.controller().ensure({ namespace: 'jhub', name: 'proxy-public', ports: [{ port: 80 }] });
    const [lb] = await listLoadBalancers(w.loadBalancer);
    // A change leaves it PENDING_UPDATE for a while: a delete now is 409 immutable.
    await w.loadBalancer.request({
      method: 'PUT',
      path: `/lbaas/loadbalancers/${lb?.id}`,
      body: { loadbalancer: { description: lb?.description } },
    });
    const resource = serviceLoadBalancers(deps);
    const noCluster = { ...w.context(), kubernetes: async () => undefined };
    await resource.apply('delete', noCluster);
    expect(await names(w)).toEqual([`kube_service_${CLUSTER.id}_jhub_proxy-public PENDING_DELETE`]);
    w.clock.advance(15_000);
    expect(await resource.observe(noCluster)).toBeUndefined();
  });
});
