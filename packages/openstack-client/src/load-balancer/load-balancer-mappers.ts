import { asWire, wireString, wireStrings } from '../wire/wire-fields.js';
import type { LoadBalancer } from './load-balancer-types.js';

function ids(value: unknown): string[] {
  return (Array.isArray(value) ? value : [])
    .map((item) => wireString(asWire(item), 'id'))
    .filter((id): id is string => id !== undefined);
}

export function toLoadBalancer(value: unknown): LoadBalancer {
  const wire = asWire(value);
  return {
    id: wireString(wire, 'id') ?? '',
    name: wireString(wire, 'name') ?? '',
    description: wireString(wire, 'description') ?? '',
    provisioningStatus: wireString(wire, 'provisioning_status') ?? 'ERROR',
    operatingStatus: wireString(wire, 'operating_status') ?? 'OFFLINE',
    vipAddress: wireString(wire, 'vip_address') ?? '',
    vipPortId: wireString(wire, 'vip_port_id') ?? '',
    vipSubnetId: wireString(wire, 'vip_subnet_id') ?? '',
    vipNetworkId: wireString(wire, 'vip_network_id') ?? '',
    provider: wireString(wire, 'provider') ?? '',
    listenerIds: ids(wire.listeners),
    poolIds: ids(wire.pools),
    tags: wireStrings(wire, 'tags'),
  };
}

/** Whether Octavia will accept a change now (not PENDING_*). */
export function isLoadBalancerSettled(loadBalancer: LoadBalancer): boolean {
  return !loadBalancer.provisioningStatus.startsWith('PENDING_');
}
