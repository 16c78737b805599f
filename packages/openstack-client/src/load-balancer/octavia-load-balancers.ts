import { deleteIfPresent } from '../session/delete-if-present.js';
import type { ServiceClient } from '../session/service-client.js';
import { segment } from '../session/service-request.js';
import { asWire } from '../wire/wire-fields.js';
import { toLoadBalancer } from './load-balancer-mappers.js';
import type { LoadBalancer } from './load-balancer-types.js';

export interface LoadBalancerInput {
  name: string;
  /** One of the three places for the VIP. */
  vip_subnet_id?: string;
  vip_network_id?: string;
  vip_port_id?: string;
  vip_address?: string;
  description?: string;
  tags?: string[];
  provider?: string;
  flavor_id?: string;
}

/** POST → 201 in PENDING_CREATE; poll until ACTIVE before adding listeners or pools. 403 at quota. */
export async function createLoadBalancer(
  octavia: ServiceClient,
  input: LoadBalancerInput,
): Promise<LoadBalancer> {
  const response = await octavia.request({
    method: 'POST',
    path: '/lbaas/loadbalancers',
    body: { loadbalancer: input },
    subject: `loadbalancer/${input.name}`,
  });
  return toLoadBalancer(asWire(response.body).loadbalancer);
}

export async function getLoadBalancer(octavia: ServiceClient, id: string): Promise<LoadBalancer> {
  const response = await octavia.request({
    method: 'GET',
    path: `/lbaas/loadbalancers/${segment(id)}`,
    subject: `loadbalancer/${id}`,
  });
  return toLoadBalancer(asWire(response.body).loadbalancer);
}

export interface LoadBalancerFilter {
  name?: string;
  /** All of these tags. */
  tags?: string[];
  vipAddress?: string;
  vipPortId?: string;
}

/**
 * Load balancers through every page, filtered: by name (the cloud controller names Services'
 * `kube_service_<cluster>_<namespace>_<name>`), by tag, or by VIP (what a floating IP points at).
 */
export async function listLoadBalancers(
  octavia: ServiceClient,
  filter: LoadBalancerFilter = {},
): Promise<LoadBalancer[]> {
  const query: Record<string, string> = {};
  if (filter.name !== undefined) query.name = filter.name;
  if (filter.tags?.length) query.tags = filter.tags.join(',');
  if (filter.vipAddress !== undefined) query.vip_address = filter.vipAddress;
  if (filter.vipPortId !== undefined) query.vip_port_id = filter.vipPortId;
  return (await octavia.listAll<unknown>('/lbaas/loadbalancers', 'loadbalancers', query)).map(toLoadBalancer);
}

/** PUT name/description/tags → PENDING_UPDATE. 409 (retryable) while PENDING_*. */
export async function updateLoadBalancer(
  octavia: ServiceClient,
  id: string,
  changes: { name?: string; description?: string; tags?: string[] },
): Promise<LoadBalancer> {
  const response = await octavia.request({
    method: 'PUT',
    path: `/lbaas/loadbalancers/${segment(id)}`,
    body: { loadbalancer: changes },
    subject: `loadbalancer/${id}`,
  });
  return toLoadBalancer(asWire(response.body).loadbalancer);
}

/**
 * Deletes a load balancer with its listeners, pools and members (`cascade=true`, the default:
 * without it a load balancer with children is 400). 409 while PENDING_*; false when already gone.
 */
export function deleteLoadBalancer(
  octavia: ServiceClient,
  id: string,
  options: { cascade?: boolean } = {},
): Promise<boolean> {
  return deleteIfPresent(octavia, {
    path: `/lbaas/loadbalancers/${segment(id)}`,
    query: { cascade: options.cascade ?? true },
    subject: `loadbalancer/${id}`,
  });
}
