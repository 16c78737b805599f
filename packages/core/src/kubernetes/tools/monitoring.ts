import type { HubfleetConfig } from '../../config/deployment.js';
import type { ClusterTool, ToolManifest } from './cluster-tool.js';
import { secretManifest } from './secret-manifest.js';
import { configChoice } from './tool-choice.js';
import { GRAFANA_DASHBOARD_LABEL, INGRESS_CLASS } from './tool-names.js';
import { toolPlacement } from './tool-placement.js';

export const MONITORING_NAMESPACE = 'monitoring';
/** The Secret Grafana reads its admin login from (`grafana.admin.existingSecret`). */
export const GRAFANA_ADMIN_SECRET = 'grafana-admin';
/** Grafana is served under the shared host, like the hubs: `https://<host>/grafana/` (seeds/000 step 06). */
export const GRAFANA_PATH = '/grafana';

function grafanaValues(config: HubfleetConfig): Record<string, unknown> {
  const tls = config.ingress.tls.mode !== 'none';
  const host = config.ingress.host;
  const adminPassword = config.tools.monitoring?.grafana?.adminPassword;
  return {
    ...toolPlacement(config),
    // Without a reference the chart generates a random password into its own Secret.
    ...(adminPassword === undefined
      ? {}
      : {
          admin: {
            existingSecret: GRAFANA_ADMIN_SECRET,
            userKey: 'admin-user',
            passwordKey: 'admin-password',
          },
        }),
    'grafana.ini': {
      server: { root_url: `${tls ? 'https' : 'http'}://${host}${GRAFANA_PATH}/`, serve_from_sub_path: true },
    },
    ingress: {
      enabled: true,
      ingressClassName: INGRESS_CLASS,
      hosts: [host],
      path: GRAFANA_PATH,
      pathType: 'Prefix',
      // No secretName: ingress-nginx serves its default certificate (hubfleet-tls) for the host.
      tls: tls ? [{ hosts: [host] }] : [],
    },
    sidecar: {
      dashboards: { enabled: true, label: GRAFANA_DASHBOARD_LABEL, labelValue: '1', searchNamespace: 'ALL' },
    },
  };
}

function monitoringValues(config: HubfleetConfig): Record<string, unknown> {
  const placement = toolPlacement(config);
  return {
    grafana: grafanaValues(config),
    prometheus: {
      prometheusSpec: {
        ...placement,
        // Pick up ServiceMonitors and rules from every namespace (hubs'), not only this release's.
        serviceMonitorSelectorNilUsesHelmValues: false,
        podMonitorSelectorNilUsesHelmValues: false,
        ruleSelectorNilUsesHelmValues: false,
      },
    },
    alertmanager: { alertmanagerSpec: { ...placement } },
    prometheusOperator: { ...placement, admissionWebhooks: { patch: { ...placement } } },
    'kube-state-metrics': { ...placement },
    // One exporter on every node, GPU and user nodes included, whatever their taints.
    'prometheus-node-exporter': { tolerations: [{ operator: 'Exists' }] },
  };
}

/** The Grafana admin Secret, with a placeholder where the referenced password goes. */
function grafanaAdminSecret(config: HubfleetConfig): ToolManifest[] {
  const adminPassword = config.tools.monitoring?.grafana?.adminPassword;
  if (adminPassword === undefined) return [];
  const manifest = secretManifest({
    name: GRAFANA_ADMIN_SECRET,
    namespace: MONITORING_NAMESPACE,
    plain: { 'admin-user': 'admin' },
    referenced: { 'admin-password': adminPassword },
  });
  return [{ manifest, after: [], before: ['kube-prometheus-stack'] }];
}

/**
 * kube-prometheus-stack: Prometheus, Alertmanager and Grafana (seeds/000 steps 05-06, seeds/002).
 * The admin password comes from its secret reference through a Secret (`grafana.admin.existingSecret`),
 * never through values. JupyterHub dashboards are not bundled: jupyterhub/grafana-dashboards is
 * built with jsonnet and pushed through Grafana's API; the dashboard sidecar here loads any ConfigMap
 * labelled `grafana_dashboard: "1"` in any namespace, which is how such dashboards can be added.
 */
export const monitoring: ClusterTool = {
  name: 'kube-prometheus-stack',
  configKey: 'monitoring',
  chart: 'kube-prometheus-stack',
  repository: 'https://prometheus-community.github.io/helm-charts',
  version: '88.5.3',
  namespace: MONITORING_NAMESPACE,
  // Grafana's Ingress is checked by ingress-nginx's admission webhook, which must be up.
  after: ['ingress-nginx'],
  enabled: (config, provider) => configChoice(config, provider, 'monitoring'),
  values: (config) => monitoringValues(config),
  manifests: (config) => grafanaAdminSecret(config),
};
