import { afterEach, describe, expect, it } from 'vitest';
import {
  createLoadBalancer,
  deleteLoadBalancer,
  getLoadBalancer,
  isLoadBalancerSettled,
  listLoadBalancers,
  updateLoadBalancer,
} from '../src/load-balancer/index.js';
import { createNetwork, createSubnet, getPort } from '../src/network/index.js';
import { expectFaultHandling, failure } from './fault-cases.js';
import { type ServiceWorld, startServiceWorld } from './service-world.js';

let world: ServiceWorld | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

async function start(octavia: NonNullable<Parameters<typeof startServiceWorld>[1]>['octavia'] = {}) {
  world = await startServiceWorld({}, { octavia });
  const network = await world.network();
  const net = await createNetwork(network, { name: 'cluster-net' });
  const subnet = await createSubnet(network, { network_id: net.id, cidr: '10.0.0.0/24' });
  return { w: world, octavia: await world.loadBalancer(), network, subnet };
}

/** What the OpenStack cloud controller makes for a Service, plus one listener (raw, as it does). */
async function addListener(w: ServiceWorld, loadBalancerId: string): Promise<void> {
  const octavia = await w.loadBalancer();
  await octavia.request({
    method: 'POST',
    path: '/lbaas/listeners',
    body: {
      listener: { loadbalancer_id: loadBalancerId, protocol: 'TCP', protocol_port: 80, name: 'listener_0' },
    },
  });
}

