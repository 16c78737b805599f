import { type HubfleetConfig, nodeGroupLabels, nodeGroupTaints } from '@hubfleet/core';
import type { NectarProviderSettings } from '../nectar-config.js';
import { renderBootstrapScript } from './bootstrap-script.js';
import type { BootstrapInput, BootstrapScript } from './bootstrap-step.js';
import {
  hostHelpers,
  hostVariables,
  kubernetesHostSteps,
  kubernetesMinor,
  logCaps,
  timeSync,
} from './host-steps.js';
import {
  CALICO_MANIFEST,
  kubeadmInit,
  kubeadmJoin,
  kubernetesHelpers,
  POD_SUBNET,
  podNetwork,
} from './kubernetes-steps.js';
import { hubExport, hubVolume, nfsServer, storageHelpers, volumeVariable } from './storage-steps.js';
import { upgradeScripts } from './upgrade-scripts.js';

type Config = HubfleetConfig<NectarProviderSettings>;

const JOIN_INPUTS: readonly BootstrapInput[] = [
  { name: 'HUBFLEET_API_ENDPOINT', why: "the control plane's private address and port, e.g. 10.0.0.5:6443" },
  { name: 'HUBFLEET_JOIN_TOKEN', why: 'a bootstrap token from kubeadm token create, valid 15 minutes' },
  { name: 'HUBFLEET_CA_CERT_HASH', why: "sha256:<hash> of the cluster CA's public key, pinned by the join" },
];

/** The control plane: host preparation, kubeadm init, the pod network. */
export function controlPlaneScript(config: Config): BootstrapScript {
  return {
    file: 'control-plane.sh',
    title: `hubfleet bootstrap of ${config.name}'s Kubernetes control plane (kubeadm ${kubernetesMinor(config)})`,
    inputs: [
      {
        name: 'HUBFLEET_PUBLIC_ADDRESS',
        why: 'the address the operator reaches the API server at (floating or public IP)',
      },
      {
        name: 'HUBFLEET_PRIVATE_ADDRESS',
        why: "the VM's own address on the cloud network, which the nodes use",
      },
    ],
    variables: {
      ...hostVariables(kubernetesMinor(config)),
      POD_SUBNET: `"${POD_SUBNET}"`,
      CALICO_MANIFEST: `"${CALICO_MANIFEST}"`,
    },
    helpers: [...hostHelpers, ...kubernetesHelpers],
    steps: [...kubernetesHostSteps, kubeadmInit, podNetwork],
  };
}

/** A nodegroup's VMs: host preparation and kubeadm join with the group's labels and taints. */
export function nodeGroupScript(config: Config, groupName: string): BootstrapScript {
  const group = config.cluster.nodeGroups.find((candidate) => candidate.name === groupName);
  if (!group) throw new Error(`no nodegroup ${groupName} in the config`);
  const taints = nodeGroupTaints(group).map(
    (taint) => `{ key: "${taint.key}", value: "${taint.value}", effect: ${taint.effect} }`,
  );
  return {
    file: `node-${group.name}.sh`,
    title: `hubfleet bootstrap of a ${config.name} node in nodegroup ${group.name} (kubeadm ${kubernetesMinor(config)})`,
    inputs: JOIN_INPUTS,
    variables: hostVariables(kubernetesMinor(config)),
    helpers: hostHelpers,
    steps: [...kubernetesHostSteps, kubeadmJoin(nodeGroupLabels(group), taints)],
  };
}

/** The storage VM: the NFS server, each hub's volume and export. */
export function storageScript(config: Config): BootstrapScript {
  const hubs = config.hubs.map((hub) => hub.name);
  return {
    file: 'storage.sh',
    title: `hubfleet bootstrap of ${config.name}'s storage node (NFS for ${hubs.join(', ') || 'no hub'})`,
    inputs: [
      {
        name: 'HUBFLEET_CLUSTER_ADDRESSES',
        why: "the cluster's node addresses, space-separated: the only clients of the exports",
      },
      ...hubs.map((hub) => ({ name: volumeVariable(hub), why: `the Cinder volume id of hub ${hub}` })),
    ],
    variables: {
      JOURNALD_CAPS: hostVariables(kubernetesMinor(config)).JOURNALD_CAPS ?? '""',
    },
    helpers: storageHelpers,
    steps: [timeSync, logCaps, nfsServer, ...hubs.flatMap((hub) => [hubVolume(hub), hubExport(hub)])],
  };
}

/** Every bootstrap script of a deployment, in the order they run. */
export function bootstrapScripts(config: Config): BootstrapScript[] {
  return [
    controlPlaneScript(config),
    ...config.cluster.nodeGroups.map((group) => nodeGroupScript(config, group.name)),
    storageScript(config),
  ];
}

/** `bootstrap/<file>` → bash text, as `hubfleet render` writes them: the bootstrap, then the upgrade scripts. */
export function renderBootstrapFiles(config: Config): { path: string; content: string }[] {
  return [...bootstrapScripts(config), ...upgradeScripts(config)].map((script) => ({
    path: `bootstrap/${script.file}`,
    content: renderBootstrapScript(script),
  }));
}
