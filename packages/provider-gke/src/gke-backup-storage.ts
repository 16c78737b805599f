import type { BackupStorageV1 } from '@hubfleet/core';
import type { GkeProviderSettings } from './gke-config.js';
import { veleroAccountEmail } from './gke-velero-account.js';

const settingsOf = (config: { provider: unknown }) => config.provider as GkeProviderSettings;

/**
 * velero on GKE: backups to a GCS bucket, persistent-disk snapshots in the project, Workload
 * Identity instead of a key Secret (the `velero` service account acts as `velero-<deployment>@…`,
 * see `gke-velero-resource.ts`). The BackupStorageLocation names that account so velero signs
 * download URLs (`velero backup logs`) with it, as the GCP plugin asks under Workload Identity.
 * The plugin version is the one paired with velero 1.17 (chart 11.4.0).
 */
export const gkeBackupStorage: BackupStorageV1 = {
  store: 'GCS bucket',
  plugin: { name: 'velero-plugin-for-gcp', image: 'velero/velero-plugin-for-gcp:v1.13.2' },
  backupProvider: 'velero.io/gcp',
  snapshotProvider: 'velero.io/gcp',
  backupConfig: (config) => ({ serviceAccount: veleroAccountEmail(config.name, settingsOf(config).project) }),
  snapshotConfig: (config) => ({ project: settingsOf(config).project }),
  credentials: { useSecret: false },
};
