import type { ConnectContextV1, HubfleetConfig, ProviderSessionV1 } from '@hubfleet/core';
import { awsAddons } from './aws-addons.js';
import { createAwsCall } from './aws-call.js';
import { createAwsClients } from './aws-clients.js';
import { awsCluster } from './aws-cluster.js';
import type { AwsProviderSettings } from './aws-config.js';
import type { AwsConnectOverrides } from './aws-connect-options.js';
import { awsDeployment } from './aws-deployment.js';
import { awsEksAddons, type EksAddonsApi } from './aws-eks-addons.js';
import { eksAddonsResource } from './aws-eks-addons-resource.js';
import { awsIdentity } from './aws-identity.js';
import { awsDeploymentLock } from './aws-lock.js';
import { awsMachineTypes } from './aws-machine-types.js';
import { awsNetwork } from './aws-network.js';
import { awsNodeGroups } from './aws-nodegroups.js';
import { type AwsBackoff, DEFAULT_BACKOFF } from './aws-retry.js';
import { veleroBucketResource } from './aws-velero-bucket-resource.js';
import { awsVolumes } from './aws-volumes.js';

/**
 * A session on AWS: the contract's, with the EKS add-ons and velero's bucket as provider resources,
 * and the add-ons' API itself for the provider's own tests.
 */
export interface AwsProviderSession extends ProviderSessionV1 {
  eksAddons: EksAddonsApi;
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
    resources: () => {
      const bucket = veleroBucketResource(aws);
      return [eksAddonsResource(eksAddons), ...(bucket === undefined ? [] : [bucket])];
    },
    addons: () => awsAddons(config),
    lock: awsDeploymentLock(aws),
    machineTypes: awsMachineTypes(aws),
    close: async () => clients.destroy(),
  };
}
