import type { Clock } from '../../framework/clock.js';
import type { PortBackend } from '../shared/port-backend.js';
import type { OctaviaState } from './octavia-state.js';

export interface OctaviaDurations {
  /** PENDING_CREATE → ACTIVE (an amphora boots). @default 90 s */
  create: number;
  /** PENDING_UPDATE → ACTIVE after a change or a child create/delete. @default 5 s */
  update: number;
  /** PENDING_DELETE → gone. @default 15 s */
  delete: number;
}

export interface OctaviaFakeOptions {
  clock: Clock;
  state?: OctaviaState;
  /** Octavia's `pagination_max_limit`. @default 1000 */
  paginationMaxLimit?: number;
  /** Load balancers per project. @default 10 */
  loadBalancerQuota?: number;
  durations?: Partial<OctaviaDurations>;
  /** Neutron, for VIP ports; without it the fake invents VIP addresses and port ids. */
  ports?: PortBackend;
  validToken?: (token: string) => boolean;
  projectId?: string;
}

export interface OctaviaSettings {
  clock: Clock;
  paginationMaxLimit: number;
  loadBalancerQuota: number;
  durations: OctaviaDurations;
  ports?: PortBackend;
  validToken?: (token: string) => boolean;
  projectId: string;
}

export function resolveOctaviaSettings(options: OctaviaFakeOptions): OctaviaSettings {
  return {
    clock: options.clock,
    paginationMaxLimit: options.paginationMaxLimit ?? 1000,
    loadBalancerQuota: options.loadBalancerQuota ?? 10,
    durations: { create: 90_000, update: 5_000, delete: 15_000, ...options.durations },
    ports: options.ports,
    validToken: options.validToken,
    projectId: options.projectId ?? 'a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5',
  };
}
