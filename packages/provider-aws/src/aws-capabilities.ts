import type { ProviderCapabilitiesV1, ToolDefaultV1, ToolName } from '@hubfleet/core';

/** What EKS offers, with the reason for each flag. */
export const awsCapabilities: ProviderCapabilitiesV1 = {
  // Managed nodegroups take minSize 0; cluster-autoscaler scales them up from zero when the
  // nodegroup's Auto Scaling group carries the node-template tags for its labels and taints
  // (000 step 02 describes what happens without them).
  scaleToZero: true,
  // EKS passes a managed nodegroup's labels and taints to every node it launches.
  nodeLabelsReachNodes: true,
  // EKS does not scale nodegroups itself: hubfleet installs cluster-autoscaler (000 step 02).
  managedAutoscaler: false,
  // The EKS GPU-optimised AMIs already carry the NVIDIA driver; only the device plugin is missing
  // (000 step 04).
  gpuDriver: 'device-plugin',
  // EBS volumes can be snapshotted.
  volumeSnapshots: true,
  // The AWS load balancer integration gives Services of type LoadBalancer an ELB address (000 step 01).
  loadBalancer: true,
};

/** Tool defaults on EKS, taken from how DS@OSU runs its clusters (guides 000 and 001). */
export const awsToolDefaults: Record<ToolName, ToolDefaultV1> = {
  autoscaler: {
    enabled: true,
    reason:
      'EKS does not scale nodegroups by itself; DS@OSU runs cluster-autoscaler, cheapest sufficient nodegroup first (000 step 02)',
  },
  registryCache: {
    enabled: true,
    reason:
      'DS@OSU runs a pull-through cache to stay under Docker Hub pull limits and to start new nodes faster with 12 GB user images (000 step 03)',
  },
  gpuDriver: {
    enabled: true,
    reason: 'EKS GPU AMIs ship the NVIDIA driver; the device plugin makes the GPUs schedulable (000 step 04)',
  },
  monitoring: {
    enabled: true,
    reason: 'DS@OSU watches cluster and hub usage with Prometheus and Grafana (000 steps 05 and 06)',
  },
  backups: {
    enabled: true,
    reason: 'DS@OSU backs up cluster objects and volume snapshots to S3 with Velero (000 step 07)',
  },
};
