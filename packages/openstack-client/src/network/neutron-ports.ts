import type { ServiceClient } from '../session/service-client.js';
import { toPort } from './network-mappers.js';
import type { Port } from './network-types.js';
import { neutronCalls, neutronQuery } from './neutron-resource.js';

const ports = neutronCalls({ path: 'ports', plural: 'ports', singular: 'port', map: toPort });

export interface PortFilter {
  /** The server (or router, or load balancer) the port belongs to: how a server's port is found. */
  deviceId?: string;
  /** e.g. `compute:nova`, `network:router_interface`, `Octavia`. */
  deviceOwner?: string;
  networkId?: string;
  name?: string;
  tags?: string[];
}

export function listPorts(network: ServiceClient, filter: PortFilter = {}): Promise<Port[]> {
  return ports.list(
    network,
    neutronQuery(
      {
        device_id: filter.deviceId,
        device_owner: filter.deviceOwner,
        network_id: filter.networkId,
        name: filter.name,
      },
      filter.tags,
    ),
  );
}

export const getPort = ports.get;

export function createPort(
  network: ServiceClient,
  input: {
    network_id: string;
    name?: string;
    fixed_ips?: { subnet_id?: string; ip_address?: string }[];
    security_groups?: string[];
    tags?: string[];
  },
): Promise<Port> {
  return ports.create(network, input);
}

/** Replaces the port's security groups (ids). */
export function setPortSecurityGroups(
  network: ServiceClient,
  portId: string,
  securityGroupIds: string[],
): Promise<Port> {
  return ports.update(network, portId, { security_groups: securityGroupIds });
}

/** A router's ports are 409 here: remove the router interface instead. */
export const deletePort = ports.remove;
