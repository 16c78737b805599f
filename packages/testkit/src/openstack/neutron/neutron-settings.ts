import type { Clock } from '../../framework/clock.js';
import type { NeutronState } from './neutron-state.js';

export interface NeutronQuotas {
  network: number;
  subnet: number;
  port: number;
  router: number;
  floatingip: number;
  security_group: number;
  security_group_rule: number;
}

/** An external (provider) network floating IPs and router gateways come from. */
export interface ExternalNetworkSeed {
  id?: string;
  name: string;
  cidr: string;
}

export interface NeutronFakeOptions {
  clock: Clock;
  state?: NeutronState;
  quotas?: Partial<NeutronQuotas>;
  /** @default [{ name: 'public', cidr: '203.0.113.0/24' }] */
  externalNetworks?: ExternalNetworkSeed[];
  /** Neutron's `pagination_max_limit` (-1, no limit, by default). */
  paginationMaxLimit?: number;
  validToken?: (token: string) => boolean;
  /** @default 'a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5' */
  projectId?: string;
}

export interface NeutronSettings {
  clock: Clock;
  quotas: NeutronQuotas;
  externalNetworks: ExternalNetworkSeed[];
  paginationMaxLimit: number;
  validToken?: (token: string) => boolean;
  projectId: string;
}

/** Neutron's default per-project quotas. */
export const DEFAULT_NEUTRON_QUOTAS: NeutronQuotas = {
  network: 100,
  subnet: 100,
  port: 500,
  router: 10,
  floatingip: 50,
  security_group: 10,
  security_group_rule: 100,
};

export function resolveNeutronSettings(options: NeutronFakeOptions): NeutronSettings {
  return {
    clock: options.clock,
    quotas: { ...DEFAULT_NEUTRON_QUOTAS, ...options.quotas },
    externalNetworks: options.externalNetworks ?? [{ name: 'public', cidr: '203.0.113.0/24' }],
    paginationMaxLimit: options.paginationMaxLimit ?? Number.POSITIVE_INFINITY,
    validToken: options.validToken,
    projectId: options.projectId ?? 'a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5',
  };
}
