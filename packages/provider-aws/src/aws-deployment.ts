import type { HubfleetConfig } from '@hubfleet/core';
import type { AwsCall } from './aws-call.js';
import type { AwsClients } from './aws-clients.js';
import type { AwsProviderSettings } from './aws-config.js';
import { eksClusterName } from './aws-names.js';
import { type AwsBackoff, DEFAULT_BACKOFF } from './aws-retry.js';

/** What every resource module of a session works with: the config, the clients, and the call wrapper. */
export interface AwsDeployment {
  config: HubfleetConfig<AwsProviderSettings>;
  /** The deployment's name: the ownership tag value and the prefix of every name. */
  deployment: string;
  clusterName: string;
  clients: AwsClients;
  call: AwsCall;
  /** hubfleet's own retries inside a call (see `aws-retry.ts`). */
  backoff: AwsBackoff;
}

export function awsDeployment(
  config: HubfleetConfig<AwsProviderSettings>,
  clients: AwsClients,
  call: AwsCall,
  backoff: AwsBackoff = DEFAULT_BACKOFF,
): AwsDeployment {
  return {
    config,
    deployment: config.name,
    clusterName: eksClusterName(config.name),
    clients,
    call,
    backoff,
  };
}
