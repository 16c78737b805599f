import {
  type ConnectContextV1,
  type HubfleetConfig,
  type ProviderSessionV1,
  simulationOf,
} from '@hubfleet/core';
import { gkeAddons } from './gke-addons.js';
import { gkeStaticAddress, type StaticAddressApi } from './gke-address.js';
import { gkeAuthClient } from './gke-auth.js';
import { createGkeClients } from './gke-clients.js';
import { gkeCluster } from './gke-cluster.js';
import type { GkeProviderSettings } from './gke-config.js';
import type { GkeConnectOverrides } from './gke-connect-options.js';
import { gkeDeployment } from './gke-deployment.js';
import { gkeDnsTarget } from './gke-dns-target.js';
import { gkeDeploymentLock } from './gke-lock.js';
import { gkeNodePools } from './gke-node-pools.js';
import { clusterOperations } from './gke-operations.js';
import { DEFAULT_BACKOFF } from './gke-retry.js';
import { veleroBucket } from './gke-velero-account.js';
import { veleroBucketResource } from './gke-velero-bucket-resource.js';
import { veleroIdentityResource } from './gke-velero-resource.js';
import { gkeVolumes } from './gke-volumes.js';

/** A session on GKE: the contract's, plus the static address the ingress takes. */
export interface GkeProviderSession extends ProviderSessionV1 {
  address: StaticAddressApi;
}

/**
 * Builds a session. This module imports the Google SDKs: it is only loaded through `await import()`
 * in `connectGke`, so `validate` and `--help` never load them.
 */
export async function createGkeSession(
  config: HubfleetConfig<GkeProviderSettings>,
  context: ConnectContextV1,
  overrides: GkeConnectOverrides,
): Promise<GkeProviderSession> {
  const auth = await gkeAuthClient(config, context, overrides);
  const clients = createGkeClients(auth, simulationOf(context)?.endpoints);
  const backoff = {
    ...DEFAULT_BACKOFF,
    ...(overrides.retryDelayMs === undefined ? {} : { delayMs: overrides.retryDelayMs }),
    ...(context.signal === undefined ? {} : { signal: context.signal }),
  };
  const pollIntervalMs = overrides.pollIntervalMs ?? (clients.simulated ? 50 : 2000);
  const gke = gkeDeployment(config, clients, backoff, pollIntervalMs);
  const operations = clusterOperations(gke);
  const address = gkeStaticAddress(gke);
  return {
    cluster: gkeCluster(gke, operations, address),
    nodeGroups: gkeNodePools(gke, operations),
    volumes: gkeVolumes(gke),
    address,
    addons: () => gkeAddons(config),
    resources: () => {
      const target = gkeDnsTarget(address, config.ingress.host, config.name);
      const bucket = veleroBucket(config);
      return [
        ...(target === undefined ? [] : [target]),
        ...(bucket === undefined
          ? []
          : [veleroBucketResource(gke, bucket), veleroIdentityResource(gke, operations, bucket)]),
      ];
    },
    lock: gkeDeploymentLock(gke),
    close: () => clients.close(),
  };
}
