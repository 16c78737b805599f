import type { HubfleetConfig } from '../config/deployment.js';
import type { SecretRef } from '../config/secret.js';
import type { RetryPolicy, Sleep } from '../engine/retry.js';
import type { ReleaseInstaller } from '../kubernetes/install/release-installer.js';
import type { TypicalDurationKindV1 } from '../provider/v1/deploying.js';
import type { ProviderV1 } from '../provider/v1/provider.js';
import type { ProviderSessionV1 } from '../provider/v1/session.js';
import type { ProviderWarningV1 } from '../provider/v1/warnings.js';
import type { ClusterConnection } from './cluster-connection.js';
import type { FactsStore } from './facts-store.js';
import type { ReadCache } from './read-cache.js';

/** What every resource of a deployment shares. */
export interface DeploymentContext {
  config: HubfleetConfig;
  provider: ProviderV1;
  session: ProviderSessionV1;
  installer: ReleaseInstaller;
  cache: ReadCache;
  cluster: ClusterConnection;
  facts: FactsStore;
  /** A secret's value, for the moment it is written into a Secret; never for printing. */
  resolveSecret: (ref: SecretRef) => string;
  /** How often a step looks again while it waits for the cloud or the cluster. */
  pollIntervalMs: number;
  sleep: Sleep;
  /** Retries of the reads made outside any step (listing what to tear down, status, the final release). */
  retry: RetryPolicy;
  /** Soft gaps the provider reported while applying (e.g. a version it does not upgrade). */
  warnings: ProviderWarningV1[];
  /** What a person should know once the run is over, e.g. the id of the snapshot a volume delete took. */
  notices: string[];
}

/**
 * Generic figures for core's own steps, used where the provider declares none in
 * `typicalDurationsMs` (only scheduling and progress output read them).
 */
const GENERIC_TYPICAL_MS: Readonly<Record<TypicalDurationKindV1, number>> = {
  cluster: 10 * 60_000,
  nodegroup: 5 * 60_000,
  volume: 30_000,
  'load-balancers': 60_000,
};

/** How long a step of `kind` usually takes on this provider's cloud. */
export function typicalDurationMs(
  context: Pick<DeploymentContext, 'provider'>,
  kind: TypicalDurationKindV1,
): number {
  return context.provider.typicalDurationsMs?.[kind] ?? GENERIC_TYPICAL_MS[kind];
}

/** The ids every graph shares. */
export function clusterNodeId(config: Pick<HubfleetConfig, 'name'>): string {
  return `cluster/${config.name}`;
}
export function loadBalancersNodeId(config: Pick<HubfleetConfig, 'name'>): string {
  return `load-balancers/${config.name}`;
}
export const nodeGroupNodeId = (name: string): string => `nodegroup/${name}`;
export const volumeNodeId = (hub: string): string => `volume/${hub}`;
