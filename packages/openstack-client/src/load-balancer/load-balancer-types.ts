export type ProvisioningStatus =
  | 'ACTIVE'
  | 'ERROR'
  | 'DELETED'
  | 'PENDING_CREATE'
  | 'PENDING_UPDATE'
  | 'PENDING_DELETE';

export interface LoadBalancer {
  id: string;
  name: string;
  description: string;
  /** What Octavia is doing: any PENDING_* refuses changes with 409 until it settles. */
  provisioningStatus: ProvisioningStatus | string;
  operatingStatus: string;
  vipAddress: string;
  /** The Neutron port holding the VIP (floating IPs attach to it). */
  vipPortId: string;
  vipSubnetId: string;
  vipNetworkId: string;
  provider: string;
  listenerIds: string[];
  poolIds: string[];
  tags: string[];
}
