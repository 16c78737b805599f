import type { BackupStorageV1 } from '@hubfleet/core';
import type { GkeProviderSettings } from './gke-config.js';

/**
 * velero on GKE: backups to a GCS bucket, persistent-disk snapshots in the project, workload identity
 * instead of a key Secret. The plugin version is the one paired with velero 1.17 (chart 11.4.0).
 */
export const gkeBackupStorage: BackupStorageV1 = {
  store: 'GCS bucket',
  plugin: { name: 'velero-plugin-for-gcp', image: 'velero/velero-plugin-for-gcp:v1.13.2' },
  backupProvider: 'velero.io/gcp',
  snapshotProvider: 'velero.io/gcp',
  backupConfig: () => ({}),
  snapshotConfig: (config) => ({ project: (config.provider as GkeProviderSettings).project }),
  credentials: { useSecret: false },
};
