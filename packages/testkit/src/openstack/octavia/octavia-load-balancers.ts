import { randomUUID } from 'node:crypto';
import { booleanField, objectField, stringArrayField, stringField } from '../../framework/json-body.js';
import { markerPage } from '../shared/marker-pagination.js';
import type { OpenStackRequest } from '../shared/openstack-protocol.js';
import { matchesTagFilters } from '../shared/tag-filters.js';
import {
  loadBalancerOf,
  markUpdating,
  newRecord,
  type OctaviaContext,
  reply,
  requireMutable,
  standardView,
} from './octavia-context.js';
import { octaviaError, quotaMet, validationError } from './octavia-errors.js';
import type { LoadBalancerRecord } from './octavia-state.js';

export function loadBalancerView(context: OctaviaContext, lb: LoadBalancerRecord) {
  const children = <T extends { loadbalancerId: string; id: string }>(table: Record<string, T>) =>
    Object.values(table)
      .filter((child) => child.loadbalancerId === lb.id)
      .map((child) => ({ id: child.id }));
  return {
    ...standardView(context, lb),
    operating_status: lb.status === 'ACTIVE' ? 'ONLINE' : 'OFFLINE',
    vip_address: lb.vipAddress,
    vip_port_id: lb.vipPortId,
    vip_subnet_id: lb.vipSubnetId,
    vip_network_id: lb.vipNetworkId,
    vip_qos_policy_id: null,
    provider: lb.provider,
    flavor_id: lb.flavorId,
    availability_zone: lb.availabilityZone,
    listeners: children(context.state.listeners),
    pools: children(context.state.pools),
  };
}

const FILTERS = [
  'id',
  'name',
  'description',
  'vip_address',
  'vip_port_id',
  'vip_subnet_id',
  'vip_network_id',
  'provisioning_status',
  'operating_status',
  'provider',
];

/** GET with equality filters, the tag filters, and `limit`/`marker` with `loadbalancers_links`. */
export function listLoadBalancers(context: OctaviaContext, request: OpenStackRequest) {
  const shown = Object.values(context.state.loadBalancers)
    .sort((a, b) => a.created - b.created || (a.id < b.id ? -1 : 1))
    .map((lb) => loadBalancerView(context, lb))
    .filter(
      (view) =>
        FILTERS.every((key) => {
          const wanted = request.query.getAll(key);
          return wanted.length === 0 || wanted.includes(String((view as Record<string, unknown>)[key]));
        }) && matchesTagFilters(view.tags, request.query),
    );
  const page = markerPage(shown, request.query, context.settings.paginationMaxLimit);
  if ('markerNotFound' in page)
    throw octaviaError(404, `Load Balancer ${page.markerNotFound} could not be found.`);
  const links: { rel: string; href: string }[] = [];
  if (page.nextMarker) {
    const params = new URLSearchParams(request.query);
    params.set('marker', page.nextMarker);
    links.push({ rel: 'next', href: `${context.baseUrl}/v2/lbaas/loadbalancers?${params}` });
  }
  return reply(200, { loadbalancers: page.items, loadbalancers_links: links });
}

export function getLoadBalancer(context: OctaviaContext, request: OpenStackRequest) {
  return reply(200, { loadbalancer: loadBalancerView(context, loadBalancerOf(context, request.labels.id)) });
}

/** The VIP: a Neutron port on the given subnet or network, or one the fake makes up. */
export function allocateVip(context: OctaviaContext, id: string, body: Record<string, unknown>) {
  const subnetId = stringField(body, 'vip_subnet_id');
  const networkId = stringField(body, 'vip_network_id');
  const portId = stringField(body, 'vip_port_id');
  const backend = context.settings.ports;
  if (!backend) {
    context.state.nextVip += 1;
    return {
      vipAddress: stringField(body, 'vip_address') ?? `10.0.0.${context.state.nextVip}`,
      vipPortId: portId ?? randomUUID(),
      vipSubnetId: subnetId ?? randomUUID(),
      vipNetworkId: networkId ?? randomUUID(),
    };
  }
  const outcome = backend.bind({
    subnetId,
    networkId,
    portId,
    fixedIp: stringField(body, 'vip_address'),
    deviceId: id,
    deviceOwner: 'Octavia',
    name: `octavia-lb-${id}`,
    securityGroups: [],
  });
  if ('refused' in outcome) throw validationError(outcome.refused);
  const ip = outcome.fixedIps[0];
  return {
    vipAddress: ip?.ipAddress ?? '',
    vipPortId: outcome.portId,
    vipSubnetId: ip?.subnetId ?? '',
    vipNetworkId: outcome.networkId,
  };
}

