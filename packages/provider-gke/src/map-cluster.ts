import type { protos } from '@google-cloud/container';
import type { ObservedClusterV1 } from '@hubfleet/core';
import type { GkeDeployment } from './gke-deployment.js';
import { fromGoogleLabels, ownershipLabels } from './gke-labels.js';
import { nodePoolRequest } from './map-node-pool.js';
import { clusterStatus } from './map-status.js';

type Cluster = protos.google.container.v1.ICluster;

/** Workload Identity's pool for the project: velero (and any tool) gets a Google identity through it. */
export function workloadPool(project: string): string {
  return `${project}.svc.id.goog`;
}

/**
 * The CreateCluster request: Standard GKE on the REGULAR release channel at the configured minor
 * version, every nodegroup as a node pool in the one request (GKE creates them with the cluster, so
 * no later node pool operation has to queue behind it), the PD CSI driver on, Workload Identity,
 * and the ownership labels (GKE has no tags: labels are the state).
 */
export function createClusterRequest(gke: GkeDeployment): Cluster {
  return {
    name: gke.deployment,
    description: `hubfleet deployment ${gke.deployment}`,
    initialClusterVersion: gke.config.cluster.kubernetesVersion,
    releaseChannel: { channel: 'REGULAR' },
    resourceLabels: ownershipLabels(gke.deployment, 'cluster'),
    nodePools: gke.config.cluster.nodeGroups.map((group) => nodePoolRequest(group, gke.deployment, true)),
    ipAllocationPolicy: { useIpAliases: true },
    addonsConfig: { gcePersistentDiskCsiDriverConfig: { enabled: true } },
    workloadIdentityConfig: { workloadPool: workloadPool(gke.project) },
  };
}

export function observedCluster(cluster: Cluster): ObservedClusterV1 {
  return {
    name: cluster.name ?? '',
    status: clusterStatus(cluster.status),
    kubernetesVersion: cluster.currentMasterVersion ?? '',
    ...(cluster.endpoint ? { endpoint: `https://${cluster.endpoint}` } : {}),
    tags: fromGoogleLabels(cluster.resourceLabels),
    ...(cluster.statusMessage ? { statusReason: cluster.statusMessage } : {}),
    // GKE reports the Service range it gave the cluster (a /20 of 34.118.224.0/20 by default).
    ...(cluster.servicesIpv4Cidr ? { serviceCidr: cluster.servicesIpv4Cidr } : {}),
  };
}
