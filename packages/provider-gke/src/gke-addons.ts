import type { AddonSpecV1, HubfleetConfig } from '@hubfleet/core';
import type { GkeProviderSettings } from './gke-config.js';
import { ownershipLabels } from './gke-labels.js';
import {
  GCP_SERVICE_ACCOUNT_ANNOTATION,
  VELERO_SERVICE_ACCOUNT,
  veleroAccountEmail,
  veleroBucket,
} from './gke-velero-account.js';
import { PD_CSI_DRIVER } from './gke-volumes.js';

/**
 * The default StorageClass for per-user homes (Rhodes: one disk per student): pd-balanced through
 * the PD CSI driver, bound where the pod lands, with the deployment's labels on every disk it makes.
 * Disks are retained when a claim goes unless every hub says `onDelete: delete`: data is sacred.
 */
export function pdStorageClass(config: HubfleetConfig<GkeProviderSettings>): Record<string, unknown> {
  const labels = Object.entries(ownershipLabels(config.name, 'volume'))
    .map(([key, value]) => `${key}=${value}`)
    .join(',');
  const deleteAll = config.hubs.every((hub) => hub.storage.onDelete === 'delete');
  return {
    apiVersion: 'storage.k8s.io/v1',
    kind: 'StorageClass',
    metadata: {
      name: 'hubfleet-pd',
      annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' },
    },
    provisioner: PD_CSI_DRIVER,
    // A zonal persistent disk lives in one zone: create it where the pod was scheduled.
    volumeBindingMode: 'WaitForFirstConsumer',
    allowVolumeExpansion: true,
    reclaimPolicy: deleteAll ? 'Delete' : 'Retain',
    parameters: { type: 'pd-balanced', labels },
  };
}

/** GKE's annotation naming the reserved addresses a LoadBalancer Service's forwarding rule takes. */
export const LOAD_BALANCER_ADDRESSES = 'networking.gke.io/load-balancer-ip-addresses';
/**
 * The backend-service-based external passthrough load balancer (GKE 1.33.1-gke.1779000+), the class
 * on which GKE reads that annotation for an external Service. Immutable once the Service exists.
 */
export const REGIONAL_EXTERNAL_CLASS = 'networking.gke.io/l4-regional-external';

/**
 * What GKE needs inside the cluster: the disks' StorageClass, velero's Workload Identity service
 * account (with backups), and the static address on the
 * ingress. The address goes by its *name* (`provider.staticIp.name`), which the config already
 * holds: the ingress release renders the same before and after the address exists, so a converged
 * deployment is only read, and the first `up` gives the Service its address with no second pass.
 */
export function gkeAddons(config: HubfleetConfig<GkeProviderSettings>): AddonSpecV1[] {
  const addons: AddonSpecV1[] = [
    {
      name: 'gke-pd-storage-class',
      reason:
        'per-user homes are persistent disks made by the PD CSI driver; labelled and retained so a re-deploy finds them',
      manifests: [pdStorageClass(config)],
    },
  ];
  if (veleroBucket(config) !== undefined) {
    addons.push({
      name: 'gke-velero',
      reason:
        'velero runs as the velero service account, which Workload Identity maps to its Google service account (no key Secret)',
      toolValues: {
        velero: {
          serviceAccount: {
            server: {
              create: true,
              name: VELERO_SERVICE_ACCOUNT.name,
              annotations: {
                [GCP_SERVICE_ACCOUNT_ANNOTATION]: veleroAccountEmail(config.name, config.provider.project),
              },
            },
          },
          credentials: { useSecret: false },
        },
      },
    });
  }
  const address = config.provider.staticIp?.name;
  if (address !== undefined) {
    addons.push({
      name: 'gke-static-ip',
      reason: `the ingress keeps the reserved address ${address}, so DNS keeps pointing at it`,
      toolValues: {
        'ingress-nginx': {
          controller: {
            service: {
              loadBalancerClass: REGIONAL_EXTERNAL_CLASS,
              annotations: { [LOAD_BALANCER_ADDRESSES]: address },
            },
          },
        },
      },
    });
  }
  return addons;
}
