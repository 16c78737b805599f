import type { ServiceClient } from '../session/service-client.js';
import { toFloatingIp } from './network-mappers.js';
import type { FloatingIp } from './network-types.js';
import { neutronCalls, neutronQuery } from './neutron-resource.js';

const floatingIps = neutronCalls({
  path: 'floatingips',
  plural: 'floatingips',
  singular: 'floatingip',
  map: toFloatingIp,
});

export interface FloatingIpFilter {
  portId?: string;
  floatingNetworkId?: string;
  floatingIpAddress?: string;
  tags?: string[];
}

export function listFloatingIps(
  network: ServiceClient,
  filter: FloatingIpFilter = {},
): Promise<FloatingIp[]> {
  return floatingIps.list(
    network,
    neutronQuery(
      {
        port_id: filter.portId,
        floating_network_id: filter.floatingNetworkId,
        floating_ip_address: filter.floatingIpAddress,
      },
      filter.tags,
    ),
  );
}

export const getFloatingIp = floatingIps.get;

/**
 * Allocates an address on an external network, associated with `portId` when given. The port's
 * subnet must reach that network through a router (404 ExternalGatewayForFloatingIPNotFound);
 * quota is 409 OverQuota, an exhausted pool 400 ExternalIpAddressExhausted.
 */
export function createFloatingIp(
  network: ServiceClient,
  input: { floatingNetworkId: string; portId?: string; description?: string; tags?: string[] },
): Promise<FloatingIp> {
  return floatingIps.create(
    network,
    {
      floating_network_id: input.floatingNetworkId,
      ...(input.portId ? { port_id: input.portId } : {}),
      ...(input.description ? { description: input.description } : {}),
      ...(input.tags ? { tags: input.tags } : {}),
    },
    input.description ?? input.floatingNetworkId,
  );
}

/** 409 FloatingIPPortAlreadyAssociated when the port's address already has one on that network. */
export function associateFloatingIp(
  network: ServiceClient,
  floatingIpId: string,
  portId: string,
  fixedIpAddress?: string,
): Promise<FloatingIp> {
  return floatingIps.update(network, floatingIpId, {
    port_id: portId,
    ...(fixedIpAddress ? { fixed_ip_address: fixedIpAddress } : {}),
  });
}

export function disassociateFloatingIp(network: ServiceClient, floatingIpId: string): Promise<FloatingIp> {
  return floatingIps.update(network, floatingIpId, { port_id: null });
}

/** Releases the address (false when it was already released). */
export const deleteFloatingIp = floatingIps.remove;
