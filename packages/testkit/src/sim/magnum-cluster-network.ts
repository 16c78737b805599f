import { randomUUID } from 'node:crypto';
import type { ClusterRecord, MagnumState } from '../openstack/magnum/magnum-state.js';
import type { RunningNeutronFake } from '../openstack/neutron/neutron-fake.js';
import type { NetworkRecord, RouterRecord } from '../openstack/neutron/neutron-state.js';
import { subnetFor } from '../openstack/neutron/neutron-subnets.js';

/**
 * The private network Magnum's Heat stack makes for a cluster whose template names no fixed network:
 * a network and subnet (label `fixed_subnet_cidr`, default 10.0.0.0/24) behind a router whose gateway
 * is on the template's external network, so a load balancer's VIP there can take a floating IP.
 * Made once per cluster (found again by its description); the port bindings persist Neutron's state.
 */
export function magnumClusterNetwork(
  neutron: RunningNeutronFake,
  magnum: MagnumState,
  cluster: ClusterRecord,
  now: number,
): string | undefined {
  const state = neutron.state;
  const description = `Magnum cluster ${cluster.uuid} (Heat stack ${cluster.stackId})`;
  const existing = Object.values(state.networks).find((network) => network.description === description);
  if (existing !== undefined) return existing.id;
  const template = magnum.clusterTemplates[cluster.clusterTemplateId];
  const external = Object.values(state.networks).find(
    (network) => network.external && [network.id, network.name].includes(template?.externalNetworkId ?? ''),
  );
  const context = { state, settings: neutron.fake.settings, now, baseUrl: 'http://127.0.0.1' };
  const record = { description, tags: [], created: now, updated: now, revision: 0 };
  const network: NetworkRecord = {
    ...record,
    id: randomUUID(),
    name: `${cluster.name}-private`,
    adminStateUp: true,
    shared: false,
    external: false,
    mtu: 1450,
    portSecurityEnabled: true,
  };
  state.networks[network.id] = network;
  const subnet = subnetFor(context, network.id, cluster.labels.fixed_subnet_cidr ?? '10.0.0.0/24', {
    name: `${cluster.name}-private-subnet`,
  });
  state.subnets[subnet.id] = subnet;
  if (external === undefined) return network.id;
  const router: RouterRecord = {
    ...record,
    id: randomUUID(),
    name: `${cluster.name}-router`,
    adminStateUp: true,
    gateway: null,
  };
  state.routers[router.id] = router;
  const gateway = neutron.fake.ports.bind({
    networkId: external.id,
    deviceId: router.id,
    deviceOwner: 'network:router_gateway',
  });
  if ('portId' in gateway)
    router.gateway = { networkId: external.id, enableSnat: true, portId: gateway.portId };
  neutron.fake.ports.bind({
    subnetId: subnet.id,
    ...(subnet.gatewayIp === null ? {} : { fixedIp: subnet.gatewayIp }),
    deviceId: router.id,
    deviceOwner: 'network:router_interface',
  });
  return network.id;
}
