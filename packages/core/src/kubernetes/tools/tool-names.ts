/** Names other layers (hubs, render) share with the tools, so they never drift apart. */
export const INGRESS_NAMESPACE = 'ingress-nginx';
/** The IngressClass hubs' Ingresses use. */
export const INGRESS_CLASS = 'nginx';
/**
 * The one TLS Secret for `ingress.host`, in the ingress namespace, served by ingress-nginx as its
 * default certificate. Hubs' Ingresses list the host under `tls` without a `secretName`, so one
 * certificate serves every hub (Secrets cannot be shared across namespaces, and one Let's Encrypt
 * certificate per hub would run into its rate limits: seeds/002).
 */
export const TLS_SECRET_NAME = 'hubfleet-tls';
/** The ClusterIssuer cert-manager uses in `letsencrypt` mode. */
export const CLUSTER_ISSUER_NAME = 'letsencrypt';
/** Label the Grafana sidecar watches: a ConfigMap with it (any namespace) becomes a dashboard. */
export const GRAFANA_DASHBOARD_LABEL = 'grafana_dashboard';
/** Label on every object hubfleet applies itself. */
export const MANAGED_BY_LABELS = { 'app.kubernetes.io/managed-by': 'hubfleet' } as const;
