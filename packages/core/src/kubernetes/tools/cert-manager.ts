import type { HubfleetConfig } from '../../config/deployment.js';
import type { ClusterTool } from './cluster-tool.js';
import { tlsManifests } from './tls-manifests.js';
import { toolPlacement } from './tool-placement.js';

function certManagerValues(config: HubfleetConfig): Record<string, unknown> {
  const placement = toolPlacement(config);
  return {
    crds: { enabled: true, keep: true },
    ...placement,
    webhook: { ...placement },
    cainjector: { ...placement },
    startupapicheck: { ...placement },
  };
}

/**
 * cert-manager with its CRDs, only for `ingress.tls.mode: letsencrypt`: it obtains and renews the
 * host's certificate through the `letsencrypt` ClusterIssuer, replacing the delete-the-autohttps-pod
 * routine of seeds/002 (cert-manager keeps retrying until the load balancer answers).
 */
export const certManager: ClusterTool = {
  name: 'cert-manager',
  chart: 'cert-manager',
  repository: 'https://charts.jetstack.io',
  version: 'v1.21.1',
  namespace: 'cert-manager',
  enabled: (config) =>
    config.ingress.tls.mode === 'letsencrypt'
      ? {
          enabled: true,
          reason: "ingress.tls.mode is letsencrypt: it obtains and renews the host's certificate",
        }
      : { enabled: false, reason: `ingress.tls.mode is ${config.ingress.tls.mode}` },
  values: (config) => certManagerValues(config),
  manifests: (config) => tlsManifests(config).filter((entry) => entry.after.includes('cert-manager')),
};
