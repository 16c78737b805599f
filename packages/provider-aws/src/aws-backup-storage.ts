import type { BackupStorageV1 } from '@hubfleet/core';
import type { AwsProviderSettings } from './aws-config.js';

const regionOf = (config: { provider: unknown }) => ({
  region: (config.provider as AwsProviderSettings).region,
});

/**
 * velero on EKS: backups to an S3 bucket in the deployment's region, EBS snapshots, and no Secret
 * (the server's service account gets its IAM role through the `velero` add-on in `aws-addons.ts`).
 * The plugin version is the one its compatibility table pairs with velero 1.17 (chart 11.4.0).
 */
export const awsBackupStorage: BackupStorageV1 = {
  store: 'S3 bucket',
  plugin: { name: 'velero-plugin-for-aws', image: 'velero/velero-plugin-for-aws:v1.13.2' },
  backupProvider: 'velero.io/aws',
  snapshotProvider: 'velero.io/aws',
  backupConfig: regionOf,
  snapshotConfig: regionOf,
  credentials: { useSecret: false },
};
