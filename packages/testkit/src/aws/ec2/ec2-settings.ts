import type { Clock } from '../../framework/clock.js';
import { DEFAULT_DURATIONS, type Durations, durationOf } from '../../framework/durations.js';
import type { Ec2State } from './ec2-state.js';

/** Limits the fake enforces; the defaults are EC2's default service quotas. */
export interface Ec2Quotas {
  /** Total GiB per volume type in the region (EBS default: 50 TiB for gp2/gp3). */
  storageGiBPerVolumeType: number;
  /** VPCs per region (default 5). */
  vpcs: number;
  /** Internet gateways per region (default 5). */
  internetGateways: number;
  /** Security groups per VPC (default 2500). */
  securityGroupsPerVpc: number;
  /** Inbound rules per security group (default 60). */
  rulesPerSecurityGroup: number;
}

export const DEFAULT_EC2_QUOTAS: Ec2Quotas = {
  storageGiBPerVolumeType: 50 * 1024,
  vpcs: 5,
  internetGateways: 5,
  securityGroupsPerVpc: 2500,
  rulesPerSecurityGroup: 60,
};

/**
 * Modelled durations the shared table lacks (snapshots take minutes; attachments seconds).
 * `DEFAULT_DURATIONS` and the caller's `durations` take precedence.
 */
export const EC2_DURATIONS: Durations = {
  'ec2.CreateVolume': 10_000,
  'ec2.DeleteVolume': 5_000,
  'ec2.AttachVolume': 3_000,
  'ec2.DetachVolume': 3_000,
  'ec2.CreateSnapshot': 120_000,
  'ec2.CreateVpc': 2_000,
  'ec2.CreateSubnet': 1_000,
};

export interface Ec2Settings {
  region: string;
  accountId: string;
  availabilityZones: readonly string[];
  quotas: Ec2Quotas;
  durations: Durations;
  /** Modelled milliseconds during which a just-created resource answers NotFound (ec2-visibility.ts). */
  visibilityDelay: number;
}

/** Everything an operation needs: the state, the clock, and the fake's settings. */
export interface Ec2Context {
  state: Ec2State;
  clock: Clock;
  settings: Ec2Settings;
}

/** The epoch millisecond at which a modelled `ec2.<operation>` started now completes. */
export function completesAt(context: Ec2Context, operation: string): number {
  return (
    context.clock.now() + context.clock.scaled(durationOf(context.settings.durations, `ec2.${operation}`))
  );
}

export function resolveDurations(overrides: Durations = {}): Durations {
  return { ...EC2_DURATIONS, ...DEFAULT_DURATIONS, ...overrides };
}
