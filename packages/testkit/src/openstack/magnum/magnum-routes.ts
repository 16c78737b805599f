import type { RestRoute } from '../../framework/rest-router.js';
import { type OpenStackOperation, openstackRoute } from '../shared/openstack-protocol.js';
import { showCertificate, signCertificate } from './magnum-certificates.js';
import { resizeCluster, updateCluster } from './magnum-cluster-updates.js';
import {
  createCluster,
  deleteCluster,
  listClusterDetails,
  listClusters,
  showCluster,
} from './magnum-clusters.js';
import {
  createNodegroup,
  deleteNodegroup,
  listNodegroups,
  showNodegroup,
  updateNodegroup,
} from './magnum-nodegroups.js';
import type { MagnumContext } from './magnum-settings.js';
import { createTemplate, deleteTemplate, listTemplates, showTemplate } from './magnum-templates.js';
import { listVersions, showVersion } from './magnum-versions.js';

const route = openstackRoute<MagnumContext>;
const NODEGROUPS = '/v1/clusters/{ident}/nodegroups';

/** The Container Infrastructure v1 calls the fake serves (api-ref container-infra), with their minimum microversion. */
export const MAGNUM_ROUTES: readonly RestRoute<OpenStackOperation<MagnumContext>>[] = [
  route('GET', '/', 'ListVersions', listVersions),
  route('GET', '/v1', 'ShowVersion', showVersion),
  route('POST', '/v1/clustertemplates', 'CreateClusterTemplate', createTemplate),
  route('GET', '/v1/clustertemplates', 'ListClusterTemplates', listTemplates),
  route('GET', '/v1/clustertemplates/{ident}', 'ShowClusterTemplate', showTemplate),
  route('DELETE', '/v1/clustertemplates/{ident}', 'DeleteClusterTemplate', deleteTemplate),
  route('POST', '/v1/clusters', 'CreateCluster', createCluster),
  route('GET', '/v1/clusters', 'ListClusters', listClusters),
  route('GET', '/v1/clusters/detail', 'ListClusterDetails', listClusterDetails),
  route('GET', '/v1/clusters/{ident}', 'ShowCluster', showCluster),
  route('PATCH', '/v1/clusters/{ident}', 'UpdateCluster', updateCluster),
  route('DELETE', '/v1/clusters/{ident}', 'DeleteCluster', deleteCluster),
  route('POST', '/v1/clusters/{ident}/actions/resize', 'ResizeCluster', resizeCluster),
  route('POST', NODEGROUPS, 'CreateNodegroup', createNodegroup),
  route('GET', NODEGROUPS, 'ListNodegroups', listNodegroups),
  route('GET', `${NODEGROUPS}/{nodegroup}`, 'ShowNodegroup', showNodegroup),
  route('PATCH', `${NODEGROUPS}/{nodegroup}`, 'UpdateNodegroup', updateNodegroup),
  route('DELETE', `${NODEGROUPS}/{nodegroup}`, 'DeleteNodegroup', deleteNodegroup),
  route('GET', '/v1/certificates/{ident}', 'ShowCertificate', showCertificate),
  // Magnum signs the CSR and keeps nothing (api-ref "Generate the CA certificate"): a credential, no change.
  route('POST', '/v1/certificates', 'SignCertificate', signCertificate, false),
];

/** Operations that appeared after 1.1: below these, Magnum answers 406 for the method. */
export const MINIMUM_MICROVERSION: Readonly<Record<string, number>> = {
  ResizeCluster: 7,
  CreateNodegroup: 9,
  ListNodegroups: 9,
  ShowNodegroup: 9,
  UpdateNodegroup: 9,
  DeleteNodegroup: 9,
};
