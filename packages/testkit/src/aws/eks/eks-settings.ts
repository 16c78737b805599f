import type { Clock } from '../../framework/clock.js';
import { DEFAULT_DURATIONS, type Durations, durationOf } from '../../framework/durations.js';
import { DEFAULT_ACCOUNT_ID, DEFAULT_REGION } from '../shared/aws-ids.js';
import type { EksState } from './eks-state.js';

/** Service quotas the fake enforces with ResourceLimitExceededException (EKS defaults). */
export interface EksQuotas {
  /** @default 100 */
  clustersPerRegion: number;
  /** @default 30 */
  nodegroupsPerCluster: number;
  /** @default 1000 */
  podIdentityAssociationsPerCluster: number;
}

export interface EksFakeOptions {
  clock: Clock;
  /** Existing state (e.g. from createStateStore); a fresh one otherwise. */
  state?: EksState;
  /** @default 'us-east-1' */
  region?: string;
  /** @default '123456789012' */
  accountId?: string;
  /** Modelled durations by `eks.<Operation>`. @default DEFAULT_DURATIONS */
  durations?: Durations;
  quotas?: Partial<EksQuotas>;
  /**
   * Modelled milliseconds during which a just-created cluster or nodegroup still answers
   * ResourceNotFoundException to Describe, as an eventually consistent API may. @default 0
   */
  describeDelay?: number;
  /** @default '1.33' */
  defaultKubernetesVersion?: string;
  /** The API server URL DescribeCluster reports once ACTIVE, e.g. a Kubernetes fake's URL. */
  endpointFor?: (clusterName: string) => string;
  /** Base64 PEM for `certificateAuthority.data` once ACTIVE. */
  certificateAuthorityFor?: (clusterName: string) => string;
  /**
   * The Service range a cluster created without `kubernetesNetworkConfig.serviceIpv4Cidr` gets. EKS
   * picks 172.20.0.0/16 when the VPC is in 10.0.0.0/8 and 10.100.0.0/16 otherwise; the fake does not
   * see the VPC, so whoever starts it says which. @default '172.20.0.0/16'
   */
  defaultServiceIpv4Cidr?: string;
}

export interface EksSettings {
  clock: Clock;
  region: string;
  accountId: string;
  durations: Durations;
  quotas: EksQuotas;
  describeDelay: number;
  defaultKubernetesVersion: string;
  endpointFor?: (clusterName: string) => string;
  certificateAuthorityFor?: (clusterName: string) => string;
  defaultServiceIpv4Cidr: string;
}

export const DEFAULT_EKS_QUOTAS: EksQuotas = {
  clustersPerRegion: 100,
  nodegroupsPerCluster: 30,
  podIdentityAssociationsPerCluster: 1000,
};

export function resolveEksSettings(options: EksFakeOptions): EksSettings {
  return {
    clock: options.clock,
    region: options.region ?? DEFAULT_REGION,
    accountId: options.accountId ?? DEFAULT_ACCOUNT_ID,
    durations: options.durations ?? DEFAULT_DURATIONS,
    quotas: { ...DEFAULT_EKS_QUOTAS, ...options.quotas },
    describeDelay: options.describeDelay ?? 0,
    defaultServiceIpv4Cidr: options.defaultServiceIpv4Cidr ?? '172.20.0.0/16',
    defaultKubernetesVersion: options.defaultKubernetesVersion ?? '1.33',
    endpointFor: options.endpointFor,
    certificateAuthorityFor: options.certificateAuthorityFor,
  };
}

/** What every handler works with: the state, the settings, and the time the request arrived. */
export interface EksContext {
  state: EksState;
  settings: EksSettings;
  now: number;
}

/** When an operation started now finishes, on the fake's clock. */
export function finishTime(context: EksContext, operation: string): number {
  return (
    context.now + context.settings.clock.scaled(durationOf(context.settings.durations, `eks.${operation}`))
  );
}

/** Until when a resource created now stays invisible to Describe. */
export function visibleTime(context: EksContext): number {
  return context.now + context.settings.clock.scaled(context.settings.describeDelay);
}

export function eksArn(settings: EksSettings, resource: string): string {
  return `arn:aws:eks:${settings.region}:${settings.accountId}:${resource}`;
}

/** EKS timestamps are epoch seconds on the wire. */
export function epochSeconds(milliseconds: number): number {
  return milliseconds / 1000;
}
