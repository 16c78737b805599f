import { afterEach, describe, expect, it } from 'vitest';
import { createServer } from '../src/compute/index.js';
import {
  addRouterInterface,
  addTag,
  associateFloatingIp,
  createFloatingIp,
  createNetwork,
  createPort,
  createRouter,
  createSecurityGroup,
  createSecurityGroupRule,
  createSubnet,
  deleteFloatingIp,
  deleteNetwork,
  deletePort,
  deleteRouter,
  deleteSecurityGroup,
  deleteSecurityGroupRule,
  deleteSubnet,
  disassociateFloatingIp,
  ensureSecurityGroupRule,
  getFloatingIp,
  getNetwork,
  getPort,
  getRouter,
  getSecurityGroup,
  getSubnet,
  listFloatingIps,
  listNetworks,
  listPorts,
  listRouters,
  listSecurityGroupRules,
  listSecurityGroups,
  listSubnets,
  listTags,
  removeRouterInterface,
  removeTag,
  replaceTags,
  setPortSecurityGroups,
  setRouterGateway,
} from '../src/network/index.js';
import type { ServiceClient } from '../src/session/service-client.js';
import { failure } from './fault-cases.js';
import { type ServiceWorld, startServiceWorld } from './service-world.js';

let world: ServiceWorld | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

async function start(neutron: NonNullable<Parameters<typeof startServiceWorld>[1]>['neutron'] = {}) {
  world = await startServiceWorld({}, { neutron });
  return { w: world, network: await world.network() };
}

/** A private network joined to the external one by a router: what NeCTAR's private networking needs. */
async function privateNetwork(network: ServiceClient) {
  const [external] = await listNetworks(network, { external: true });
  if (!external) throw new Error('the fake has no external network');
  const net = await createNetwork(network, { name: 'hub-net', tags: ['hubfleet'] });
  const subnet = await createSubnet(network, {
    network_id: net.id,
    cidr: '192.168.20.0/24',
    name: 'hub-subnet',
  });
  const router = await createRouter(network, { name: 'hub-router', externalNetworkId: external.id });
  await addRouterInterface(network, router.id, subnet.id);
  return { external, net, subnet, router };
}

describe('Neutron networks, subnets and routers against the Neutron fake', () => {
  it('creates, finds (by name, external, tag; across pages), reads and deletes networks and subnets', async () => {
    const { w, network } = await start({ paginationMaxLimit: 1 });
    const net = await createNetwork(network, { name: 'hub-net', tags: ['hubfleet'] });
    await createNetwork(network, { name: 'other' });
    expect(net).toMatchObject({
      name: 'hub-net',
      external: false,
      status: 'ACTIVE',
      mtu: 1450,
      tags: ['hubfleet'],
    });
    expect((await listNetworks(network)).map((item) => item.name).sort()).toEqual([
      'hub-net',
      'other',
      'public',
    ]);
    expect(w.callLog.count({ operation: 'ListNetworks' })).toBe(3);
    expect((await listNetworks(network, { external: true })).map((item) => item.name)).toEqual(['public']);
    expect((await listNetworks(network, { tags: ['hubfleet'] })).map((item) => item.id)).toEqual([net.id]);
    const subnet = await createSubnet(network, {
      network_id: net.id,
      cidr: '10.1.0.0/24',
      name: 'hub-subnet',
    });
    expect(subnet).toMatchObject({ cidr: '10.1.0.0/24', gatewayIp: '10.1.0.1', ipVersion: 4 });
    expect((await listSubnets(network, { networkId: net.id })).map((item) => item.id)).toEqual([subnet.id]);
    expect((await getNetwork(network, net.id)).subnetIds).toEqual([subnet.id]);
    expect(await failure(createSubnet(network, { network_id: net.id, cidr: '10.1.0.128/25' }))).toMatchObject(
      {
        kind: 'invalid-config',
        status: 400,
        code: 'InvalidInput',
      },
    );
    expect(await deleteSubnet(network, subnet.id)).toBe(true);
    expect(await failure(getSubnet(network, subnet.id))).toMatchObject({
      kind: 'not-found',
      code: 'SubnetNotFound',
    });
    expect(await deleteNetwork(network, net.id)).toBe(true);
    expect(await deleteNetwork(network, net.id)).toBe(false);
    expect(await failure(getNetwork(network, net.id))).toMatchObject({
      kind: 'not-found',
      status: 404,
      code: 'NetworkNotFound',
      subject: `network/${net.id}`,
    });
  });

  it('routes a subnet to the external network and refuses to delete what is still in use (409)', async () => {
    const { network } = await start();
    const { external, net, subnet, router } = await privateNetwork(network);
    expect(router.externalNetworkId).toBe(external.id);
    expect(router.externalFixedIps).toEqual([{ subnetId: expect.any(String), ipAddress: '203.0.113.2' }]);
    expect(await failure(deleteRouter(network, router.id))).toMatchObject({
      kind: 'conflict',
      code: 'RouterInUse',
    });
    expect(await failure(deleteNetwork(network, net.id))).toMatchObject({
      kind: 'conflict',
      code: 'NetworkInUse',
    });
    expect(await failure(deleteSubnet(network, subnet.id))).toMatchObject({
      kind: 'conflict',
      code: 'SubnetInUse',
    });
    const [routerPort] = await listPorts(network, {
      deviceId: router.id,
      deviceOwner: 'network:router_interface',
    });
    expect(routerPort?.fixedIps).toEqual([{ subnetId: subnet.id, ipAddress: '192.168.20.1' }]);
    expect(await failure(deletePort(network, routerPort?.id ?? ''))).toMatchObject({
      kind: 'conflict',
      code: 'L3PortInUse',
    });
    expect(await failure(addRouterInterface(network, router.id, subnet.id))).toMatchObject({ status: 400 });
    expect((await listRouters(network, { name: 'hub-router' })).map((item) => item.id)).toEqual([router.id]);
    expect((await removeRouterInterface(network, router.id, subnet.id)).subnetId).toBe(subnet.id);
    expect(await failure(removeRouterInterface(network, router.id, subnet.id))).toMatchObject({
      kind: 'not-found',
      code: 'RouterInterfaceNotFoundForSubnet',
    });
    expect((await setRouterGateway(network, router.id, null)).externalNetworkId).toBeNull();
    expect(await deleteRouter(network, router.id)).toBe(true);
    expect(await failure(getRouter(network, router.id))).toMatchObject({ code: 'RouterNotFound' });
    expect(await deleteSubnet(network, subnet.id)).toBe(true);
  });
});

