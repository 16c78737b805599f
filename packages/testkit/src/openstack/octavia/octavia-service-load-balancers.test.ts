import { afterEach, describe, expect, it } from 'vitest';
import { createManualClock } from '../../framework/clock.js';
import { startNeutronFake } from '../neutron/index.js';
import { startOctaviaFake } from './index.js';
import { serviceLoadBalancerName, serviceLoadBalancers } from './octavia-service-load-balancers.js';

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

async function world() {
  const clock = createManualClock();
  const neutron = await startNeutronFake({ clock });
  const octavia = await startOctaviaFake({ clock, ports: neutron.fake.ports });
  closers.push(
    () => neutron.close(),
    () => octavia.close(),
  );
  const call = async (url: string, method = 'GET', body?: unknown) => {
    const response = await fetch(url, {
      method,
      headers: { 'x-auth-token': 'token', 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    return { status: response.status, body: text === '' ? undefined : JSON.parse(text) };
  };
  const network = (await call(`${neutron.url}/v2.0/networks`, 'POST', { network: { name: 'cluster' } })).body
    .network;
  const subnet = (
    await call(`${neutron.url}/v2.0/subnets`, 'POST', {
      subnet: { network_id: network.id, cidr: '10.0.0.0/24' },
    })
  ).body.subnet;
  return { clock, neutron, octavia, call, network, subnet };
}

describe("the OpenStack cloud controller's Service load balancers, over the Octavia fake", () => {
  it('names them kube_service_<cluster>_<namespace>_<name>, puts the VIP on a Neutron port and makes one per Service', async () => {
    const w = await world();
    const controller = serviceLoadBalancers(w.octavia.fake, { clusterName: 'hub', subnetId: w.subnet.id });
    const service = { namespace: 'jhub', name: 'proxy-public', ports: [{ port: 80 }, { port: 443 }] };
    const { ip } = controller.ensure(service);
    expect(controller.ensure(service).ip).toBe(ip);
    const listed = (
      await w.call(`${w.octavia.url}/v2/lbaas/loadbalancers?name=kube_service_hub_jhub_proxy-public`)
    ).body.loadbalancers;
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({
      provisioning_status: 'ACTIVE',
      vip_address: ip,
      tags: ['kube_service_hub_jhub_proxy-public'],
    });
    expect(listed[0].listeners).toHaveLength(2);
    const vip = (await w.call(`${w.neutron.url}/v2.0/ports/${listed[0].vip_port_id}`)).body.port;
    expect(vip).toMatchObject({
      device_owner: 'Octavia',
      fixed_ips: [{ subnet_id: w.subnet.id, ip_address: ip }],
    });
    expect(serviceLoadBalancerName('hub', 'jhub', 'proxy-public')).toBe(listed[0].name);
  });

  it('reports a floating IP found on the VIP port as the address, else the VIP', async () => {
    const w = await world();
    const external = (await w.call(`${w.neutron.url}/v2.0/networks?router:external=true`)).body.networks[0];
    const router = (
      await w.call(`${w.neutron.url}/v2.0/routers`, 'POST', {
        router: { name: 'r', external_gateway_info: { network_id: external.id } },
      })
    ).body.router;
    await w.call(`${w.neutron.url}/v2.0/routers/${router.id}/add_router_interface`, 'PUT', {
      subnet_id: w.subnet.id,
    });
    const controller = serviceLoadBalancers(w.octavia.fake, { clusterName: 'hub', subnetId: w.subnet.id });
    const service = { namespace: 'ingress-nginx', name: 'controller', ports: [{ port: 80 }] };
    const { ip: vip } = controller.ensure(service);
    const [lb] = (await w.call(`${w.octavia.url}/v2/lbaas/loadbalancers`)).body.loadbalancers;
    const floating = (
      await w.call(`${w.neutron.url}/v2.0/floatingips`, 'POST', {
        floatingip: { floating_network_id: external.id, port_id: lb.vip_port_id },
      })
    ).body.floatingip;
    expect(controller.ensure(service).ip).toBe(floating.floating_ip_address);
    await w.call(`${w.neutron.url}/v2.0/floatingips/${floating.id}`, 'PUT', {
      floatingip: { port_id: null },
    });
    expect(controller.ensure(service).ip).toBe(vip);
  });

  it('deletes the load balancer when the Service goes, but one left behind blocks deleting the network', async () => {
    const w = await world();
    const controller = serviceLoadBalancers(w.octavia.fake, { clusterName: 'hub', subnetId: w.subnet.id });
    controller.ensure({ namespace: 'jhub', name: 'a', ports: [{ port: 80 }] });
    controller.ensure({ namespace: 'jhub', name: 'b', ports: [{ port: 80 }] });
    controller.release('jhub', 'a');
    w.clock.advance(15_000);
    const names = (await w.call(`${w.octavia.url}/v2/lbaas/loadbalancers`)).body.loadbalancers.map(
      (lb: { name: string }) => lb.name,
    );
    expect(names).toEqual(['kube_service_hub_jhub_b']);
    const subnetRefused = await w.call(`${w.neutron.url}/v2.0/subnets/${w.subnet.id}`, 'DELETE');
    expect(subnetRefused.body.NeutronError.type).toBe('SubnetInUse');
    const refused = await w.call(`${w.neutron.url}/v2.0/networks/${w.network.id}`, 'DELETE');
    expect(refused.status).toBe(409);
    expect(refused.body.NeutronError.type).toBe('NetworkInUse');
  });

  it("resyncs: releases this cluster's load balancers whose Service is gone, and no other cluster's", async () => {
    const w = await world();
    const hub = serviceLoadBalancers(w.octavia.fake, { clusterName: 'hub', subnetId: w.subnet.id });
    const other = serviceLoadBalancers(w.octavia.fake, { clusterName: 'other', subnetId: w.subnet.id });
    hub.ensure({ namespace: 'jhub', name: 'kept', ports: [{ port: 80 }] });
    hub.ensure({ namespace: 'jhub', name: 'gone', ports: [{ port: 80 }] });
    other.ensure({ namespace: 'jhub', name: 'gone', ports: [{ port: 80 }] });
    hub.sync([{ namespace: 'jhub', name: 'kept' }]);
    w.clock.advance(15_000);
    const names = (await w.call(`${w.octavia.url}/v2/lbaas/loadbalancers`)).body.loadbalancers
      .map((lb: { name: string }) => lb.name)
      .sort();
    expect(names).toEqual(['kube_service_hub_jhub_kept', 'kube_service_other_jhub_gone']);
  });
});
