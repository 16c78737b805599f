import type { Cluster, CreateClusterRequest } from '@aws-sdk/client-eks';
import { type HubfleetConfig, type ObservedClusterV1, ownershipTags } from '@hubfleet/core';
import type { AwsProviderSettings } from './aws-config.js';
import { requestToken } from './aws-names.js';
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
  const issues = (cluster.health?.issues ?? []).flatMap((issue) => issue.message ?? []);
  if (observed.status === 'failed' && issues.length > 0) observed.statusReason = issues.join('; ');
  return observed;
}

/**
 * The CreateCluster request: API_AND_CONFIG_MAP access with admin rights for the creator (so the
 * identity that ran `up` can reach the API at once), a public endpoint, and a token derived from the
 * name, role and subnets, so a create whose answer was lost is recognised when sent again, while a
 * cluster created again on a new network after `down` is a new request.
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
    clientRequestToken: requestToken(
      'eks:CreateCluster',
      config.provider.region,
      clusterName,
      roleArn,
      ...subnetIds,
    ),
  };
}
