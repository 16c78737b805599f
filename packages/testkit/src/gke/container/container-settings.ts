import type { Clock } from '../../framework/clock.js';
import { type Durations, durationOf } from '../../framework/durations.js';
import { GKE_DURATIONS } from '../gke-durations.js';
import { DEFAULT_MACHINE_TYPES, type MachineTypeRecord } from '../machine-types.js';
import type { ContainerState } from './container-state.js';

/** GKE versions the fake offers: `1.34` resolves to the newest patch listed for it. */
export const DEFAULT_GKE_VERSIONS: readonly string[] = [
  '1.35.0-gke.1795000',
  '1.34.1-gke.1829001',
  '1.33.5-gke.1201000',
  '1.32.9-gke.1108000',
];

export interface ContainerSettings {
  clock: Clock;
  durations: Durations;
  versions: readonly string[];
  /** The default version of a release channel (REGULAR → the second newest, as GKE keeps it). */
  defaultVersion: string;
  machineTypes: readonly MachineTypeRecord[];
  /** Base64 PEM served as every cluster's `masterAuth.clusterCaCertificate`. */
  clusterCaCertificate: string;
  /** The Service range new clusters get. */
  servicesIpv4Cidr: string;
}

export interface ContainerFakeOptions {
  clock: Clock;
  durations?: Durations;
  versions?: readonly string[];
  machineTypes?: readonly MachineTypeRecord[];
  /** PEM of the CA the simulated clusters present; a placeholder when absent. */
  clusterCaPem?: string;
  /**
   * The Service range new clusters get. @default 34.118.224.0/20, GKE's for new clusters (Standard
   * 1.29+); a sim whose Kubernetes API serves another range says so, so the two agree.
   */
  servicesIpv4Cidr?: string;
  /** Accepts an OAuth2 access token (the OAuth2 fake's `isValidToken`); absent: any bearer token. */
  authenticate?: (token: string) => boolean;
  /** Projects the caller has a role on; absent: any. */
  projects?: readonly string[];
  state?: ContainerState;
}

export interface ContainerContext {
  state: ContainerState;
  settings: ContainerSettings;
  now: number;
  /** Real milliseconds an operation takes (`gke.CreateCluster`), scaled by the clock. */
  duration(operation: string): number;
}

export function resolveContainerSettings(options: ContainerFakeOptions): ContainerSettings {
  const versions = options.versions ?? DEFAULT_GKE_VERSIONS;
  return {
    clock: options.clock,
    durations: { ...GKE_DURATIONS, ...options.durations },
    versions,
    defaultVersion: versions[1] ?? versions[0] ?? '1.34.1-gke.1829001',
    machineTypes: options.machineTypes ?? DEFAULT_MACHINE_TYPES,
    servicesIpv4Cidr: options.servicesIpv4Cidr ?? '34.118.224.0/20',
    clusterCaCertificate: Buffer.from(
      options.clusterCaPem ?? '-----BEGIN CERTIFICATE-----\nZmFrZQ==\n-----END CERTIFICATE-----\n',
    ).toString('base64'),
  };
}

export function containerContext(state: ContainerState, settings: ContainerSettings): ContainerContext {
  return {
    state,
    settings,
    now: settings.clock.now(),
    duration: (operation) => settings.clock.scaled(durationOf(settings.durations, operation)),
  };
}
