import type { Transitioning } from '../../framework/lifecycle.js';

export type ProvisioningStatus = 'ACTIVE' | 'ERROR' | 'PENDING_CREATE' | 'PENDING_UPDATE' | 'PENDING_DELETE';
export type OperatingStatus = 'ONLINE' | 'OFFLINE' | 'DEGRADED' | 'ERROR' | 'NO_MONITOR';

export interface OctaviaRecord extends Transitioning<ProvisioningStatus> {
  id: string;
  name: string;
  description: string;
  tags: string[];
  adminStateUp: boolean;
  created: number;
  updated: number;
}

export interface LoadBalancerRecord extends OctaviaRecord {
  vipAddress: string;
  vipPortId: string;
  vipSubnetId: string;
  vipNetworkId: string;
  provider: string;
  flavorId: string | null;
  availabilityZone: string | null;
}

export interface ListenerRecord extends OctaviaRecord {
  loadbalancerId: string;
  protocol: string;
  protocolPort: number;
  defaultPoolId: string | null;
}

export interface PoolRecord extends OctaviaRecord {
  loadbalancerId: string;
  listenerId: string | null;
  protocol: string;
  lbAlgorithm: string;
}

export interface OctaviaState {
  loadBalancers: Record<string, LoadBalancerRecord>;
  listeners: Record<string, ListenerRecord>;
  pools: Record<string, PoolRecord>;
  nextVip: number;
}

export function createOctaviaState(): OctaviaState {
  return { loadBalancers: {}, listeners: {}, pools: {}, nextVip: 10 };
}
