import type { Clock } from '../../framework/clock.js';
import { type Durations, durationOf } from '../../framework/durations.js';
import { GKE_DURATIONS } from '../gke-durations.js';
import { DEFAULT_MACHINE_TYPES, type MachineTypeRecord } from '../machine-types.js';
import type { ComputeState } from './compute-state.js';

export interface ComputeFakeOptions {
  clock: Clock;
  durations?: Durations;
  machineTypes?: readonly MachineTypeRecord[];
  /** Accepts an OAuth2 access token; absent: any bearer token. */
  authenticate?: (token: string) => boolean;
  /** Projects the caller has a role on; absent: any. */
  projects?: readonly string[];
  /**
   * Who uses a disk besides the instances attached by hand (the sim: nodes whose pods mount it
   * through the PD CSI driver), by the disk's resource path.
   */
  diskUsers?: (diskPath: string) => string[];
  /** Who uses an address (the sim: forwarding rules of LoadBalancer Services given its IP). */
  addressUsers?: (address: string) => string[];
  state?: ComputeState;
}

export interface ComputeContext {
  state: ComputeState;
  options: ComputeFakeOptions;
  machineTypes: readonly MachineTypeRecord[];
  now: number;
  duration(operation: string): number;
}

export function computeContext(state: ComputeState, options: ComputeFakeOptions): ComputeContext {
  const durations = { ...GKE_DURATIONS, ...options.durations };
  return {
    state,
    options,
    machineTypes: options.machineTypes ?? DEFAULT_MACHINE_TYPES,
    now: options.clock.now(),
    duration: (operation) => options.clock.scaled(durationOf(durations, operation)),
  };
}
