import type { ClusterAddonsHook, ConnectContextV1, HubfleetConfig, ProviderSessionV1 } from '@hubfleet/core';
import { awsAddons } from './aws-addons.js';
import { createAwsCall } from './aws-call.js';
import { createAwsClients } from './aws-clients.js';
import { awsCluster } from './aws-cluster.js';
import type { AwsProviderSettings } from './aws-config.js';
import type { AwsConnectOverrides } from './aws-connect-options.js';
import { awsDeployment } from './aws-deployment.js';
import { awsEksAddons, EKS_ADDON_NAMES, type EksAddonsApi } from './aws-eks-addons.js';
import { awsIdentity } from './aws-identity.js';
import { awsMachineTypes } from './aws-machine-types.js';
import { awsNetwork } from './aws-network.js';
import { awsNodeGroups } from './aws-nodegroups.js';
import { type AwsBackoff, DEFAULT_BACKOFF } from './aws-retry.js';
import { awsVolumes } from './aws-volumes.js';

/** A session on AWS: the contract's, plus the cluster-side EKS add-ons the engine installs. */
export interface AwsProviderSession extends ProviderSessionV1 {
  eksAddons: EksAddonsApi;
  /** The same EKS add-ons, in the shape core's deployment graph looks for (`clusterAddonsOf`). */
  clusterAddons: ClusterAddonsHook;
}

/**
 * Builds a session. This module imports every AWS SDK client: it is only ever loaded through
 * `await import()` in `connectAws`, so `hubfleet --help` and `validate` never load the SDK.
 */
export function createAwsSession(
  config: HubfleetConfig<AwsProviderSettings>,
  context: ConnectContextV1,
  overrides: AwsConnectOverrides,
): AwsProviderSession {
  const clients = createAwsClients(config.provider, context, overrides);
  const backoff: AwsBackoff = {
    ...DEFAULT_BACKOFF,
    ...(overrides.retryDelayMs === undefined ? {} : { delayMs: overrides.retryDelayMs }),
    ...(context.signal === undefined ? {} : { signal: context.signal }),
  };
  const aws = awsDeployment(config, clients, createAwsCall(clients.region, context.signal), backoff);
  const network = awsNetwork(aws);
  const identity = awsIdentity(aws);
  const eksAddons = awsEksAddons(aws, identity);
  return {
    cluster: awsCluster(aws, network, identity),
    nodeGroups: awsNodeGroups(aws, network, identity),
    volumes: awsVolumes(aws, network),
    eksAddons,
    clusterAddons: { names: EKS_ADDON_NAMES, ...eksAddons },
    addons: () => awsAddons(config),
    machineTypes: awsMachineTypes(aws),
    close: async () => clients.destroy(),
  };
}
