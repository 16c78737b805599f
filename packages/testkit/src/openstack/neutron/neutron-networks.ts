import { booleanField, numberField, objectField } from '../../framework/json-body.js';
import type { OpenStackRequest } from '../shared/openstack-protocol.js';
import {
  checkQuota,
  lookup,
  type NeutronContext,
  newRecord,
  reply,
  standardView,
} from './neutron-context.js';
import { listing, showing, updateCommon } from './neutron-crud.js';
import { badRequest, inUse, neutronError } from './neutron-errors.js';
import type { NetworkRecord } from './neutron-state.js';

export function networkView(context: NeutronContext, network: NetworkRecord) {
  return {
    ...standardView(context, network),
    admin_state_up: network.adminStateUp,
    status: 'ACTIVE',
    shared: network.shared,
    'router:external': network.external,
    mtu: network.mtu,
    port_security_enabled: network.portSecurityEnabled,
    subnets: Object.values(context.state.subnets)
      .filter((subnet) => subnet.networkId === network.id)
      .map((subnet) => subnet.id),
    availability_zones: ['nova'],
    ipv4_address_scope: null,
    ipv6_address_scope: null,
  };
}

export const listNetworks = listing('networks', 'networks', networkView);
export const getNetwork = showing('networks', 'network', networkView);

export function createNetwork(context: NeutronContext, request: OpenStackRequest) {
  const body = objectField(request.body, 'network');
  if (!body) throw badRequest('network', "Resource body required, 'network' is missing");
  if (booleanField(body, 'router:external'))
    throw neutronError(
      403,
      'PolicyNotAuthorized',
      'rule:create_network:router:external is disallowed by policy',
    );
  checkQuota(
    context,
    'network',
    Object.values(context.state.networks).filter((network) => !network.external).length,
  );
  const network: NetworkRecord = {
    ...newRecord(context, body),
    adminStateUp: booleanField(body, 'admin_state_up') ?? true,
    shared: false,
    external: false,
    mtu: numberField(body, 'mtu') ?? 1450,
    portSecurityEnabled: booleanField(body, 'port_security_enabled') ?? true,
  };
  context.state.networks[network.id] = network;
  return reply(201, { network: networkView(context, network) });
}

export function updateNetwork(context: NeutronContext, request: OpenStackRequest) {
  const network = lookup(context, 'networks', request.labels.id);
  const body = objectField(request.body, 'network') ?? {};
  network.adminStateUp = booleanField(body, 'admin_state_up') ?? network.adminStateUp;
  updateCommon(context, network, body);
  return reply(200, { network: networkView(context, network) });
}

/** 409 NetworkInUse while ports other than DHCP's remain. Its subnets go with it. */
export function deleteNetwork(context: NeutronContext, request: OpenStackRequest) {
  const network = lookup(context, 'networks', request.labels.id);
  const ports = Object.values(context.state.ports).filter(
    (port) => port.networkId === network.id && port.deviceOwner !== 'network:dhcp',
  );
  if (ports.length > 0)
    throw inUse(
      'NetworkInUse',
      `Unable to complete operation on network ${network.id}. There are one or more ports still in use on the network.`,
    );
  for (const subnet of Object.values(context.state.subnets))
    if (subnet.networkId === network.id) delete context.state.subnets[subnet.id];
  delete context.state.networks[network.id];
  return reply(204);
}
