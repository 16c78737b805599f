import type { ServiceClient } from '../session/service-client.js';
import { toNetwork, toSubnet } from './network-mappers.js';
import type { Network, Subnet } from './network-types.js';
import { neutronCalls, neutronQuery } from './neutron-resource.js';

const networks = neutronCalls({ path: 'networks', plural: 'networks', singular: 'network', map: toNetwork });
const subnets = neutronCalls({ path: 'subnets', plural: 'subnets', singular: 'subnet', map: toSubnet });

export interface NetworkFilter {
  name?: string;
  /** Only external (provider) networks: where floating IPs and router gateways come from. */
  external?: boolean;
  tags?: string[];
}

export function listNetworks(network: ServiceClient, filter: NetworkFilter = {}): Promise<Network[]> {
  const external = filter.external === undefined ? undefined : String(filter.external);
  return networks.list(
    network,
    neutronQuery({ name: filter.name, 'router:external': external }, filter.tags),
  );
}

export const getNetwork = networks.get;

export function createNetwork(
  network: ServiceClient,
  input: { name: string; description?: string; mtu?: number; tags?: string[] },
): Promise<Network> {
  return networks.create(network, { admin_state_up: true, ...input });
}

export const deleteNetwork = networks.remove;

export function listSubnets(
  network: ServiceClient,
  filter: { networkId?: string; name?: string; tags?: string[] } = {},
): Promise<Subnet[]> {
  return subnets.list(
    network,
    neutronQuery({ network_id: filter.networkId, name: filter.name }, filter.tags),
  );
}

export const getSubnet = subnets.get;

export interface SubnetInput {
  network_id: string;
  cidr: string;
  name?: string;
  ip_version?: 4;
  /** null: no gateway (no router can join the subnet). */
  gateway_ip?: string | null;
  enable_dhcp?: boolean;
  dns_nameservers?: string[];
  tags?: string[];
}

export function createSubnet(network: ServiceClient, input: SubnetInput): Promise<Subnet> {
  return subnets.create(network, { ip_version: 4, ...input });
}

export const deleteSubnet = subnets.remove;
