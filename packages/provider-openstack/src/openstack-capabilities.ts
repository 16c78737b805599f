import type { ProviderCapabilitiesV1, ToolDefaultV1, ToolName } from '@hubfleet/core';

/** What Magnum on the STFC Cloud offers, with the reason for each flag. */
export const openstackCapabilities: ProviderCapabilitiesV1 = {
  // Magnum takes nodegroups with min_node_count 0 from API microversion 1.10; hubfleet checks the
  // cloud's maximum microversion before it creates one (a warning says so at validate time).
  scaleToZero: true,
  // Magnum labels configure the driver, not the nodes; node_labels and node_taints exist only from
  // microversion 1.14 (hubfleet sends them there, so nodes boot tainted), so core labels and taints
  // the nodes itself, found by magnum.openstack.org/nodegroup.
  nodeLabelsReachNodes: false,
  // Magnum can deploy an autoscaler (label auto_scaling_enabled), but it covers the default worker
  // group only and 002 had to edit it by hand for GPU workers; hubfleet installs its own with the
  // Magnum cloud provider and sends auto_scaling_enabled=false (one autoscaler, see magnum-labels.ts),
  // unless auto_scaling_enabled is "true" in provider.labels (or in the cluster template, the config
  // silent): then Magnum's runs and hubfleet's is off.
  managedAutoscaler: false,
  // 002 "Enabling GPU Workers": Magnum's images have no NVIDIA driver; the GPU operator installs it.
  gpuDriver: 'operator',
  // `onDelete: snapshot` takes a Cinder volume backup, awaited before the volume is deleted: a Cinder
  // snapshot could not keep the data (Cinder refuses to delete a volume that has snapshots), a backup
  // is a copy in the backup store that outlives the volume (cinder-backups.ts).
  volumeSnapshots: true,
  // Octavia gives Services of type LoadBalancer an address (002 "Deploying Jupyter hub": proxy_public).
  loadBalancer: true,
};

/** Tool defaults on Magnum, taken from how STFC runs its hubs (guide 002). */
export const openstackToolDefaults: Record<ToolName, ToolDefaultV1> = {
  autoscaler: {
    enabled: true,
    reason:
      "hubfleet's cluster-autoscaler with the Magnum cloud provider: STFC autoscales the default and GPU worker groups; a Magnum node takes 10-15 minutes to start (002 'Autoscaler', 'Limitations')",
  },
  registryCache: {
    enabled: true,
    reason:
      'STFC recommends a private mirror: Docker Hub rate limits are hit quickly when clusters autoscale (002 "Recommended Setup")',
  },
  gpuDriver: {
    enabled: true,
    reason:
      'Magnum images carry no NVIDIA driver, so STFC runs the GPU operator (002 "Enabling GPU Workers")',
  },
  monitoring: {
    enabled: true,
    reason:
      'STFC deploys the Prometheus stack with its Grafana dashboards alongside every hub (002 "Prometheus Stack")',
  },
  backups: {
    enabled: false,
    reason: 'STFC runs no backups (002); set tools.backups with a Swift container to turn them on',
  },
};
