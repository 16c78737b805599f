import { booleanField, objectField, stringArrayField, stringField } from '../../framework/json-body.js';
import type { OpenStackRequest } from '../shared/openstack-protocol.js';
import { numberToIp, overlaps, parseCidr } from './neutron-addresses.js';
import {
  checkQuota,
  lookup,
  type NeutronContext,
  newRecord,
  reply,
  standardView,
} from './neutron-context.js';
import { listing, showing, updateCommon } from './neutron-crud.js';
import { badRequest, inUse, invalidInput } from './neutron-errors.js';
import type { SubnetRecord } from './neutron-state.js';

export function subnetView(context: NeutronContext, subnet: SubnetRecord) {
  return {
    ...standardView(context, subnet),
    network_id: subnet.networkId,
    cidr: subnet.cidr,
    ip_version: subnet.ipVersion,
    gateway_ip: subnet.gatewayIp,
    enable_dhcp: subnet.enableDhcp,
    dns_nameservers: subnet.dnsNameservers,
    allocation_pools: subnet.allocationPools,
    host_routes: [],
    ipv6_address_mode: null,
    ipv6_ra_mode: null,
    subnetpool_id: null,
    service_types: [],
  };
}

/** A subnet record for a CIDR: gateway `.1` unless `gateway_ip` says otherwise, pool after it. */
export function subnetFor(
  context: NeutronContext,
  networkId: string,
  cidrText: string,
  fields: { name?: string; gatewayIp?: string | null; enableDhcp?: boolean; dnsNameservers?: string[] } = {},
): SubnetRecord {
  const cidr = parseCidr(cidrText);
  const gatewayIp = fields.gatewayIp === undefined ? numberToIp(cidr.network + 1) : fields.gatewayIp;
  return {
    ...newRecord(context, { name: fields.name ?? '' }),
    networkId,
    cidr: cidr.text,
    ipVersion: 4,
    gatewayIp,
    enableDhcp: fields.enableDhcp ?? true,
    dnsNameservers: fields.dnsNameservers ?? [],
    allocationPools: [{ start: numberToIp(cidr.network + 2), end: numberToIp(cidr.network + cidr.size - 2) }],
  };
}

export const listSubnets = listing('subnets', 'subnets', subnetView);
export const getSubnet = showing('subnets', 'subnet', subnetView);

export function createSubnet(context: NeutronContext, request: OpenStackRequest) {
  const body = objectField(request.body, 'subnet');
  if (!body) throw badRequest('subnet', "Resource body required, 'subnet' is missing");
  const network = lookup(context, 'networks', stringField(body, 'network_id'));
  const cidrText = stringField(body, 'cidr');
  if (!cidrText) throw badRequest('subnet', 'a cidr must be specified in the absence of a subnet pool');
  if (body.ip_version !== undefined && body.ip_version !== 4)
    throw invalidInput('the fake models IPv4 subnets only');
  const cidr = parseCidr(cidrText);
  for (const other of Object.values(context.state.subnets))
    if (other.networkId === network.id && overlaps(parseCidr(other.cidr), cidr))
      throw invalidInput(
        `Requested subnet with cidr: ${cidr.text} for network: ${network.id} overlaps with another subnet`,
      );
  checkQuota(context, 'subnet', Object.keys(context.state.subnets).length);
  const gatewayIp = body.gateway_ip === null ? null : stringField(body, 'gateway_ip');
  const subnet = {
    ...subnetFor(context, network.id, cidrText, {
      gatewayIp,
      enableDhcp: booleanField(body, 'enable_dhcp'),
      dnsNameservers: stringArrayField(body, 'dns_nameservers'),
    }),
    ...newRecord(context, body),
  };
  context.state.subnets[subnet.id] = subnet;
  return reply(201, { subnet: subnetView(context, subnet) });
}

export function updateSubnet(context: NeutronContext, request: OpenStackRequest) {
  const subnet = lookup(context, 'subnets', request.labels.id);
  const body = objectField(request.body, 'subnet') ?? {};
  subnet.dnsNameservers = stringArrayField(body, 'dns_nameservers') ?? subnet.dnsNameservers;
  updateCommon(context, subnet, body);
  return reply(200, { subnet: subnetView(context, subnet) });
}

/** 409 SubnetInUse while any port (a router interface included) holds an address from it. */
export function deleteSubnet(context: NeutronContext, request: OpenStackRequest) {
  const subnet = lookup(context, 'subnets', request.labels.id);
  const used = Object.values(context.state.ports).some((port) =>
    port.fixedIps.some((ip) => ip.subnet_id === subnet.id),
  );
  if (used)
    throw inUse(
      'SubnetInUse',
      `Unable to complete operation on subnet ${subnet.id}: One or more ports have an IP allocation from this subnet.`,
    );
  delete context.state.subnets[subnet.id];
  return reply(204);
}