describe('Neutron ports and security groups', () => {
  it("finds a server's port by device, and changes a port's security groups", async () => {
    const { w, network } = await start();
    const { net } = await privateNetwork(network);
    const compute = await w.compute();
    const { id } = await createServer(compute, {
      name: 'node',
      flavorRef: '1',
      imageRef: 'c0ffee00-0000-4000-8000-000000000001',
      networks: [{ uuid: net.id }],
    });
    const [port] = await listPorts(network, { deviceId: id });
    expect(port).toMatchObject({ deviceOwner: 'compute:nova', networkId: net.id, status: 'ACTIVE' });
    const group = await createSecurityGroup(network, { name: 'hub-nodes' });
    expect((await setPortSecurityGroups(network, port?.id ?? '', [group.id])).securityGroupIds).toEqual([
      group.id,
    ]);
    expect(await failure(deleteSecurityGroup(network, group.id))).toMatchObject({
      kind: 'conflict',
      code: 'SecurityGroupInUse',
    });
    const spare = await createPort(network, { network_id: net.id, name: 'spare' });
    expect(spare.status).toBe('DOWN');
    expect((await getPort(network, spare.id)).fixedIps[0]?.ipAddress).toMatch(/^192\.168\.20\./);
    expect(await deletePort(network, spare.id)).toBe(true);
    expect(await deletePort(network, spare.id)).toBe(false);
  });

  it('makes a group with open egress, adds rules, answers 409 for a duplicate and converges with ensure', async () => {
    const { network } = await start();
    const group = await createSecurityGroup(network, { name: 'kube', description: 'kubeadm nodes' });
    expect(group.rules.map((rule) => `${rule.direction}/${rule.ethertype}`).sort()).toEqual([
      'egress/IPv4',
      'egress/IPv6',
    ]);
    const api = {
      security_group_id: group.id,
      direction: 'ingress' as const,
      protocol: 'tcp',
      port_range_min: 6443,
      port_range_max: 6443,
      remote_ip_prefix: '0.0.0.0/0',
    };
    const rule = await createSecurityGroupRule(network, api);
    expect(rule).toMatchObject({
      protocol: 'tcp',
      portRangeMin: 6443,
      portRangeMax: 6443,
      remoteIpPrefix: '0.0.0.0/0',
    });
    const duplicate = await failure(createSecurityGroupRule(network, api));
    expect(duplicate).toMatchObject({ kind: 'conflict', status: 409, code: 'SecurityGroupRuleExists' });
    expect(await ensureSecurityGroupRule(network, api)).toEqual({ rule, created: false });
    const ipip = await ensureSecurityGroupRule(network, {
      security_group_id: group.id,
      direction: 'ingress',
      protocol: '4',
      remote_group_id: group.id,
    });
    expect(ipip).toMatchObject({ created: true, rule: { protocol: '4', remoteGroupId: group.id } });
    expect(
      await failure(createSecurityGroupRule(network, { ...api, port_range_min: 7000, port_range_max: 6000 })),
    ).toMatchObject({
      kind: 'invalid-config',
      status: 400,
    });
    expect((await listSecurityGroupRules(network, group.id)).length).toBe(4);
    expect((await getSecurityGroup(network, group.id)).rules.length).toBe(4);
    expect(await deleteSecurityGroupRule(network, rule.id)).toBe(true);
    expect((await listSecurityGroups(network, { name: 'kube' })).map((item) => item.id)).toEqual([group.id]);
    expect(await deleteSecurityGroup(network, group.id)).toBe(true);
    expect(await failure(getSecurityGroup(network, group.id))).toMatchObject({
      kind: 'not-found',
      code: 'SecurityGroupNotFound',
    });
  });
});

