import type { HubfleetConfig } from '../../config/deployment.js';
import type { HubConfig } from '../../config/hub.js';
import { INGRESS_CLASS } from '../tools/tool-names.js';
import type { Values } from './deep-merge.js';

/**
 * ingress-nginx defaults that break notebooks: a 1 MiB request body (saving a notebook with plots
 * fails with 413) and 60 s read/send timeouts (quiet kernel websockets get cut).
 */
const NGINX_ANNOTATIONS = {
  'nginx.ingress.kubernetes.io/proxy-body-size': '256m',
  'nginx.ingress.kubernetes.io/proxy-read-timeout': '3600',
  'nginx.ingress.kubernetes.io/proxy-send-timeout': '3600',
};

/** The hub's path on the shared host: `/<hub>/` (z2jh's `hub.baseUrl` must start and end with `/`). */
export function hubBaseUrl(hub: Pick<HubConfig, 'name'>): string {
  return `/${hub.name}/`;
}

export function hubUrlScheme(config: Pick<HubfleetConfig, 'ingress'>): 'http' | 'https' {
  return config.ingress.tls.mode === 'none' ? 'http' : 'https';
}

/** `https://<host>/<hub>/`: where users reach the hub, and the base of OAuth callback URLs. */
export function hubPublicUrl(config: Pick<HubfleetConfig, 'ingress'>, hub: Pick<HubConfig, 'name'>): string {
  return `${hubUrlScheme(config)}://${config.ingress.host}${hubBaseUrl(hub)}`;
}

/**
 * TLS terminates at ingress-nginx with the cluster's one certificate (`hubfleet-tls`, its default
 * certificate: issued once by cert-manager, or the operator's files), so a hub's Ingress only lists the
 * host. One certificate for every hub keeps a deployment of many hubs under Let's Encrypt's limit of
 * five duplicate certificates a week.
 */
function tlsValues(config: Pick<HubfleetConfig, 'ingress'>): Values[] {
  return config.ingress.tls.mode === 'none' ? [] : [{ hosts: [config.ingress.host] }];
}

/**
 * The hub behind the cluster's one ingress-nginx: served at `https://<host>/<hub>/` (z2jh derives the
 * Ingress path from `hub.baseUrl`), with the proxy reachable only inside the cluster.
 */
export function ingressValues(config: Pick<HubfleetConfig, 'ingress'>, hub: Pick<HubConfig, 'name'>): Values {
  return {
    hub: { baseUrl: hubBaseUrl(hub) },
    proxy: { service: { type: 'ClusterIP' } },
    ingress: {
      enabled: true,
      ingressClassName: INGRESS_CLASS,
      hosts: [config.ingress.host],
      pathType: 'Prefix',
      annotations: NGINX_ANNOTATIONS,
      tls: tlsValues(config),
    },
  };
}
