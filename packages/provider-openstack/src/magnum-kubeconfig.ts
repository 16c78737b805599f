import { HubfleetError, renderSingleClusterKubeconfig } from '@hubfleet/core';
import {
  getClusterCertificateAuthority,
  type MagnumCluster,
  signClusterCertificate,
} from '@hubfleet/openstack-client';
import type { OpenstackDeployment } from './openstack-deployment.js';

/** What a kubeconfig for one Magnum cluster holds. */
export interface MagnumKubeconfigParts {
  name: string;
  server: string;
  certificateAuthorityPem: string;
  clientCertificatePem: string;
  clientKeyPem: string;
  /** When the client certificate expires, noted for the operator. */
  expires: Date;
}

const base64 = (pem: string) => Buffer.from(pem).toString('base64');

/** The kubeconfig YAML `openstack coe cluster config` writes, with a note of the certificate's lifetime. */
export function renderMagnumKubeconfig(parts: MagnumKubeconfigParts): string {
  return renderSingleClusterKubeconfig({
    name: parts.name,
    server: parts.server,
    certificateAuthorityData: base64(parts.certificateAuthorityPem),
    user: {
      'client-certificate-data': base64(parts.clientCertificatePem),
      'client-key-data': base64(parts.clientKeyPem),
    },
    comments: [
      `Client certificate CN=admin, O=system:masters, signed by Magnum; valid until ${parts.expires.toISOString()}.`,
      'After that, run `hubfleet kubeconfig` again for a new one.',
    ],
  });
}

/** One client certificate per cluster and session: RSA keys are slow to make, and it stays valid for long. */
const issued = new WeakMap<OpenstackDeployment, Map<string, Promise<MagnumKubeconfigParts>>>();

async function issue(os: OpenstackDeployment, cluster: MagnumCluster): Promise<MagnumKubeconfigParts> {
  const { adminCertificateRequest, certificateExpiry } = await import('./magnum-client-certificate.js');
  const magnum = await os.services.magnum();
  const request = await adminCertificateRequest();
  const clientCertificatePem = await signClusterCertificate(magnum, cluster.uuid, request.csrPem);
  const certificateAuthorityPem = await getClusterCertificateAuthority(magnum, cluster.uuid);
  return {
    name: os.deployment,
    server: cluster.apiAddress ?? '',
    certificateAuthorityPem,
    clientCertificatePem,
    clientKeyPem: request.privateKeyPem,
    expires: certificateExpiry(clientCertificatePem),
  };
}

/**
 * A kubeconfig the python-magnumclient way: a new RSA key and a CSR (CN=admin, O=system:masters)
 * signed by Magnum's certificate API, the cluster CA from the same API, the server from `api_address`.
 */
export async function magnumKubeconfig(os: OpenstackDeployment, cluster: MagnumCluster): Promise<string> {
  if (!cluster.apiAddress || cluster.status === 'CREATE_IN_PROGRESS') {
    throw new HubfleetError({
      kind: 'conflict',
      retryable: true,
      message: `the Magnum cluster ${os.deployment} has no API address yet (status ${cluster.status})`,
      hint: 'wait until the cluster is CREATE_COMPLETE',
      subject: `cluster/${os.deployment}`,
    });
  }
  let byCluster = issued.get(os);
  if (byCluster === undefined) {
    byCluster = new Map();
    issued.set(os, byCluster);
  }
  let parts = byCluster.get(cluster.uuid);
  if (parts === undefined) {
    parts = issue(os, cluster);
    const cache = byCluster;
    parts.catch(() => cache.delete(cluster.uuid));
    byCluster.set(cluster.uuid, parts);
  }
  return renderMagnumKubeconfig({ ...(await parts), server: cluster.apiAddress });
}
