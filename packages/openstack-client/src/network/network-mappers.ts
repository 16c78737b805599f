import {
  asWire,
  type Wire,
  wireBoolean,
  wireNullableString,
  wireNumber,
  wireString,
  wireStrings,
} from '../wire/wire-fields.js';
import type {
  FixedIp,
  FloatingIp,
  Network,
  Port,
  Router,
  RouterInterface,
  SecurityGroup,
  SecurityGroupRule,
  Subnet,
} from './network-types.js';

function fixedIpsOf(value: unknown): FixedIp[] {
  return (Array.isArray(value) ? value : []).map((item) => {
    const wire = asWire(item);
    return { subnetId: wireString(wire, 'subnet_id') ?? '', ipAddress: wireString(wire, 'ip_address') ?? '' };
  });
}

function common(wire: Wire) {
  return { id: wireString(wire, 'id') ?? '', tags: wireStrings(wire, 'tags') };
}

export function toNetwork(value: unknown): Network {
  const wire = asWire(value);
  return {
    ...common(wire),
    name: wireString(wire, 'name') ?? '',
    status: wireString(wire, 'status') ?? 'UNKNOWN',
    external: wireBoolean(wire, 'router:external') ?? false,
    shared: wireBoolean(wire, 'shared') ?? false,
    mtu: wireNumber(wire, 'mtu') ?? null,
    subnetIds: wireStrings(wire, 'subnets'),
  };
}

export function toSubnet(value: unknown): Subnet {
  const wire = asWire(value);
  return {
    ...common(wire),
    name: wireString(wire, 'name') ?? '',
    networkId: wireString(wire, 'network_id') ?? '',
    cidr: wireString(wire, 'cidr') ?? '',
    ipVersion: wireNumber(wire, 'ip_version') ?? 4,
    gatewayIp: wireNullableString(wire, 'gateway_ip'),
    enableDhcp: wireBoolean(wire, 'enable_dhcp') ?? true,
    dnsNameservers: wireStrings(wire, 'dns_nameservers'),
  };
}

export function toPort(value: unknown): Port {
  const wire = asWire(value);
  return {
    ...common(wire),
    name: wireString(wire, 'name') ?? '',
    networkId: wireString(wire, 'network_id') ?? '',
    status: wireString(wire, 'status') ?? 'UNKNOWN',
    deviceId: wireString(wire, 'device_id') ?? '',
    deviceOwner: wireString(wire, 'device_owner') ?? '',
    macAddress: wireString(wire, 'mac_address') ?? '',
    fixedIps: fixedIpsOf(wire.fixed_ips),
    securityGroupIds: wireStrings(wire, 'security_groups'),
  };
}

export function toRouter(value: unknown): Router {
  const wire = asWire(value);
  const gateway = wire.external_gateway_info === null ? undefined : asWire(wire.external_gateway_info);
  return {
    ...common(wire),
    name: wireString(wire, 'name') ?? '',
    status: wireString(wire, 'status') ?? 'UNKNOWN',
    externalNetworkId: gateway ? wireNullableString(gateway, 'network_id') : null,
    externalFixedIps: gateway ? fixedIpsOf(gateway.external_fixed_ips) : [],
  };
}

export function toRouterInterface(value: unknown): RouterInterface {
  const wire = asWire(value);
  return {
    routerId: wireString(wire, 'id') ?? '',
    portId: wireString(wire, 'port_id') ?? '',
    subnetId: wireString(wire, 'subnet_id') ?? '',
    networkId: wireString(wire, 'network_id') ?? '',
  };
}

export function toSecurityGroupRule(value: unknown): SecurityGroupRule {
  const wire = asWire(value);
  return {
    id: wireString(wire, 'id') ?? '',
    securityGroupId: wireString(wire, 'security_group_id') ?? '',
    direction: wireString(wire, 'direction') === 'egress' ? 'egress' : 'ingress',
    ethertype: wireString(wire, 'ethertype') === 'IPv6' ? 'IPv6' : 'IPv4',
    protocol: wireNullableString(wire, 'protocol'),
    portRangeMin: wireNumber(wire, 'port_range_min') ?? null,
    portRangeMax: wireNumber(wire, 'port_range_max') ?? null,
    remoteIpPrefix: wireNullableString(wire, 'remote_ip_prefix'),
    remoteGroupId: wireNullableString(wire, 'remote_group_id'),
    description: wireString(wire, 'description') ?? '',
  };
}

export function toSecurityGroup(value: unknown): SecurityGroup {
  const wire = asWire(value);
  return {
    ...common(wire),
    name: wireString(wire, 'name') ?? '',
    description: wireString(wire, 'description') ?? '',
    rules: (Array.isArray(wire.security_group_rules) ? wire.security_group_rules : []).map(
      toSecurityGroupRule,
    ),
  };
}

export function toFloatingIp(value: unknown): FloatingIp {
  const wire = asWire(value);
  return {
    ...common(wire),
    floatingIpAddress: wireString(wire, 'floating_ip_address') ?? '',
    floatingNetworkId: wireString(wire, 'floating_network_id') ?? '',
    portId: wireNullableString(wire, 'port_id'),
    fixedIpAddress: wireNullableString(wire, 'fixed_ip_address'),
    routerId: wireNullableString(wire, 'router_id'),
    status: wireString(wire, 'status') ?? 'UNKNOWN',
    description: wireString(wire, 'description') ?? '',
  };
}
