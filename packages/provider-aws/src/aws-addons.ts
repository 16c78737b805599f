import type { AddonSpecV1, HubfleetConfig } from '@hubfleet/core';
import type { AwsProviderSettings } from './aws-config.js';
import { eksClusterName } from './aws-names.js';

/** Service accounts pinned by name, so the EKS Pod Identity associations made for them match. */
export const SERVICE_ACCOUNTS = {
  clusterAutoscaler: { namespace: 'kube-system', name: 'cluster-autoscaler' },
  velero: { namespace: 'velero', name: 'velero-server' },
} as const;

/** The default StorageClass: gp3 through the EBS CSI driver, bound where the pod lands. */
export const GP3_STORAGE_CLASS: Record<string, unknown> = {
  apiVersion: 'storage.k8s.io/v1',
  kind: 'StorageClass',
  metadata: {
    name: 'gp3',
    annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' },
  },
  provisioner: 'ebs.csi.aws.com',
  // An EBS volume lives in one zone: create it where the pod was scheduled, not before.
  volumeBindingMode: 'WaitForFirstConsumer',
  allowVolumeExpansion: true,
  reclaimPolicy: 'Delete',
  parameters: { type: 'gp3', encrypted: 'true' },
};

function clusterAutoscaler(config: HubfleetConfig<AwsProviderSettings>): AddonSpecV1 {
  const account = SERVICE_ACCOUNTS.clusterAutoscaler;
  return {
    name: 'aws-cluster-autoscaler',
    reason:
      'EKS nodegroups are Auto Scaling groups: cluster-autoscaler finds them by the tags EKS sets and scales them through the AWS API',
    toolValues: {
      'cluster-autoscaler': {
        cloudProvider: 'aws',
        awsRegion: config.provider.region,
        autoDiscovery: { clusterName: eksClusterName(config.name) },
        rbac: { serviceAccount: { create: true, name: account.name } },
      },
    },
  };
}

/**
 * velero on AWS: core's backups tool already renders the S3 plugin with `bucket` and the region
 * (from `awsBackupStorage`, the provider's `backupStorage`); the add-on pins the server's service account so an EKS Pod Identity
 * association can give it a role, and keeps volume snapshots on (EBS snapshots).
 */
function velero(): AddonSpecV1 {
  const account = SERVICE_ACCOUNTS.velero;
  return {
    name: 'aws-velero',
    reason:
      'velero writes backups to S3 and snapshots EBS volumes with the AWS plugin, as the identity of its service account',
    toolValues: {
      velero: {
        serviceAccount: { server: { create: true, name: account.name } },
        credentials: { useSecret: false },
        snapshotsEnabled: true,
      },
    },
  };
}

function storageClass(): AddonSpecV1 {
  return {
    name: 'aws-gp3-storage-class',
    reason:
      'since Kubernetes 1.23 EKS provisions volumes only through the EBS CSI driver; gp3 is cheaper and faster than the legacy gp2 class',
    manifests: [GP3_STORAGE_CLASS],
  };
}

/**
 * What EKS needs inside the cluster, for the Kubernetes layer to install. The cluster-side EKS
 * add-ons (EBS CSI driver, Pod Identity agent) are made through the EKS API: see `aws-eks-addons.ts`.
 */
export function awsAddons(config: HubfleetConfig<AwsProviderSettings>): AddonSpecV1[] {
  return [clusterAutoscaler(config), velero(), storageClass()];
}
