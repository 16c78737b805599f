import type { Cluster, CreateClusterRequest } from '@aws-sdk/client-eks';
import { type HubfleetConfig, type ObservedClusterV1, ownershipTags } from '@hubfleet/core';
import type { AwsProviderSettings } from './aws-config.js';
import { clusterStatus } from './map-status.js';

/** DescribeCluster's answer in hubfleet's words. */
export function observedCluster(cluster: Cluster): ObservedClusterV1 {
  const observed: ObservedClusterV1 = {
    name: cluster.name ?? '',
    status: clusterStatus(cluster.status),
    kubernetesVersion: cluster.version ?? '',
    tags: { ...cluster.tags },
  };
  if (cluster.endpoint !== undefined) observed.endpoint = cluster.endpoint;
  // Set at create (ours asks for none, so EKS picks 10.100.0.0/16 or 172.20.0.0/16) and never changed.
  const serviceCidr = cluster.kubernetesNetworkConfig?.serviceIpv4Cidr;
  if (serviceCidr !== undefined) observed.serviceCidr = serviceCidr;
  const issues = (cluster.health?.issues ?? []).flatMap((issue) => issue.message ?? []);
  if (observed.status === 'failed' && issues.length > 0) observed.statusReason = issues.join('; ');
  return observed;
}

/**
 * The CreateCluster request: API_AND_CONFIG_MAP access with admin rights for the creator (so the
 * identity that ran `up` can reach the API at once) and a public endpoint. No `clientRequestToken`:
 * the SDK fills in a new one per request and keeps it across its own retries (so a create whose
 * reply was lost is recognised), and a cluster created again after `down` is a new request.
 */
export function createClusterRequest(
  config: HubfleetConfig<AwsProviderSettings>,
  clusterName: string,
  roleArn: string,
  subnetIds: readonly string[],
): CreateClusterRequest {
  return {
    name: clusterName,
    version: config.cluster.kubernetesVersion,
    roleArn,
    resourcesVpcConfig: {
      subnetIds: [...subnetIds],
      endpointPublicAccess: true,
      endpointPrivateAccess: false,
    },
    accessConfig: { authenticationMode: 'API_AND_CONFIG_MAP', bootstrapClusterCreatorAdminPermissions: true },
    tags: ownershipTags(config.name, 'cluster'),
  };
}
