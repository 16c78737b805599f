import type { HubfleetConfig } from '../../config/deployment.js';
import type { ProviderV1 } from '../../provider/v1/provider.js';
import type { ClusterTool, ToolDecision } from './cluster-tool.js';
import { configChoice } from './tool-choice.js';
import { gpuNodeAffinity, gpuTolerations, toolPlacement } from './tool-placement.js';

type GpuDriverKind = 'device-plugin' | 'operator';

/** `tools.gpuDriver` decides whether; the provider's `capabilities.gpuDriver` decides which chart. */
function gpuDriverDecision(config: HubfleetConfig, provider: ProviderV1, kind: GpuDriverKind): ToolDecision {
  const choice = configChoice(config, provider, 'gpuDriver');
  if (!choice.enabled) return choice;
  const wanted = provider.capabilities.gpuDriver;
  if (wanted === kind)
    return { enabled: true, reason: `${choice.reason}; ${provider.displayName} uses the NVIDIA ${kind}` };
  if (wanted === 'none') return { enabled: false, reason: `${provider.displayName} offers no GPU driver` };
  if (wanted === 'managed') {
    return {
      enabled: false,
      reason: `${provider.displayName} installs the NVIDIA driver and device plugin on GPU nodes itself`,
    };
  }
  return { enabled: false, reason: `${provider.displayName} uses the NVIDIA ${wanted} instead` };
}

function devicePluginValues(config: HubfleetConfig): Record<string, unknown> {
  return {
    // The chart's default affinity wants node-feature-discovery labels, which nothing sets here.
    affinity: gpuNodeAffinity(config),
    tolerations: [
      { key: 'CriticalAddonsOnly', operator: 'Exists' },
      { key: 'nvidia.com/gpu', operator: 'Exists', effect: 'NoSchedule' },
      ...gpuTolerations(config),
    ],
  };
}

function operatorValues(config: HubfleetConfig): Record<string, unknown> {
  const placement = toolPlacement(config);
  const onGpuNodes = [
    { key: 'nvidia.com/gpu', operator: 'Exists', effect: 'NoSchedule' },
    ...gpuTolerations(config),
  ];
  return {
    operator: { ...placement },
    daemonsets: { tolerations: onGpuNodes },
    'node-feature-discovery': {
      master: { ...placement },
      gc: { ...placement },
      worker: {
        tolerations: [
          { key: 'node-role.kubernetes.io/control-plane', operator: 'Exists', effect: 'NoSchedule' },
          ...onGpuNodes,
        ],
      },
    },
  };
}

/**
 * The NVIDIA device plugin, for clouds whose GPU images bring the driver (EKS GPU AMIs; seeds/000
 * step 04). A DaemonSet on the GPU nodegroups only, tolerating their taints.
 */
export const nvidiaDevicePlugin: ClusterTool = {
  name: 'nvidia-device-plugin',
  configKey: 'gpuDriver',
  chart: 'nvidia-device-plugin',
  repository: 'https://nvidia.github.io/k8s-device-plugin',
  version: '0.20.0',
  namespace: 'kube-system',
  enabled: (config, provider) => gpuDriverDecision(config, provider, 'device-plugin'),
  values: (config) => devicePluginValues(config),
};

/**
 * The NVIDIA GPU operator, for clouds whose images have no driver (OpenStack, NeCTAR; seeds/002): it
 * installs driver, toolkit and device plugin on GPU nodes. Its operator and NFD master run on the
 * tools nodegroup; its per-node daemons tolerate the GPU nodegroups' taints.
 */
export const gpuOperator: ClusterTool = {
  name: 'gpu-operator',
  configKey: 'gpuDriver',
  chart: 'gpu-operator',
  repository: 'https://helm.ngc.nvidia.com/nvidia',
  version: 'v26.7.0',
  namespace: 'gpu-operator',
  enabled: (config, provider) => gpuDriverDecision(config, provider, 'operator'),
  values: (config) => operatorValues(config),
};
