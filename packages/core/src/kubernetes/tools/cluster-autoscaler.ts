import type { HubfleetConfig } from '../../config/deployment.js';
import type { ProviderV1 } from '../../provider/v1/provider.js';
import { expanderPriorities, nodeGroupPriorities } from './autoscaler-priorities.js';
import type { ClusterTool } from './cluster-tool.js';
import { configChoice } from './tool-choice.js';
import { toolPlacement } from './tool-placement.js';

function autoscalerValues(config: HubfleetConfig, provider: ProviderV1): Record<string, unknown> {
  return {
    autoDiscovery: { clusterName: config.name },
    expanderPriorities: expanderPriorities(nodeGroupPriorities(config, provider.catalog)),
    extraArgs: {
      expander: 'priority',
      'balance-similar-node-groups': true,
      // User pods use emptyDir for scratch; that must not pin a node that is otherwise empty.
      'skip-nodes-with-local-storage': false,
    },
    ...toolPlacement(config),
  };
}

/**
 * cluster-autoscaler with the priority expander, so the cheapest sufficient nodegroup scales first
 * (seeds/000 step 02, seeds/002). Not installed where the cloud scales nodegroups itself
 * (`capabilities.managedAutoscaler`, GKE). Cloud specifics (`cloudProvider`, `awsRegion`,
 * `magnumClusterName`, service-account annotations) come from the provider's add-on under
 * `toolValues['cluster-autoscaler']`: core names no cloud.
 */
export const clusterAutoscaler: ClusterTool = {
  name: 'cluster-autoscaler',
  configKey: 'autoscaler',
  chart: 'cluster-autoscaler',
  repository: 'https://kubernetes.github.io/autoscaler',
  version: '9.59.0',
  namespace: 'kube-system',
  enabled: (config, provider) => configChoice(config, provider, 'autoscaler'),
  values: (config, provider) => autoscalerValues(config, provider),
};
