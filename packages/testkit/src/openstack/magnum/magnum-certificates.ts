import type { FakeResponse } from '../../framework/http-service.js';
import { stringField } from '../../framework/json-body.js';
import {
  type CertificateAndKey,
  createCertificateAuthority,
  InvalidCertificateRequestError,
  signCertificateRequest,
} from '../../framework/pki.js';
import type { OpenStackRequest } from '../shared/openstack-protocol.js';
import { invalid } from './magnum-errors.js';
import { findCluster } from './magnum-lookup.js';
import { links, magnumReply } from './magnum-reply.js';
import type { MagnumContext } from './magnum-settings.js';
import type { ClusterRecord } from './magnum-state.js';

/**
 * The cluster's CA. Magnum makes it when the cluster is created; the fake makes it on first use
 * (same answer to every caller), since RSA keys take a while. A TLS-disabled template has none.
 */
export async function clusterAuthority(
  context: Pick<MagnumContext, 'state' | 'settings'>,
  cluster: ClusterRecord,
): Promise<CertificateAndKey> {
  if (context.state.clusterTemplates[cluster.clusterTemplateId]?.tlsDisabled)
    throw invalid(`Cluster ${cluster.uuid} has no certificates: its template disables TLS.`);
  const known = context.settings.certificateAuthority ?? context.state.certificateAuthorities[cluster.uuid];
  if (known) return known;
  const made = await createCertificateAuthority(cluster.name, { now: new Date(cluster.createdAt) });
  // Another request may have made one meanwhile: the first one stored wins.
  if (!context.state.certificateAuthorities[cluster.uuid]) {
    context.state.certificateAuthorities[cluster.uuid] = made;
    context.settings.save();
  }
  return context.state.certificateAuthorities[cluster.uuid] as CertificateAndKey;
}

/** GET /v1/certificates/{ident} → `{cluster_uuid, pem, links}`: the cluster's CA certificate. */
export async function showCertificate(
  context: MagnumContext,
  request: OpenStackRequest,
): Promise<FakeResponse> {
  const cluster = findCluster(context, request.labels.ident as string);
  return magnumReply(context, 200, {
    cluster_uuid: cluster.uuid,
    pem: (await clusterAuthority(context, cluster)).certificatePem,
    links: links(context, 'certificates', cluster.uuid),
  });
}

/**
 * POST /v1/certificates {cluster_uuid, csr} → 201 `{cluster_uuid, csr, pem, links}`: the CSR signed
 * by the cluster's CA, subject as requested (CN=admin, O=system:masters gives cluster-admin).
 */
export async function signCertificate(
  context: MagnumContext,
  request: OpenStackRequest,
): Promise<FakeResponse> {
  const clusterIdent = stringField(request.body, 'cluster_uuid');
  const csr = stringField(request.body, 'csr');
  if (!clusterIdent)
    throw invalid('Invalid input for field/attribute cluster_uuid. Value: None. Mandatory field missing.');
  if (!csr) throw invalid('Invalid input for field/attribute csr. Value: None. Mandatory field missing.');
  const cluster = findCluster(context, clusterIdent);
  let pem: string;
  try {
    pem = await signCertificateRequest(await clusterAuthority(context, cluster), csr, {
      now: new Date(context.now),
    });
  } catch (error) {
    if (error instanceof InvalidCertificateRequestError)
      throw invalid(`Received invalid csr ${csr.slice(0, 40)}.`);
    throw error;
  }
  return magnumReply(context, 201, {
    cluster_uuid: cluster.uuid,
    csr,
    pem,
    links: links(context, 'certificates', cluster.uuid),
  });
}
