import {
  booleanField,
  type JsonObject,
  objectArrayField,
  objectField,
  stringArrayField,
  stringField,
} from '../../framework/json-body.js';
import type { OpenStackRequest } from '../shared/openstack-protocol.js';
import { allocateAddress, nextMac } from './neutron-addresses.js';
import {
  checkQuota,
  lookup,
  type NeutronContext,
  newRecord,
  reply,
  standardView,
  touch,
} from './neutron-context.js';
import { listing, showing, updateCommon } from './neutron-crud.js';
import { badRequest, inUse, neutronError } from './neutron-errors.js';
import { defaultSecurityGroup } from './neutron-security-groups.js';
import type { FixedIp, NetworkRecord, PortRecord } from './neutron-state.js';

export function portView(context: NeutronContext, port: PortRecord) {
  const bound = port.deviceOwner.startsWith('compute:') || port.deviceOwner.startsWith('network:');
  return {
    ...standardView(context, port),
    network_id: port.networkId,
    fixed_ips: port.fixedIps,
    mac_address: port.macAddress,
    device_id: port.deviceId,
    device_owner: port.deviceOwner,
    status: bound && port.adminStateUp ? 'ACTIVE' : 'DOWN',
    security_groups: port.securityGroups,
    admin_state_up: port.adminStateUp,
    port_security_enabled: port.portSecurityEnabled,
    allowed_address_pairs: [],
    'binding:vnic_type': 'normal',
  };
}

/** Fixed IPs from `fixed_ips` (subnet_id and/or ip_address), or one from the network's first subnet. */
function fixedIpsFor(
  context: NeutronContext,
  network: NetworkRecord,
  requested: JsonObject[] | undefined,
): FixedIp[] {
  const subnets = Object.values(context.state.subnets).filter((subnet) => subnet.networkId === network.id);
  const wanted = requested ?? (subnets.length > 0 ? [{}] : []);
  return wanted.map((item) => {
    const subnetId = stringField(item, 'subnet_id');
    const subnet = subnetId ? lookup(context, 'subnets', subnetId) : subnets[0];
    if (!subnet || subnet.networkId !== network.id)
      throw badRequest('port', `Subnet ${subnetId ?? ''} is not on network ${network.id}`);
    const address = allocateAddress(context, subnet, stringField(item, 'ip_address'));
    if (!address)
      throw neutronError(
        409,
        'IpAddressGenerationFailure',
        `No more IP addresses available on network ${network.id}.`,
      );
    return { subnet_id: subnet.id, ip_address: address };
  });
}

/** Security groups by id or (as Nova passes them) by name; the project default when none is given. */
export function resolveSecurityGroups(context: NeutronContext, wanted: string[] | undefined): string[] {
  if (wanted === undefined) return [defaultSecurityGroup(context).id];
  return wanted.map((reference) => {
    const byId = context.state.securityGroups[reference];
    if (byId) return byId.id;
    const byName = Object.values(context.state.securityGroups).filter((group) => group.name === reference);
    if (byName.length > 1)
      throw neutronError(
        409,
        'NoUniqueMatch',
        `Multiple security_group matches found for name '${reference}', use an ID to be more specific.`,
      );
    const group = byName[0];
    if (!group)
      throw neutronError(404, 'SecurityGroupNotFound', `Security group ${reference} does not exist`);
    return group.id;
  });
}

export interface NewPort {
  networkId: string;
  fixedIps?: JsonObject[];
  deviceId?: string;
  deviceOwner?: string;
  securityGroups?: string[];
  body?: JsonObject;
  madeForDevice?: boolean;
}

export function makePort(context: NeutronContext, fields: NewPort): PortRecord {
  const network = lookup(context, 'networks', fields.networkId);
  checkQuota(context, 'port', Object.keys(context.state.ports).length);
  const fixedIps = fixedIpsFor(context, network, fields.fixedIps);
  const portSecurityEnabled =
    booleanField(fields.body, 'port_security_enabled') ?? network.portSecurityEnabled;
  const port: PortRecord = {
    ...newRecord(context, fields.body),
    networkId: network.id,
    fixedIps,
    macAddress: nextMac(context),
    deviceId: fields.deviceId ?? '',
    deviceOwner: fields.deviceOwner ?? '',
    securityGroups:
      portSecurityEnabled && !(fields.deviceOwner ?? '').startsWith('network:')
        ? resolveSecurityGroups(context, fields.securityGroups)
        : [],
    adminStateUp: booleanField(fields.body, 'admin_state_up') ?? true,
    portSecurityEnabled,
    ...(fields.madeForDevice ? { madeForDevice: true } : {}),
  };
  context.state.ports[port.id] = port;
  return port;
}

export const listPorts = listing('ports', 'ports', portView);
export const getPort = showing('ports', 'port', portView);

export function createPort(context: NeutronContext, request: OpenStackRequest) {
  const body = objectField(request.body, 'port');
  if (!body) throw badRequest('port', "Resource body required, 'port' is missing");
  const port = makePort(context, {
    networkId: stringField(body, 'network_id') ?? '',
    fixedIps: objectArrayField(body, 'fixed_ips'),
    deviceId: stringField(body, 'device_id'),
    deviceOwner: stringField(body, 'device_owner'),
    securityGroups: stringArrayField(body, 'security_groups'),
    body,
  });
  return reply(201, { port: portView(context, port) });
}

export function updatePort(context: NeutronContext, request: OpenStackRequest) {
  const port = lookup(context, 'ports', request.labels.id);
  const body = objectField(request.body, 'port') ?? {};
  port.deviceId = stringField(body, 'device_id') ?? port.deviceId;
  port.deviceOwner = stringField(body, 'device_owner') ?? port.deviceOwner;
  const groups = stringArrayField(body, 'security_groups');
  if (groups) port.securityGroups = resolveSecurityGroups(context, groups);
  port.adminStateUp = booleanField(body, 'admin_state_up') ?? port.adminStateUp;
  updateCommon(context, port, body);
  return reply(200, { port: portView(context, port) });
}

/** Removes a port and clears floating IPs that pointed at it (Neutron disassociates them). */
export function removePort(context: NeutronContext, portId: string): void {
  for (const floating of Object.values(context.state.floatingIps))
    if (floating.portId === portId) {
      floating.portId = null;
      floating.fixedIpAddress = null;
      floating.routerId = null;
      touch(context, floating);
    }
  delete context.state.ports[portId];
}

/** Router ports are the router's: deleting one directly is 409 (remove the interface instead). */
export function deletePort(context: NeutronContext, request: OpenStackRequest) {
  const port = lookup(context, 'ports', request.labels.id);
  if (port.deviceOwner === 'network:router_interface' || port.deviceOwner === 'network:router_gateway')
    throw inUse(
      'L3PortInUse',
      `Port ${port.id} cannot be deleted directly via the port API: has device owner ${port.deviceOwner}.`,
    );
  removePort(context, port.id);
  return reply(204);
}