describe('Octavia load balancers against the Octavia fake', () => {
  it('creates one in PENDING_CREATE on a Neutron VIP port, which turns ACTIVE', async () => {
    const { w, octavia, network, subnet } = await start();
    const lb = await createLoadBalancer(octavia, {
      name: 'kube_service_hub_jhub_proxy-public',
      vip_subnet_id: subnet.id,
      tags: ['hubfleet'],
    });
    expect(lb).toMatchObject({
      provisioningStatus: 'PENDING_CREATE',
      operatingStatus: 'OFFLINE',
      vipSubnetId: subnet.id,
    });
    expect(isLoadBalancerSettled(lb)).toBe(false);
    const vip = await getPort(network, lb.vipPortId);
    expect(vip).toMatchObject({ deviceOwner: 'Octavia', deviceId: lb.id });
    expect(vip.fixedIps[0]?.ipAddress).toBe(lb.vipAddress);
    w.clock.advance(90_000);
    const active = await getLoadBalancer(octavia, lb.id);
    expect(active).toMatchObject({ provisioningStatus: 'ACTIVE', operatingStatus: 'ONLINE' });
    expect(isLoadBalancerSettled(active)).toBe(true);
  });

  it('lists by name, tag and VIP address across pages', async () => {
    const { w, octavia, subnet } = await start({ paginationMaxLimit: 1 });
    const a = await createLoadBalancer(octavia, {
      name: 'kube_service_c_ns_a',
      vip_subnet_id: subnet.id,
      tags: ['cluster=c'],
    });
    const b = await createLoadBalancer(octavia, {
      name: 'kube_service_c_ns_b',
      vip_subnet_id: subnet.id,
      tags: ['cluster=c', 'x'],
    });
    await createLoadBalancer(octavia, { name: 'other', vip_subnet_id: subnet.id });
    expect((await listLoadBalancers(octavia)).length).toBe(3);
    expect(w.callLog.count({ operation: 'ListLoadBalancers' })).toBe(3);
    expect((await listLoadBalancers(octavia, { name: 'kube_service_c_ns_b' })).map((lb) => lb.id)).toEqual([
      b.id,
    ]);
    expect((await listLoadBalancers(octavia, { tags: ['cluster=c'] })).map((lb) => lb.id).sort()).toEqual(
      [a.id, b.id].sort(),
    );
    expect((await listLoadBalancers(octavia, { vipAddress: a.vipAddress })).map((lb) => lb.id)).toEqual([
      a.id,
    ]);
  });

  it('refuses changes while PENDING_* with a retryable 409, and updates once ACTIVE', async () => {
    const { w, octavia, subnet } = await start();
    const lb = await createLoadBalancer(octavia, { name: 'busy', vip_subnet_id: subnet.id });
    const refused = await failure(updateLoadBalancer(octavia, lb.id, { description: 'x' }));
    expect(refused).toMatchObject({ kind: 'conflict', retryable: true, status: 409 });
    expect(String(refused.message)).toMatch(/is immutable and cannot be updated/);
    expect(await failure(deleteLoadBalancer(octavia, lb.id))).toMatchObject({
      kind: 'conflict',
      status: 409,
    });
    w.clock.advance(90_000);
    const updated = await updateLoadBalancer(octavia, lb.id, { tags: ['hubfleet'] });
    expect(updated).toMatchObject({ provisioningStatus: 'PENDING_UPDATE', tags: ['hubfleet'] });
  });

  it('deletes with cascade (listeners and all), 400 without cascade while children remain; VIP port released', async () => {
    const { w, octavia, network, subnet } = await start();
    const lb = await createLoadBalancer(octavia, { name: 'with-children', vip_subnet_id: subnet.id });
    w.clock.advance(90_000);
    await addListener(w, lb.id);
    w.clock.advance(5_000);
    expect((await getLoadBalancer(octavia, lb.id)).listenerIds).toHaveLength(1);
    expect(await failure(deleteLoadBalancer(octavia, lb.id, { cascade: false }))).toMatchObject({
      kind: 'invalid-config',
      status: 400,
    });
    expect(await deleteLoadBalancer(octavia, lb.id)).toBe(true);
    expect((await getLoadBalancer(octavia, lb.id)).provisioningStatus).toBe('PENDING_DELETE');
    w.clock.advance(15_000);
    expect(await failure(getLoadBalancer(octavia, lb.id))).toMatchObject({
      kind: 'not-found',
      status: 404,
      code: 'Client',
    });
    expect(await failure(getPort(network, lb.vipPortId))).toMatchObject({ kind: 'not-found' });
    expect(await deleteLoadBalancer(octavia, lb.id)).toBe(false);
  });

  it('maps the load balancer quota (403) to a quota error and needs a VIP (400)', async () => {
    const { octavia, subnet } = await start({ loadBalancerQuota: 1 });
    await createLoadBalancer(octavia, { name: 'one', vip_subnet_id: subnet.id });
    expect(
      await failure(createLoadBalancer(octavia, { name: 'two', vip_subnet_id: subnet.id })),
    ).toMatchObject({
      kind: 'quota',
      retryable: false,
      status: 403,
    });
    expect(await failure(createLoadBalancer(octavia, { name: 'no-vip' }))).toMatchObject({
      kind: 'invalid-config',
      status: 400,
    });
  });

  it('fails every call fast on a quota fault and retries throttling and 503 ProjectBusy through', async () => {
    const { w, octavia, subnet } = await start();
    let id = '';
    await expectFaultHandling(w, 'octavia', [
      {
        operation: 'CreateLoadBalancer',
        call: async () => {
          id = (await createLoadBalancer(octavia, { name: 'f', vip_subnet_id: subnet.id })).id;
          w.clock.advance(90_000);
        },
      },
      { operation: 'ShowLoadBalancer', call: () => getLoadBalancer(octavia, id) },
      { operation: 'ListLoadBalancers', call: () => listLoadBalancers(octavia, { name: 'f' }) },
      {
        operation: 'UpdateLoadBalancer',
        call: async () => {
          await updateLoadBalancer(octavia, id, { description: 'd' });
          w.clock.advance(5_000);
        },
      },
      { operation: 'DeleteLoadBalancer', call: () => deleteLoadBalancer(octavia, id) },
    ]);
  });
});
