import type { ServiceClient } from '../session/service-client.js';
import { segment } from '../session/service-request.js';
import { toRouter, toRouterInterface } from './network-mappers.js';
import type { Router, RouterInterface } from './network-types.js';
import { neutronCalls, neutronQuery } from './neutron-resource.js';

const routers = neutronCalls({ path: 'routers', plural: 'routers', singular: 'router', map: toRouter });

export function listRouters(
  network: ServiceClient,
  filter: { name?: string; tags?: string[] } = {},
): Promise<Router[]> {
  return routers.list(network, neutronQuery({ name: filter.name }, filter.tags));
}

export const getRouter = routers.get;

/** A router, with its gateway on `externalNetworkId` when given (what private networks need for floating IPs). */
export function createRouter(
  network: ServiceClient,
  input: { name: string; externalNetworkId?: string; tags?: string[] },
): Promise<Router> {
  return routers.create(network, {
    name: input.name,
    ...(input.tags ? { tags: input.tags } : {}),
    ...(input.externalNetworkId ? { external_gateway_info: { network_id: input.externalNetworkId } } : {}),
  });
}

/** Sets the gateway (a network id) or clears it (null; 409 while floating IPs need it). */
export function setRouterGateway(
  network: ServiceClient,
  routerId: string,
  externalNetworkId: string | null,
): Promise<Router> {
  return routers.update(network, routerId, {
    external_gateway_info: externalNetworkId === null ? null : { network_id: externalNetworkId },
  });
}

/** 409 RouterInUse while interfaces remain: remove them first. */
export const deleteRouter = routers.remove;

async function changeInterface(
  network: ServiceClient,
  action: 'add_router_interface' | 'remove_router_interface',
  routerId: string,
  subnetId: string,
): Promise<RouterInterface> {
  const response = await network.request({
    method: 'PUT',
    path: `/routers/${segment(routerId)}/${action}`,
    body: { subnet_id: subnetId },
    subject: `router/${routerId}`,
  });
  return toRouterInterface(response.body);
}

/** Joins a subnet to the router (the router takes the subnet's gateway address). */
export function addRouterInterface(
  network: ServiceClient,
  routerId: string,
  subnetId: string,
): Promise<RouterInterface> {
  return changeInterface(network, 'add_router_interface', routerId, subnetId);
}

export function removeRouterInterface(
  network: ServiceClient,
  routerId: string,
  subnetId: string,
): Promise<RouterInterface> {
  return changeInterface(network, 'remove_router_interface', routerId, subnetId);
}
