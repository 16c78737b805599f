import type { RestRoute } from '../../framework/rest-router.js';
import { type GoogleOperation, googleRoute } from '../google-protocol.js';
import {
  createCluster,
  deleteCluster,
  getCluster,
  listClusters,
  setResourceLabels,
  updateCluster,
} from './container-clusters.js';
import {
  createNodePool,
  deleteNodePool,
  getNodePool,
  listNodePools,
  setNodePoolAutoscaling,
  setNodePoolSize,
  updateNodePool,
} from './container-node-pools.js';
import { getOperation, listOperations } from './container-operation-calls.js';
import type { ContainerContext } from './container-settings.js';

const LOCATION = '/v1/projects/{project}/locations/{location}';
const CLUSTER = `${LOCATION}/clusters/{cluster}`;
const NODE_POOL = `${CLUSTER}/nodePools/{nodePool}`;

/** The container v1 REST bindings (google.api.http in cluster_service.proto) the fake serves. */
export const CONTAINER_ROUTES: readonly RestRoute<GoogleOperation<ContainerContext>>[] = [
  googleRoute('POST', `${LOCATION}/clusters`, 'CreateCluster', 'container.clusters.create', createCluster),
  googleRoute('GET', `${LOCATION}/clusters`, 'ListClusters', 'container.clusters.list', listClusters),
  googleRoute('GET', CLUSTER, 'GetCluster', 'container.clusters.get', getCluster),
  googleRoute('PUT', CLUSTER, 'UpdateCluster', 'container.clusters.update', updateCluster),
  googleRoute('DELETE', CLUSTER, 'DeleteCluster', 'container.clusters.delete', deleteCluster),
  googleRoute(
    'POST',
    `${CLUSTER}/:setResourceLabels`,
    'SetLabels',
    'container.clusters.update',
    setResourceLabels,
  ),
  googleRoute('POST', `${CLUSTER}/nodePools`, 'CreateNodePool', 'container.clusters.update', createNodePool),
  googleRoute('GET', `${CLUSTER}/nodePools`, 'ListNodePools', 'container.clusters.get', listNodePools),
  googleRoute('GET', NODE_POOL, 'GetNodePool', 'container.clusters.get', getNodePool),
  googleRoute('PUT', NODE_POOL, 'UpdateNodePool', 'container.clusters.update', updateNodePool),
  googleRoute('DELETE', NODE_POOL, 'DeleteNodePool', 'container.clusters.update', deleteNodePool),
  googleRoute(
    'POST',
    `${NODE_POOL}/:setSize`,
    'SetNodePoolSize',
    'container.clusters.update',
    setNodePoolSize,
  ),
  googleRoute(
    'POST',
    `${NODE_POOL}/:setAutoscaling`,
    'SetNodePoolAutoscaling',
    'container.clusters.update',
    setNodePoolAutoscaling,
  ),
  googleRoute(
    'GET',
    `${LOCATION}/operations/{operation}`,
    'GetOperation',
    'container.operations.get',
    getOperation,
  ),
  googleRoute('GET', `${LOCATION}/operations`, 'ListOperations', 'container.operations.list', listOperations),
];
