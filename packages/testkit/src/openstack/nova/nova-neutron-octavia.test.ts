import { afterEach, describe, expect, it } from 'vitest';
import { createManualClock } from '../../framework/clock.js';
import { startNeutronFake } from '../neutron/index.js';
import { startOctaviaFake } from '../octavia/index.js';
import { startNovaFake } from './index.js';
import { fingerprintLine, generateHostKey } from './ssh-host-key.js';

/** The fakes wired as the sim cloud wires them: servers and VIPs get Neutron ports. */
async function world() {
  const clock = createManualClock();
  const neutron = await startNeutronFake({ clock });
  const nova = await startNovaFake({ clock, ports: neutron.fake.ports });
  const octavia = await startOctaviaFake({ clock, ports: neutron.fake.ports });
  const call = async (base: string, method: string, path: string, body?: unknown) => {
    const response = await fetch(`${base}${path}`, {
      method,
      headers: {
        'x-auth-token': 'token',
        'openstack-api-version': 'compute 2.79',
        'content-type': 'application/json',
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    return { status: response.status, body: text === '' ? undefined : JSON.parse(text) };
  };
  return {
    clock,
    nova: (method: string, path: string, body?: unknown) => call(`${nova.url}/v2.1`, method, path, body),
    neutron: (method: string, path: string, body?: unknown) =>
      call(`${neutron.url}/v2.0`, method, path, body),
    octavia: (method: string, path: string, body?: unknown) =>
      call(`${octavia.url}/v2/lbaas`, method, path, body),
    novaFake: nova.fake,
    close: () => Promise.all([nova.close(), neutron.close(), octavia.close()]),
  };
}

let current: Awaited<ReturnType<typeof world>> | undefined;
afterEach(async () => {
  await current?.close();
  current = undefined;
});

async function open() {
  current = await world();
  return current;
}

async function privateNetwork(w: Awaited<ReturnType<typeof world>>) {
  const publicNet = (await w.neutron('GET', '/networks?router:external=true')).body.networks[0];
  const network = (await w.neutron('POST', '/networks', { network: { name: 'hub-net' } })).body.network;
  const subnet = (
    await w.neutron('POST', '/subnets', { subnet: { network_id: network.id, cidr: '192.168.10.0/24' } })
  ).body.subnet;
  const router = (
    await w.neutron('POST', '/routers', {
      router: { name: 'hub-router', external_gateway_info: { network_id: publicNet.id } },
    })
  ).body.router;
  expect(
    (await w.neutron('PUT', `/routers/${router.id}/add_router_interface`, { subnet_id: subnet.id })).status,
  ).toBe(200);
  return { publicNet, network, subnet, router };
}

describe('Nova, Neutron and Octavia fakes wired together', () => {
  it('gives a server a Neutron port, shows its floating IP in addresses, and frees both on delete', async () => {
    const w = await open();
    const { publicNet, network } = await privateNetwork(w);
    const created = await w.nova('POST', '/servers', {
      server: { name: 'node-1', flavorRef: '2', imageRef: 'image-1', networks: [{ uuid: network.id }] },
    });
    expect(created.status).toBe(202);
    const id = created.body.server.id;
    const ports = (await w.neutron('GET', `/ports?device_id=${id}`)).body.ports;
    expect(ports).toHaveLength(1);
    expect(ports[0].device_owner).toBe('compute:nova');
    expect(ports[0].fixed_ips[0].ip_address).toBe('192.168.10.2');

    const floating = (
      await w.neutron('POST', '/floatingips', {
        floatingip: { floating_network_id: publicNet.id, port_id: ports[0].id },
      })
    ).body.floatingip;
    expect(floating.status).toBe('ACTIVE');
    const server = (await w.nova('GET', `/servers/${id}`)).body.server;
    expect(server.addresses['hub-net'].map((a: { addr: string }) => a.addr)).toEqual([
      '192.168.10.2',
      floating.floating_ip_address,
    ]);

    expect((await w.nova('DELETE', `/servers/${id}`)).status).toBe(204);
    expect((await w.neutron('GET', `/ports?device_id=${id}`)).body.ports).toEqual([]);
    const after = (await w.neutron('GET', `/floatingips/${floating.id}`)).body.floatingip;
    expect(after.port_id).toBeNull();
    expect(after.status).toBe('DOWN');
  });

  it('refuses a server on a network that does not exist, leaving no port behind', async () => {
    const w = await open();
    const refused = await w.nova('POST', '/servers', {
      server: {
        name: 'node-1',
        flavorRef: '2',
        imageRef: 'image-1',
        networks: [{ uuid: 'no-such-network' }],
      },
    });
    expect(refused.status).toBe(400);
    expect(refused.body.badRequest.message).toMatch(/Network no-such-network could not be found/);
    expect((await w.neutron('GET', '/ports?device_owner=compute:nova')).body.ports).toEqual([]);
  });

  it('prints the pinned host key fingerprints once cloud-init has run after ACTIVE', async () => {
    const w = await open();
    const hostKey = generateHostKey('root@node-1');
    const created = await w.nova('POST', '/servers', {
      server: { name: 'node-1', flavorRef: '2', imageRef: 'image-1', networks: 'none' },
    });
    const id = created.body.server.id;
    w.novaFake.setHostKeys(id, [hostKey]);
    const early = await w.nova('POST', `/servers/${id}/action`, { 'os-getConsoleOutput': {} });
    expect(early.status).toBe(409);
    w.clock.advance(60_000);
    expect((await w.nova('GET', `/servers/${id}`)).body.server.status).toBe('ACTIVE');
    const booting = (await w.nova('POST', `/servers/${id}/action`, { 'os-getConsoleOutput': {} })).body
      .output;
    expect(booting).not.toContain('BEGIN SSH HOST KEY FINGERPRINTS');
    w.clock.advance(30_000);
    const booted = (await w.nova('POST', `/servers/${id}/action`, { 'os-getConsoleOutput': { length: 20 } }))
      .body.output;
    expect(booted).toContain('-----BEGIN SSH HOST KEY FINGERPRINTS-----');
    expect(booted).toContain(fingerprintLine(hostKey));
    expect(booted).toContain(hostKey);
  });

  it('puts a load balancer VIP on a Neutron port owned by Octavia and removes it with the load balancer', async () => {
    const w = await open();
    const { subnet } = await privateNetwork(w);
    const lb = (
      await w.octavia('POST', '/loadbalancers', {
        loadbalancer: { name: 'kube_service_c_ns_hub', vip_subnet_id: subnet.id },
      })
    ).body.loadbalancer;
    expect(lb.provisioning_status).toBe('PENDING_CREATE');
    const vip = (await w.neutron('GET', `/ports/${lb.vip_port_id}`)).body.port;
    expect(vip.device_owner).toBe('Octavia');
    expect(vip.fixed_ips[0].ip_address).toBe(lb.vip_address);
    w.clock.advance(90_000);
    expect((await w.octavia('DELETE', `/loadbalancers/${lb.id}`)).status).toBe(204);
    w.clock.advance(15_000);
    expect((await w.octavia('GET', `/loadbalancers/${lb.id}`)).status).toBe(404);
    expect((await w.neutron('GET', `/ports/${lb.vip_port_id}`)).status).toBe(404);
  });

  it('binds a server to an existing port, refuses that port to a second server (409) and unbinds it on delete', async () => {
    const w = await open();
    const { network } = await privateNetwork(w);
    const port = (await w.neutron('POST', '/ports', { port: { network_id: network.id, name: 'fixed' } })).body
      .port;
    const first = await w.nova('POST', '/servers', {
      server: { name: 'a', flavorRef: '1', imageRef: 'image-1', networks: [{ port: port.id }] },
    });
    expect(first.status).toBe(202);
    const second = await w.nova('POST', '/servers', {
      server: { name: 'b', flavorRef: '1', imageRef: 'image-1', networks: [{ port: port.id }] },
    });
    expect(second.status).toBe(409);
    expect(second.body.conflictingRequest.message).toMatch(/still in use/);
    await w.nova('DELETE', `/servers/${first.body.server.id}`);
    const kept = (await w.neutron('GET', `/ports/${port.id}`)).body.port;
    expect(kept).toMatchObject({ device_id: '', device_owner: '', name: 'fixed' });
  });

  it('seeds the external network at start, before any request', async () => {
    const clock = createManualClock();
    const neutron = await startNeutronFake({
      clock,
      externalNetworks: [{ name: 'public', cidr: '203.0.113.0/24' }],
    });
    try {
      const external = Object.values(neutron.state.networks).filter((network) => network.external);
      expect(external.map((network) => network.name)).toEqual(['public']);
    } finally {
      await neutron.close();
    }
  });
});