/** POST → 201 PENDING_CREATE / OFFLINE; ACTIVE / ONLINE after `durations.create`. 403 at quota. */
export function createLoadBalancer(context: OctaviaContext, request: OpenStackRequest) {
  const body = objectField(request.body, 'loadbalancer');
  if (!body)
    throw octaviaError(
      400,
      "Invalid input for field/attribute loadbalancer. Value: 'None'. Mandatory field missing.",
    );
  // Octavia validates the request before it counts quota.
  if (
    !stringField(body, 'vip_subnet_id') &&
    !stringField(body, 'vip_network_id') &&
    !stringField(body, 'vip_port_id')
  )
    throw validationError('VIP must contain one of: vip_port_id, vip_network_id, vip_subnet_id.');
  if (Object.keys(context.state.loadBalancers).length >= context.settings.loadBalancerQuota)
    throw quotaMet('Load Balancer');
  const record = newRecord(context, body, 'PENDING_CREATE');
  const lb: LoadBalancerRecord = {
    ...record,
    ...allocateVip(context, record.id, body),
    provider: stringField(body, 'provider') ?? 'amphora',
    flavorId: stringField(body, 'flavor_id') ?? null,
    availabilityZone: stringField(body, 'availability_zone') ?? null,
    transition: {
      to: 'ACTIVE',
      at: context.now + context.settings.clock.scaled(context.settings.durations.create),
    },
  };
  context.state.loadBalancers[lb.id] = lb;
  return reply(201, { loadbalancer: loadBalancerView(context, lb) });
}

/** PUT name/description/admin_state_up/tags → 200 PENDING_UPDATE; 409 while PENDING_*. */
export function updateLoadBalancer(context: OctaviaContext, request: OpenStackRequest) {
  const lb = loadBalancerOf(context, request.labels.id);
  requireMutable(lb);
  const body = objectField(request.body, 'loadbalancer') ?? {};
  lb.name = stringField(body, 'name') ?? lb.name;
  lb.description = stringField(body, 'description') ?? lb.description;
  lb.adminStateUp = booleanField(body, 'admin_state_up') ?? lb.adminStateUp;
  lb.tags = stringArrayField(body, 'tags') ?? lb.tags;
  markUpdating(context, lb);
  return reply(200, { loadbalancer: loadBalancerView(context, lb) });
}

/**
 * DELETE → 204 and PENDING_DELETE; with children it needs `?cascade=true` (else 400), which takes
 * listeners and pools with it. 409 while PENDING_*.
 */
export function deleteLoadBalancer(context: OctaviaContext, request: OpenStackRequest) {
  const lb = loadBalancerOf(context, request.labels.id);
  requireMutable(lb);
  const cascade = (request.query.get('cascade') ?? '').toLowerCase() === 'true';
  const hasChildren = [context.state.listeners, context.state.pools].some((table) =>
    Object.values(table).some((child) => child.loadbalancerId === lb.id),
  );
  if (hasChildren && !cascade)
    throw validationError(`Cannot delete Load Balancer ${lb.id} - it has children`);
  lb.status = 'PENDING_DELETE';
  lb.updated = context.now;
  lb.transition = {
    to: null,
    at: context.now + context.settings.clock.scaled(context.settings.durations.delete),
  };
  for (const table of [context.state.listeners, context.state.pools])
    for (const child of Object.values(table))
      if (child.loadbalancerId === lb.id) child.status = 'PENDING_DELETE';
  return reply(204);
}
