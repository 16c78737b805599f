/** Neutron's records: plain JSON, as the fake persists them. Every resource has the standard attributes. */
export interface NeutronRecord {
  id: string;
  name: string;
  description: string;
  tags: string[];
  created: number;
  updated: number;
  revision: number;
}

export interface NetworkRecord extends NeutronRecord {
  adminStateUp: boolean;
  shared: boolean;
  external: boolean;
  mtu: number;
  portSecurityEnabled: boolean;
}

export interface SubnetRecord extends NeutronRecord {
  networkId: string;
  cidr: string;
  ipVersion: 4;
  gatewayIp: string | null;
  enableDhcp: boolean;
  dnsNameservers: string[];
  allocationPools: { start: string; end: string }[];
}

export interface FixedIp {
  subnet_id: string;
  ip_address: string;
}

export interface PortRecord extends NeutronRecord {
  networkId: string;
  fixedIps: FixedIp[];
  macAddress: string;
  deviceId: string;
  deviceOwner: string;
  securityGroups: string[];
  adminStateUp: boolean;
  portSecurityEnabled: boolean;
  /** Made by a port binding (a server's NIC, a VIP): deleted again when the device releases it. */
  madeForDevice?: boolean;
}

export interface RouterRecord extends NeutronRecord {
  adminStateUp: boolean;
  gateway: { networkId: string; enableSnat: boolean; portId: string } | null;
}

export interface SecurityGroupRecord extends NeutronRecord {
  stateful: boolean;
}

export interface SecurityGroupRuleRecord extends Omit<NeutronRecord, 'name' | 'tags'> {
  securityGroupId: string;
  direction: 'ingress' | 'egress';
  ethertype: 'IPv4' | 'IPv6';
  protocol: string | null;
  portRangeMin: number | null;
  portRangeMax: number | null;
  remoteIpPrefix: string | null;
  remoteGroupId: string | null;
}

export interface FloatingIpRecord extends Omit<NeutronRecord, 'name'> {
  floatingNetworkId: string;
  floatingIpAddress: string;
  portId: string | null;
  fixedIpAddress: string | null;
  routerId: string | null;
}

export interface NeutronState {
  networks: Record<string, NetworkRecord>;
  subnets: Record<string, SubnetRecord>;
  ports: Record<string, PortRecord>;
  routers: Record<string, RouterRecord>;
  securityGroups: Record<string, SecurityGroupRecord>;
  securityGroupRules: Record<string, SecurityGroupRuleRecord>;
  floatingIps: Record<string, FloatingIpRecord>;
  /** Seeded once: the external network(s) and the project's default security group. */
  seeded: boolean;
  macCounter: number;
}

export function createNeutronState(): NeutronState {
  return {
    networks: {},
    subnets: {},
    ports: {},
    routers: {},
    securityGroups: {},
    securityGroupRules: {},
    floatingIps: {},
    seeded: false,
    macCounter: 1,
  };
}
