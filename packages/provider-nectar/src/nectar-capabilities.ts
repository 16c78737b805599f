import type { ProviderCapabilitiesV1, ToolDefaultV1, ToolName } from '@hubfleet/core';

/** What plain NeCTAR VMs offer, with the reason for each flag. */
export const nectarCapabilities: ProviderCapabilitiesV1 = {
  // Nodes are VMs hubfleet creates and joins with kubeadm; nothing creates one when a pod is pending,
  // so a nodegroup cannot start from zero nodes.
  scaleToZero: false,
  // There is no cloud nodegroup API; the kubeadm bootstrap sets labels and taints on each node.
  nodeLabelsReachNodes: false,
  // No cloud autoscaler: 004 adds compute VMs by hand ("Scaling - Compute").
  managedAutoscaler: false,
  // Stock NeCTAR Ubuntu images carry no NVIDIA driver; the GPU operator would install it. Only
  // flavors hubfleet knows to have GPUs may be used for gpu nodegroups (none yet, see the catalog).
  gpuDriver: 'operator',
  // Hub storage is a directory on the storage node's NFS export, which hubfleet cannot snapshot per hub.
  volumeSnapshots: false,
  // kubeadm on plain VMs has no cloud controller to create load balancers; the ingress listens on
  // the nodes' own public addresses.
  loadBalancer: false,
};

/** Tool defaults on NeCTAR, taken from how the University of Melbourne runs its hub (guide 004). */
export const nectarToolDefaults: Record<ToolName, ToolDefaultV1> = {
  autoscaler: {
    enabled: false,
    reason:
      'NeCTAR gives plain VMs that no autoscaler can add; 004 adds compute VMs by hand ("Scaling - Compute")',
  },
  registryCache: {
    enabled: false,
    reason: 'a fixed set of VMs pulls each image once; 004 runs no cache',
  },
  gpuDriver: {
    enabled: true,
    reason: 'NeCTAR Ubuntu images carry no NVIDIA driver, so the GPU operator installs it (004 has no GPUs)',
  },
  monitoring: {
    enabled: false,
    reason: '004 sets up no monitoring; turn it on with tools.monitoring and a Grafana password',
  },
  backups: {
    enabled: false,
    reason:
      '004 archives users by hand ("User Archive Processes"); set tools.backups with a Swift container to turn them on',
  },
};
