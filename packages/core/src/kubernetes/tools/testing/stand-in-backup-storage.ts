import type { HubfleetConfig } from '../../../config/deployment.js';
import type { BackupStorageV1 } from '../../../provider/v1/deploying.js';

// The stand-in clouds' `backupStorage`, shaped like the real providers' (each provider package
// declares its own; core has no table of clouds).

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
export const S3_LIKE: BackupStorageV1 = {
  store: 'S3 bucket',
  plugin: { name: 'velero-plugin-for-aws', image: 'velero/velero-plugin-for-aws:v1.13.2' },
  backupProvider: 'velero.io/aws',
  snapshotProvider: 'velero.io/aws',
  backupConfig: (config) => only({ region: providerSetting(config, 'region') }),
  snapshotConfig: (config) => only({ region: providerSetting(config, 'region') }),
  // EKS: an IAM role for the service account (IRSA / pod identity), annotated by the provider add-on.
  credentials: { useSecret: false },
};

export const GCS_LIKE: BackupStorageV1 = {
  store: 'GCS bucket',
  plugin: { name: 'velero-plugin-for-gcp', image: 'velero/velero-plugin-for-gcp:v1.13.2' },
  backupProvider: 'velero.io/gcp',
  snapshotProvider: 'velero.io/gcp',
  backupConfig: () => ({}),
  snapshotConfig: (config) => only({ project: providerSetting(config, 'project') }),
  // GKE: workload identity, bound by the provider add-on.
  credentials: { useSecret: false },
};

export const SWIFT_LIKE: BackupStorageV1 = {
  store: 'Swift container',
  plugin: { name: 'velero-plugin-for-openstack', image: 'lirt/velero-plugin-for-openstack:v0.8.2' },
  backupProvider: 'community.openstack.org/openstack',
  snapshotProvider: 'community.openstack.org/openstack-cinder',
  backupConfig: () => ({}),
  snapshotConfig: () => ({ method: 'snapshot' }),
  // OS_* variables (an application credential) from a Secret the provider add-on creates.
  credentials: { useSecret: false, extraSecretRef: 'velero-credentials' },
};
