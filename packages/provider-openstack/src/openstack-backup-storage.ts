import type { BackupStorageV1 } from '@hubfleet/core';

/**
 * velero on OpenStack Magnum: backups to a Swift container through the community OpenStack plugin, Cinder
 * snapshots where volumes can be snapshotted, and OS_* variables (an application credential) from the
 * `velero-credentials` Secret. Plugin v0.8.2 is the one paired with velero 1.17 (chart 11.4.0).
 */
export const openstackBackupStorage: BackupStorageV1 = {
  store: 'Swift container',
  plugin: { name: 'velero-plugin-for-openstack', image: 'lirt/velero-plugin-for-openstack:v0.8.2' },
  backupProvider: 'community.openstack.org/openstack',
  snapshotProvider: 'community.openstack.org/openstack-cinder',
  backupConfig: () => ({}),
  snapshotConfig: () => ({ method: 'snapshot' }),
  credentials: { useSecret: false, extraSecretRef: 'velero-credentials' },
};
