import { randomUUID } from 'node:crypto';
import { objectField, stringArrayField, stringField } from '../../framework/json-body.js';
import type { OpenStackRequest } from '../shared/openstack-protocol.js';
import { allocateAddress } from './neutron-addresses.js';
import { checkQuota, lookup, type NeutronContext, reply, standardView } from './neutron-context.js';
import { listing, showing, updateCommon } from './neutron-crud.js';
import { badRequest, inUse, neutronError, notFound } from './neutron-errors.js';
import type { FloatingIpRecord } from './neutron-state.js';

export function floatingIpView(context: NeutronContext, floating: FloatingIpRecord) {
  const port = floating.portId ? context.state.ports[floating.portId] : undefined;
  return {
    ...standardView(context, floating),
    floating_network_id: floating.floatingNetworkId,
    floating_ip_address: floating.floatingIpAddress,
    port_id: floating.portId,
    fixed_ip_address: floating.fixedIpAddress,
    router_id: floating.routerId,
    status: floating.portId ? 'ACTIVE' : 'DOWN',
    port_details: port
      ? {
          name: port.name,
          network_id: port.networkId,
          mac_address: port.macAddress,
          admin_state_up: port.adminStateUp,
          status: 'ACTIVE',
          device_id: port.deviceId,
          device_owner: port.deviceOwner,
        }
      : null,
    port_forwardings: [],
    dns_domain: '',
    dns_name: '',
    qos_policy_id: null,
  };
}

/**
 * Associate with a port: it needs a fixed IP on a subnet that a router joins to the floating IP's
 * network (else 404 ExternalGatewayForFloatingIPNotFound), and no other floating IP on that network.
 */
function associate(
  context: NeutronContext,
  floating: FloatingIpRecord,
  portId: string,
  fixedIp: string | undefined,
): void {
  const port = lookup(context, 'ports', portId);
  const ip = fixedIp ? port.fixedIps.find((candidate) => candidate.ip_address === fixedIp) : port.fixedIps[0];
  if (!ip) throw badRequest('floatingip', `Port ${port.id} does not have fixed ip ${fixedIp ?? ''}`);
  const router = Object.values(context.state.routers).find(
    (candidate) =>
      candidate.gateway?.networkId === floating.floatingNetworkId &&
      Object.values(context.state.ports).some(
        (routerPort) =>
          routerPort.deviceId === candidate.id &&
          routerPort.deviceOwner === 'network:router_interface' &&
          routerPort.fixedIps.some((routerIp) => routerIp.subnet_id === ip.subnet_id),
      ),
  );
  if (!router)
    throw notFound(
      'ExternalGatewayForFloatingIPNotFound',
      `External network ${floating.floatingNetworkId} is not reachable from subnet ${ip.subnet_id}.  Therefore, cannot associate Port ${port.id} with a Floating IP.`,
    );
  const taken = Object.values(context.state.floatingIps).find(
    (other) =>
      other.id !== floating.id &&
      other.portId === port.id &&
      other.fixedIpAddress === ip.ip_address &&
      other.floatingNetworkId === floating.floatingNetworkId,
  );
  if (taken)
    throw inUse(
      'FloatingIPPortAlreadyAssociated',
      `Cannot associate floating IP ${floating.floatingIpAddress} (${floating.id}) with port ${port.id} using fixed IP ${ip.ip_address}, as that fixed IP already has a floating IP on external network ${floating.floatingNetworkId}.`,
    );
  floating.portId = port.id;
  floating.fixedIpAddress = ip.ip_address;
  floating.routerId = router.id;
}

export const listFloatingIps = listing('floatingIps', 'floatingips', floatingIpView);
export const getFloatingIp = showing('floatingIps', 'floatingip', floatingIpView);

/** 201; 400 when the network is not external; 400 ExternalIpAddressExhausted; 409 OverQuota. */
export function createFloatingIp(context: NeutronContext, request: OpenStackRequest) {
  const body = objectField(request.body, 'floatingip');
  if (!body) throw badRequest('floatingip', "Resource body required, 'floatingip' is missing");
  const network = lookup(context, 'networks', stringField(body, 'floating_network_id'));
  if (!network.external)
    throw badRequest('floatingip', `Network ${network.id} is not a valid external network`);
  checkQuota(context, 'floatingip', Object.keys(context.state.floatingIps).length);
  const subnets = Object.values(context.state.subnets).filter((subnet) => subnet.networkId === network.id);
  const wanted = stringField(body, 'floating_ip_address');
  const address = subnets
    .map((subnet) => allocateAddress(context, subnet, wanted))
    .find((found) => found !== undefined);
  if (!address)
    throw neutronError(
      400,
      'ExternalIpAddressExhausted',
      `Unable to find any IP address on external network ${network.id}.`,
    );
  const floating: FloatingIpRecord = {
    id: randomUUID(),
    description: stringField(body, 'description') ?? '',
    tags: [...new Set(stringArrayField(body, 'tags') ?? [])],
    created: context.now,
    updated: context.now,
    revision: 0,
    floatingNetworkId: network.id,
    floatingIpAddress: address,
    portId: null,
    fixedIpAddress: null,
    routerId: null,
  };
  const portId = stringField(body, 'port_id');
  if (portId) associate(context, floating, portId, stringField(body, 'fixed_ip_address'));
  context.state.floatingIps[floating.id] = floating;
  return reply(201, { floatingip: floatingIpView(context, floating) });
}

/** PUT {port_id}: associate; {port_id: null}: disassociate. */
export function updateFloatingIp(context: NeutronContext, request: OpenStackRequest) {
  const floating = lookup(context, 'floatingIps', request.labels.id);
  const body = objectField(request.body, 'floatingip') ?? {};
  if ('port_id' in body) {
    const portId = stringField(body, 'port_id');
    if (portId) associate(context, floating, portId, stringField(body, 'fixed_ip_address'));
    else {
      floating.portId = null;
      floating.fixedIpAddress = null;
      floating.routerId = null;
    }
  }
  updateCommon(context, floating, body);
  return reply(200, { floatingip: floatingIpView(context, floating) });
}

export function deleteFloatingIp(context: NeutronContext, request: OpenStackRequest) {
  delete context.state.floatingIps[lookup(context, 'floatingIps', request.labels.id).id];
  return reply(204);
}
