import type { ProviderCapabilitiesV1, ToolDefaultV1, ToolName } from '@hubfleet/core';

/** What GKE offers, with the reason for each flag. */
export const gkeCapabilities: ProviderCapabilitiesV1 = {
  // Node pool autoscaling accepts minNodeCount 0 and scales up from zero.
  scaleToZero: true,
  // A node pool's labels and taints (config.labels, config.taints) are set on every node it creates.
  nodeLabelsReachNodes: true,
  // GKE's own cluster autoscaler scales node pools (autoscaling.enabled), so hubfleet installs none;
  // Rhodes resized pools by hand instead (003 "Manually scaling").
  managedAutoscaler: true,
  // GKE installs the NVIDIA driver on GPU node pools when asked (gpuDriverVersion) and runs its own
  // device plugin: hubfleet installs neither the device plugin nor the operator there.
  gpuDriver: 'managed',
  // Persistent disks, created through the PD CSI driver, can be snapshotted.
  volumeSnapshots: true,
  // Services of type LoadBalancer get a Google Cloud load balancer; Rhodes' proxy-public is one (003).
  loadBalancer: true,
};

/** Tool defaults on GKE, taken from how Rhodes runs its cluster (guide 003). */
export const gkeToolDefaults: Record<ToolName, ToolDefaultV1> = {
  autoscaler: {
    enabled: false,
    reason: 'GKE scales node pools itself; hubfleet turns on node pool autoscaling instead of installing one',
  },
  registryCache: {
    enabled: false,
    reason:
      "Rhodes runs no registry cache: its image lives in the project's own registry next to the cluster (003)",
  },
  gpuDriver: {
    enabled: true,
    reason: 'GKE installs the NVIDIA driver on GPU node pools when asked; nothing else to install',
  },
  monitoring: {
    enabled: false,
    reason: 'Rhodes uses Cloud Monitoring and the GKE dashboards, which come with GKE (003)',
  },
  backups: {
    enabled: false,
    reason: 'Rhodes runs no backups (003); set tools.backups with a GCS bucket to turn them on',
  },
};
