/**
 * How Nova and Octavia reach Neutron: a server's NICs and a load balancer's VIP are Neutron ports
 * (`GET /v2.0/ports?device_id=<server>` finds them). Neutron's fake implements this over its state
 * (`neutronPortBackend`); the sim cloud hands it to the Nova and Octavia fakes. Without one, those
 * fakes invent addresses of their own and no port exists anywhere.
 */
export interface PortRequest {
  networkId?: string;
  subnetId?: string;
  /** An existing port to bind instead of making one. */
  portId?: string;
  fixedIp?: string;
  deviceId: string;
  /** `compute:<zone>` for a server, `Octavia` for a VIP. */
  deviceOwner: string;
  name?: string;
  /** Security group names or ids (Nova passes names). */
  securityGroups?: string[];
}

export interface BoundPort {
  portId: string;
  networkId: string;
  networkName: string;
  macAddress: string;
  fixedIps: { subnetId: string; ipAddress: string }[];
}

export type PortOutcome = BoundPort | { refused: string; status: 400 | 404 | 409 };

export interface ServerAddress {
  version: 4 | 6;
  addr: string;
  type: 'fixed' | 'floating';
  mac: string;
}

export interface PortBackend {
  bind(request: PortRequest): PortOutcome;
  /** Addresses by network name, floating IPs included, as Nova's `addresses` shows them. */
  addressesOf(deviceId: string): Record<string, ServerAddress[]>;
  /** Deletes the ports made for the device and unbinds the ones that existed before. */
  release(deviceId: string): void;
}
