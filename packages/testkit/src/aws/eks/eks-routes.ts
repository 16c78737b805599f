import type { RestRoute } from '../../framework/rest-router.js';
import { createAddon, deleteAddon, describeAddon, listAddons } from './eks-addons.js';
import { createCluster, deleteCluster, describeCluster, listClusters } from './eks-clusters.js';
import { createNodegroup, deleteNodegroup, describeNodegroup, listNodegroups } from './eks-nodegroups.js';
import {
  createPodIdentityAssociation,
  deletePodIdentityAssociation,
  describePodIdentityAssociation,
  listPodIdentityAssociations,
} from './eks-pod-identity.js';
import type { EksRequest } from './eks-request.js';
import type { EksContext } from './eks-settings.js';
import { listTagsForResource, tagResource, untagResource } from './eks-tags.js';
import { describeUpdate, updateNodegroupConfig } from './eks-updates.js';
import { updateClusterVersion, updateNodegroupVersion } from './eks-version-updates.js';

export interface EksOperation {
  name: string;
  /** Whether the call changes state (for the call log and sim-mode persistence). */
  mutating: boolean;
  handle(context: EksContext, request: EksRequest): unknown;
}

function route(
  method: string,
  path: string,
  name: string,
  handle: EksOperation['handle'],
): RestRoute<EksOperation> {
  return { method, path, target: { name, mutating: method !== 'GET', handle } };
}

/** The HTTP bindings of the EKS API model (restJson1) that the fake implements. */
export const EKS_ROUTES: readonly RestRoute<EksOperation>[] = [
  route('POST', '/clusters', 'CreateCluster', createCluster),
  route('GET', '/clusters', 'ListClusters', listClusters),
  route('GET', '/clusters/{name}', 'DescribeCluster', describeCluster),
  route('DELETE', '/clusters/{name}', 'DeleteCluster', deleteCluster),
  route('POST', '/clusters/{clusterName}/node-groups', 'CreateNodegroup', createNodegroup),
  route('GET', '/clusters/{clusterName}/node-groups', 'ListNodegroups', listNodegroups),
  route('GET', '/clusters/{clusterName}/node-groups/{nodegroupName}', 'DescribeNodegroup', describeNodegroup),
  route('DELETE', '/clusters/{clusterName}/node-groups/{nodegroupName}', 'DeleteNodegroup', deleteNodegroup),
  route(
    'POST',
    '/clusters/{clusterName}/node-groups/{nodegroupName}/update-config',
    'UpdateNodegroupConfig',
    updateNodegroupConfig,
  ),
  route(
    'POST',
    '/clusters/{clusterName}/node-groups/{nodegroupName}/update-version',
    'UpdateNodegroupVersion',
    updateNodegroupVersion,
  ),
  route('POST', '/clusters/{name}/updates', 'UpdateClusterVersion', updateClusterVersion),
  route('GET', '/clusters/{name}/updates/{updateId}', 'DescribeUpdate', describeUpdate),
  route('POST', '/clusters/{clusterName}/addons', 'CreateAddon', createAddon),
  route('GET', '/clusters/{clusterName}/addons', 'ListAddons', listAddons),
  route('GET', '/clusters/{clusterName}/addons/{addonName}', 'DescribeAddon', describeAddon),
  route('DELETE', '/clusters/{clusterName}/addons/{addonName}', 'DeleteAddon', deleteAddon),
  route(
    'POST',
    '/clusters/{clusterName}/pod-identity-associations',
    'CreatePodIdentityAssociation',
    createPodIdentityAssociation,
  ),
  route(
    'GET',
    '/clusters/{clusterName}/pod-identity-associations',
    'ListPodIdentityAssociations',
    listPodIdentityAssociations,
  ),
  route(
    'GET',
    '/clusters/{clusterName}/pod-identity-associations/{associationId}',
    'DescribePodIdentityAssociation',
    describePodIdentityAssociation,
  ),
  route(
    'DELETE',
    '/clusters/{clusterName}/pod-identity-associations/{associationId}',
    'DeletePodIdentityAssociation',
    deletePodIdentityAssociation,
  ),
  route('POST', '/tags/{resourceArn}', 'TagResource', tagResource),
  route('DELETE', '/tags/{resourceArn}', 'UntagResource', untagResource),
  route('GET', '/tags/{resourceArn}', 'ListTagsForResource', listTagsForResource),
];
