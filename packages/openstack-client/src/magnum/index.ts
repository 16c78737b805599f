export type { JsonPatchOperation } from './json-patch.js';
export { replace } from './json-patch.js';
export { getClusterCertificateAuthority, signClusterCertificate } from './magnum-certificates.js';
export type { ClusterTemplateInput } from './magnum-cluster-templates.js';
export {
  createClusterTemplate,
  deleteClusterTemplate,
  getClusterTemplate,
  listClusterTemplates,
} from './magnum-cluster-templates.js';
export type { ClusterInput, ResizeInput } from './magnum-clusters.js';
export {
  createCluster,
  deleteCluster,
  getCluster,
  listClusters,
  resizeCluster,
  updateCluster,
} from './magnum-clusters.js';
export { toCluster, toClusterTemplate, toNodegroup } from './magnum-mappers.js';
export type { NodegroupInput } from './magnum-nodegroups.js';
export {
  createNodegroup,
  deleteNodegroup,
  getNodegroup,
  listNodegroups,
  NODEGROUP_LABELS_MICROVERSION,
  supportsNodegroupLabels,
  updateNodegroup,
} from './magnum-nodegroups.js';
export type { MagnumCluster, MagnumClusterTemplate, MagnumNodegroup, MagnumStatus } from './magnum-types.js';
export { isFailed, isSettled } from './magnum-types.js';
