import type { HubfleetConfig } from '../../config/deployment.js';

/** Where velero writes backups on one kind of cloud, and the plugin that talks to it. */
export interface VeleroStorage {
  /** What the bucket is called on this cloud, for messages. */
  store: string;
  plugin: { name: string; image: string };
  /** `provider` of the BackupStorageLocation. */
  backupProvider: string;
  /** `provider` of the VolumeSnapshotLocation. */
  snapshotProvider: string;
  backupConfig(config: HubfleetConfig): Record<string, string>;
  snapshotConfig(config: HubfleetConfig): Record<string, string>;
  /** The chart's `credentials` block; the identity itself comes from the provider's add-on. */
  credentials: Record<string, unknown>;
}

/** A string field of the `provider:` section, if the provider has one by that name. */
function providerSetting(config: HubfleetConfig, field: string): string | undefined {
  const value = (config.provider as unknown as Record<string, unknown>)[field];
  return typeof value === 'string' ? value : undefined;
}

function only(entries: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(entries).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );
}

// Plugin versions are the ones their compatibility tables pair with velero 1.17 (chart 11.4.0).
const S3: VeleroStorage = {
  store: 'S3 bucket',
  plugin: { name: 'velero-plugin-for-aws', image: 'velero/velero-plugin-for-aws:v1.13.2' },
  backupProvider: 'velero.io/aws',
  snapshotProvider: 'velero.io/aws',
  backupConfig: (config) => only({ region: providerSetting(config, 'region') }),
  snapshotConfig: (config) => only({ region: providerSetting(config, 'region') }),
  // EKS: an IAM role for the service account (IRSA / pod identity), annotated by the provider add-on.
  credentials: { useSecret: false },
};

const GCS: VeleroStorage = {
  store: 'GCS bucket',
  plugin: { name: 'velero-plugin-for-gcp', image: 'velero/velero-plugin-for-gcp:v1.13.2' },
  backupProvider: 'velero.io/gcp',
  snapshotProvider: 'velero.io/gcp',
  backupConfig: () => ({}),
  snapshotConfig: (config) => only({ project: providerSetting(config, 'project') }),
  // GKE: workload identity, bound by the provider add-on.
  credentials: { useSecret: false },
};

const SWIFT: VeleroStorage = {
  store: 'Swift container',
  plugin: { name: 'velero-plugin-for-openstack', image: 'lirt/velero-plugin-for-openstack:v0.8.2' },
  backupProvider: 'community.openstack.org/openstack',
  snapshotProvider: 'community.openstack.org/openstack-cinder',
  backupConfig: () => ({}),
  snapshotConfig: () => ({ method: 'snapshot' }),
  // OS_* variables (an application credential) from a Secret the provider add-on creates.
  credentials: { useSecret: false, extraSecretRef: 'velero-credentials' },
};

/**
 * Object storage per cloud, by provider id. Velero plugins are cloud-specific by nature; a cloud
 * not listed here gets no backups unless its add-on supplies `toolValues.velero` in full.
 */
export const VELERO_STORAGE: Readonly<Record<string, VeleroStorage>> = {
  aws: S3,
  gke: GCS,
  openstack: SWIFT,
  nectar: SWIFT,
};
