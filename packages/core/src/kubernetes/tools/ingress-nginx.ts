import type { HubfleetConfig } from '../../config/deployment.js';
import type { ProviderV1 } from '../../provider/v1/provider.js';
import type { ClusterTool } from './cluster-tool.js';
import { tlsManifests } from './tls-manifests.js';
import { INGRESS_CLASS, INGRESS_NAMESPACE, TLS_SECRET_NAME } from './tool-names.js';
import { toolPlacement } from './tool-placement.js';

/** How the controller is reached: a cloud load balancer, or host ports 80/443 on the tools nodes. */
function exposure(provider: ProviderV1): Record<string, unknown> {
  if (provider.capabilities.loadBalancer) return { service: { type: 'LoadBalancer' } };
  return {
    kind: 'DaemonSet',
    hostPort: { enabled: true, ports: { http: 80, https: 443 } },
    service: { type: 'ClusterIP' },
    publishService: { enabled: false },
  };
}

function ingressValues(config: HubfleetConfig, provider: ProviderV1): Record<string, unknown> {
  const placement = toolPlacement(config);
  const tls = config.ingress.tls.mode !== 'none';
  return {
    controller: {
      ingressClass: INGRESS_CLASS,
      ingressClassResource: { name: INGRESS_CLASS, enabled: true, default: true },
      nodeSelector: placement.nodeSelector,
      tolerations: placement.tolerations,
      config: {
        // Notebooks and data files are uploaded through the proxy; nginx's default is 1m.
        'proxy-body-size': '256m',
        // Kernels talk over websockets that stay open for hours.
        'proxy-read-timeout': '3600',
        'proxy-send-timeout': '3600',
      },
      ...(tls ? { extraArgs: { 'default-ssl-certificate': `${INGRESS_NAMESPACE}/${TLS_SECRET_NAME}` } } : {}),
      admissionWebhooks: {
        patch: { nodeSelector: placement.nodeSelector, tolerations: placement.tolerations },
      },
      ...exposure(provider),
    },
  };
}

/**
 * ingress-nginx: the one entrance for every hub (`https://<host>/<hub>/`), as in seeds/000 step 01.
 * With TLS it serves `hubfleet-tls` as its default certificate, so hubs need no Secret of their own.
 * Where the cloud has no load balancer (NeCTAR VMs) it listens on ports 80/443 of the tools nodes.
 * Provider add-ons add the cloud's specifics under `toolValues['ingress-nginx']` (a reserved GKE
 * address, an OpenStack floating IP).
 */
export const ingressNginx: ClusterTool = {
  name: 'ingress-nginx',
  chart: 'ingress-nginx',
  repository: 'https://kubernetes.github.io/ingress-nginx',
  version: '4.15.1',
  namespace: INGRESS_NAMESPACE,
  enabled: () => ({ enabled: true, reason: `every hub is served through it at https://<host>/<hub>/` }),
  values: (config, provider) => ingressValues(config, provider),
  manifests: (config) => tlsManifests(config).filter((entry) => entry.before.includes('ingress-nginx')),
};
