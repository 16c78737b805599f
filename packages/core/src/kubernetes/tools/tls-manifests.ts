import type { HubfleetConfig } from '../../config/deployment.js';
import type { Manifest } from '../release.js';
import type { ToolManifest } from './cluster-tool.js';
import { managedMetadata } from './manifest-metadata.js';
import { secretManifest } from './secret-manifest.js';
import { CLUSTER_ISSUER_NAME, INGRESS_CLASS, INGRESS_NAMESPACE, TLS_SECRET_NAME } from './tool-names.js';
import { toolPlacement } from './tool-placement.js';

export const LETS_ENCRYPT_SERVER = 'https://acme-v02.api.letsencrypt.org/directory';

/** The `letsencrypt` ClusterIssuer: ACME HTTP-01 through ingress-nginx, solver pods on the tools nodes. */
export function letsEncryptIssuer(config: HubfleetConfig, email: string): Manifest {
  const placement = toolPlacement(config);
  return {
    apiVersion: 'cert-manager.io/v1',
    kind: 'ClusterIssuer',
    metadata: managedMetadata({ name: CLUSTER_ISSUER_NAME }),
    spec: {
      acme: {
        server: LETS_ENCRYPT_SERVER,
        email,
        privateKeySecretRef: { name: `${CLUSTER_ISSUER_NAME}-account-key` },
        solvers: [
          {
            http01: {
              ingress: {
                ingressClassName: INGRESS_CLASS,
                podTemplate: {
                  spec: { nodeSelector: placement.nodeSelector, tolerations: placement.tolerations },
                },
              },
            },
          },
        ],
      },
    },
  };
}

/** One Certificate for `ingress.host`, written to the ingress namespace as ingress-nginx's default certificate. */
export function hostCertificate(config: HubfleetConfig): Manifest {
  return {
    apiVersion: 'cert-manager.io/v1',
    kind: 'Certificate',
    metadata: managedMetadata({ name: TLS_SECRET_NAME, namespace: INGRESS_NAMESPACE }),
    spec: {
      secretName: TLS_SECRET_NAME,
      dnsNames: [config.ingress.host],
      issuerRef: { group: 'cert-manager.io', kind: 'ClusterIssuer', name: CLUSTER_ISSUER_NAME },
    },
  };
}

/**
 * What TLS needs besides the charts: for `letsencrypt`, the ClusterIssuer (after cert-manager) and
 * the host's Certificate (after cert-manager and ingress-nginx, whose Ingress answers the HTTP-01
 * challenge); for `manual`, the `hubfleet-tls` Secret from `certFile` and the `keyFile` reference,
 * holding placeholders until it is applied; for `none`, nothing.
 */
export function tlsManifests(config: HubfleetConfig): ToolManifest[] {
  const tls = config.ingress.tls;
  if (tls.mode === 'letsencrypt' && tls.email !== undefined) {
    return [
      { manifest: letsEncryptIssuer(config, tls.email), after: ['cert-manager'], before: [] },
      { manifest: hostCertificate(config), after: ['cert-manager', 'ingress-nginx'], before: [] },
    ];
  }
  if (tls.mode === 'manual' && tls.certFile !== undefined && tls.keyFile !== undefined) {
    const secret = secretManifest({
      name: TLS_SECRET_NAME,
      namespace: INGRESS_NAMESPACE,
      type: 'kubernetes.io/tls',
      referenced: { 'tls.crt': { fromFile: tls.certFile }, 'tls.key': tls.keyFile },
    });
    return [{ manifest: secret, after: [], before: ['ingress-nginx'] }];
  }
  return [];
}
