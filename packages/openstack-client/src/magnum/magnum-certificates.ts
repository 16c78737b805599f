import type { ServiceClient } from '../session/service-client.js';
import { segment } from '../session/service-request.js';
import { asWire, wireString } from '../wire/wire-fields.js';

function pemOf(body: unknown): string {
  return wireString(asWire(body), 'pem') ?? '';
}

/** GET /v1/certificates/{cluster}: the cluster CA's certificate (PEM), for the kubeconfig. */
export async function getClusterCertificateAuthority(
  magnum: ServiceClient,
  cluster: string,
): Promise<string> {
  const response = await magnum.request({
    method: 'GET',
    path: `/certificates/${segment(cluster)}`,
    subject: `cluster/${cluster}`,
  });
  return pemOf(response.body);
}

/**
 * POST /v1/certificates {cluster_uuid, csr} → the signed client certificate (PEM). With CN=admin and
 * O=system:masters it is a cluster-admin identity, as `openstack coe cluster config` makes.
 */
export async function signClusterCertificate(
  magnum: ServiceClient,
  clusterUuid: string,
  csrPem: string,
): Promise<string> {
  const response = await magnum.request({
    method: 'POST',
    path: '/certificates',
    body: { cluster_uuid: clusterUuid, csr: csrPem },
    subject: `cluster/${clusterUuid}`,
  });
  return pemOf(response.body);
}
