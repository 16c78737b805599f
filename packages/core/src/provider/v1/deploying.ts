import type { HubfleetConfig } from '../../config/deployment.js';

/** Where velero writes backups on this cloud, and the plugin that talks to it. */
export interface BackupStorageV1 {
  /** What the bucket is called on this cloud, for messages, e.g. `S3 bucket`, `Swift container`. */
  store: string;
  /** velero's plugin for the cloud: an init container image. */
  plugin: { name: string; image: string };
  /** `provider` of the BackupStorageLocation, e.g. `velero.io/aws`. */
  backupProvider: string;
  /** `provider` of the VolumeSnapshotLocation. */
  snapshotProvider: string;
  /** `config` of the BackupStorageLocation (e.g. the region). */
  backupConfig(config: HubfleetConfig): Record<string, string>;
  /** `config` of the VolumeSnapshotLocation. */
  snapshotConfig(config: HubfleetConfig): Record<string, string>;
  /** The chart's `credentials` block; the identity itself comes from the provider's add-on. */
  credentials: Record<string, unknown>;
}

/** Kinds of core's own steps whose typical duration a provider knows best. */
export type TypicalDurationKindV1 = 'cluster' | 'nodegroup' | 'volume' | 'load-balancers';

/**
 * What a deploying provider declares besides `connect` (all optional in v1, so providers that only
 * validate need none of it). Offline members: `render` and `plan` read them without a session.
 */
export interface ProviderDeploymentV1 {
  /**
   * The Service range a cluster of this cloud gets when nothing else is said, as the cloud documents
   * it (e.g. EKS 10.100.0.0/16, Magnum 10.254.0.0/16, kubeadm 10.96.0.0/12). Offline `render` places
   * fixed Service IPs (the NFS servers') in it; `up` uses the observed `serviceCidr` instead.
   * @default KUBERNETES_DEFAULT_SERVICE_CIDR (kubeadm's 10.96.0.0/12)
   */
  readonly defaultServiceCidr?: string;
  /** velero's object store and plugin on this cloud; without it `tools.backups` is turned off with a reason. */
  readonly backupStorage?: BackupStorageV1;
  /**
   * How long core's steps usually take on this cloud, by kind, in ms: used to start long chains
   * first and for "usually ~12m" in progress output. Kinds left out use core's generic figures.
   */
  readonly typicalDurationsMs?: Partial<Record<TypicalDurationKindV1, number>>;
  /**
   * How long a credential in `cluster.kubeconfig()` stays valid, in ms (an EKS token: 15 minutes).
   * Core reuses a kubeconfig for at most half of it. @default unlimited (client certificates)
   */
  readonly credentialLifetimeMs?: number;
}
