export interface Network {
  id: string;
  name: string;
  status: string;
  external: boolean;
  shared: boolean;
  mtu: number | null;
  subnetIds: string[];
  tags: string[];
}

export interface Subnet {
  id: string;
  name: string;
  networkId: string;
  cidr: string;
  ipVersion: number;
  gatewayIp: string | null;
  enableDhcp: boolean;
  dnsNameservers: string[];
  tags: string[];
}

export interface FixedIp {
  subnetId: string;
  ipAddress: string;
}

export interface Port {
  id: string;
  name: string;
  networkId: string;
  status: string;
  deviceId: string;
  deviceOwner: string;
  macAddress: string;
  fixedIps: FixedIp[];
  securityGroupIds: string[];
  tags: string[];
}

export interface Router {
  id: string;
  name: string;
  status: string;
  /** The external network the router's gateway is on, if any. */
  externalNetworkId: string | null;
  externalFixedIps: FixedIp[];
  tags: string[];
}

export interface RouterInterface {
  routerId: string;
  portId: string;
  subnetId: string;
  networkId: string;
}

export interface SecurityGroupRule {
  id: string;
  securityGroupId: string;
  direction: 'ingress' | 'egress';
  ethertype: 'IPv4' | 'IPv6';
  /** `tcp`, `udp`, `icmp`, a protocol number as text, or null for any. */
  protocol: string | null;
  portRangeMin: number | null;
  portRangeMax: number | null;
  remoteIpPrefix: string | null;
  remoteGroupId: string | null;
  description: string;
}

export interface SecurityGroup {
  id: string;
  name: string;
  description: string;
  rules: SecurityGroupRule[];
  tags: string[];
}

export interface FloatingIp {
  id: string;
  floatingIpAddress: string;
  floatingNetworkId: string;
  portId: string | null;
  fixedIpAddress: string | null;
  routerId: string | null;
  /** ACTIVE when associated, DOWN when not, ERROR. */
  status: string;
  description: string;
  tags: string[];
}
