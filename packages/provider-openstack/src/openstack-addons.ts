import type { AddonSpecV1, HubfleetConfig } from '@hubfleet/core';
import { CINDER_CSI_DRIVER } from './cinder-volumes.js';
import { AUTO_SCALING_LABEL, MAGNUM_AUTOSCALER_NAME, magnumAutoscaler } from './magnum-labels.js';
import type { OpenstackProviderSettings } from './openstack-config.js';

type Config = HubfleetConfig<OpenstackProviderSettings>;

/**
 * The default StorageClass for per-user homes (002: "a Cinder volume per user"): Cinder volumes
 * through the Cinder CSI driver Magnum installs (label cinder_csi_enabled), retained unless every
 * hub says `onDelete: delete`.
 */
export function cinderStorageClass(config: Config): Record<string, unknown> {
  const deleteAll = config.hubs.every((hub) => hub.storage.onDelete === 'delete');
  return {
    apiVersion: 'storage.k8s.io/v1',
    kind: 'StorageClass',
    metadata: {
      name: 'hubfleet-cinder',
      annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' },
    },
    provisioner: CINDER_CSI_DRIVER,
    volumeBindingMode: 'WaitForFirstConsumer',
    allowVolumeExpansion: true,
    reclaimPolicy: deleteAll ? 'Delete' : 'Retain',
  };
}

/** Magnum roles of the deployment's nodegroups: the config's (core, users, gpu). */
function magnumRoles(config: Config): string[] {
  return [...new Set(config.cluster.nodeGroups.map((group) => group.role))];
}

/**
 * The one cluster-autoscaler, said in `plan`. hubfleet's runs with the Magnum cloud provider,
 * discovering every nodegroup of the cluster by role, each within its min/max (the GPU group too:
 * 002's hand edit of `1:n:gpu-worker` is gone); it reads the cluster's cloud-config on the masters,
 * as Magnum's own does. With `auto_scaling_enabled: "true"` (the config's, or the template's when the
 * config is silent: `magnumAutoscaler`) Magnum's runs instead and hubfleet's not.
 */
function autoscalerAddon(
  config: Config,
  templateLabels: Readonly<Record<string, string>>,
): AddonSpecV1 | undefined {
  const which = magnumAutoscaler(config, templateLabels);
  if (which === 'magnum') {
    return {
      name: 'magnum-autoscaler',
      reason: `${MAGNUM_AUTOSCALER_NAME} runs (${labelSource(config)}): it scales every nodegroup, GPU included, within the min/max set on its Magnum nodegroup; hubfleet's cluster-autoscaler is not installed`,
      replacesTool: 'autoscaler',
    };
  }
  if (which === 'none') return undefined;
  return {
    name: 'magnum-cluster-autoscaler',
    reason:
      "hubfleet's cluster-autoscaler scales every Magnum nodegroup within its min/max through the Magnum API; Magnum's own is turned off (auto_scaling_enabled=false), so there is one",
    toolValues: {
      'cluster-autoscaler': {
        cloudProvider: 'magnum',
        magnumClusterName: config.name,
        autoDiscovery: { roles: magnumRoles(config) },
        cloudConfigPath: '/etc/kubernetes/cloud-config',
        extraVolumes: [
          { name: 'cloud-config', hostPath: { path: '/etc/kubernetes/cloud-config', type: 'File' } },
        ],
        extraVolumeMounts: [
          { name: 'cloud-config', mountPath: '/etc/kubernetes/cloud-config', readOnly: true },
        ],
      },
    },
  };
}

/** Where the label that turns Magnum's autoscaler on comes from, for `plan`. */
function labelSource(config: Config): string {
  return config.provider.labels?.[AUTO_SCALING_LABEL] === 'true'
    ? 'provider.labels'
    : `the cluster template ${config.provider.clusterTemplate}`;
}

/**
 * What Magnum needs inside the cluster: the Cinder StorageClass and the one autoscaler, decided with
 * the cluster template's labels (`templateLabels`, read by the session).
 */
export function openstackAddons(
  config: Config,
  templateLabels: Readonly<Record<string, string>> = {},
): AddonSpecV1[] {
  const autoscaler = autoscalerAddon(config, templateLabels);
  return [
    {
      name: 'cinder-storage-class',
      reason:
        'per-user homes are Cinder volumes made by the Cinder CSI driver, retained so a re-deploy finds them',
      manifests: [cinderStorageClass(config)],
    },
    ...(autoscaler === undefined ? [] : [autoscaler]),
  ];
}