describe('Neutron floating IPs and tags', () => {
  it('associates a floating IP with a server port, refuses a second one and an unreachable port, disassociates', async () => {
    const { w, network } = await start();
    const { external, net } = await privateNetwork(network);
    const compute = await w.compute();
    const { id } = await createServer(compute, {
      name: 'node',
      flavorRef: '1',
      imageRef: 'c0ffee00-0000-4000-8000-000000000001',
      networks: [{ uuid: net.id }],
    });
    const [port] = await listPorts(network, { deviceId: id });
    const portId = port?.id ?? '';
    const floating = await createFloatingIp(network, { floatingNetworkId: external.id, description: 'hub' });
    expect(floating).toMatchObject({ status: 'DOWN', portId: null });
    const associated = await associateFloatingIp(network, floating.id, portId);
    expect(associated).toMatchObject({
      status: 'ACTIVE',
      portId,
      fixedIpAddress: port?.fixedIps[0]?.ipAddress,
    });
    expect((await listFloatingIps(network, { portId })).map((item) => item.id)).toEqual([floating.id]);
    const second = await createFloatingIp(network, { floatingNetworkId: external.id });
    expect(await failure(associateFloatingIp(network, second.id, portId))).toMatchObject({
      kind: 'conflict',
      code: 'FloatingIPPortAlreadyAssociated',
    });
    const isolated = await createNetwork(network, { name: 'isolated' });
    await createSubnet(network, { network_id: isolated.id, cidr: '10.9.0.0/24' });
    const lonely = await createPort(network, { network_id: isolated.id });
    expect(await failure(associateFloatingIp(network, second.id, lonely.id))).toMatchObject({
      kind: 'not-found',
      code: 'ExternalGatewayForFloatingIPNotFound',
    });
    expect(await failure(createFloatingIp(network, { floatingNetworkId: net.id }))).toMatchObject({
      kind: 'invalid-config',
      status: 400,
    });
    expect((await disassociateFloatingIp(network, floating.id)).status).toBe('DOWN');
    expect((await getFloatingIp(network, floating.id)).portId).toBeNull();
    expect(await deleteFloatingIp(network, floating.id)).toBe(true);
    expect(await deleteFloatingIp(network, floating.id)).toBe(false);
  });

  it('maps the floating IP quota (409 OverQuota) to a quota error that is not retried', async () => {
    const { w, network } = await start({ quotas: { floatingip: 1 } });
    const [external] = await listNetworks(network, { external: true });
    await createFloatingIp(network, { floatingNetworkId: external?.id ?? '' });
    const refused = await failure(createFloatingIp(network, { floatingNetworkId: external?.id ?? '' }));
    expect(refused).toMatchObject({ kind: 'quota', retryable: false, status: 409, code: 'OverQuota' });
    expect(w.callLog.count({ operation: 'CreateFloatingIp' })).toBe(2);
  });

  it('adds, lists, replaces and removes tags, and lists resources by tag', async () => {
    const { network } = await start();
    const net = await createNetwork(network, { name: 'tagged' });
    await addTag(network, 'networks', net.id, 'hubfleet');
    await addTag(network, 'networks', net.id, 'deployment=hub');
    expect(await listTags(network, 'networks', net.id)).toEqual(['hubfleet', 'deployment=hub']);
    expect(
      (await listNetworks(network, { tags: ['hubfleet', 'deployment=hub'] })).map((item) => item.id),
    ).toEqual([net.id]);
    expect(await replaceTags(network, 'networks', net.id, ['x'])).toEqual(['x']);
    await removeTag(network, 'networks', net.id, 'x');
    expect(await listTags(network, 'networks', net.id)).toEqual([]);
    expect(await failure(removeTag(network, 'networks', net.id, 'x'))).toMatchObject({
      kind: 'not-found',
      code: 'TagNotFound',
    });
    expect(await failure(addTag(network, 'ports', 'missing', 'x'))).toMatchObject({
      kind: 'not-found',
      code: 'PortNotFound',
    });
  });

  it('maps an exhausted external pool (400 ExternalIpAddressExhausted) to a quota error', async () => {
    const { network } = await start({ externalNetworks: [{ name: 'tiny', cidr: '198.51.100.0/30' }] });
    const [external] = await listNetworks(network, { external: true });
    await createFloatingIp(network, { floatingNetworkId: external?.id ?? '' });
    const refused = await failure(createFloatingIp(network, { floatingNetworkId: external?.id ?? '' }));
    expect(refused).toMatchObject({ kind: 'quota', status: 400, code: 'ExternalIpAddressExhausted' });
  });
});
