export type { NodeGroupPriority } from './autoscaler-priorities.js';
export { expanderPriorities, nodeGroupPattern, nodeGroupPriorities } from './autoscaler-priorities.js';
export { BACKUP_SCHEDULE_NAME, backups } from './backups.js';
export { certManager } from './cert-manager.js';
export { clusterAutoscaler } from './cluster-autoscaler.js';
export type { ClusterTool, ToolDecision, ToolManifest } from './cluster-tool.js';
export { gpuOperator, nvidiaDevicePlugin } from './gpu-driver.js';
export { ingressNginx } from './ingress-nginx.js';
export { mergeValues } from './merge-values.js';
export { GRAFANA_ADMIN_SECRET, GRAFANA_PATH, MONITORING_NAMESPACE, monitoring } from './monitoring.js';
export {
  REGISTRY_CACHE_NODE_PORT,
  registryCache,
  registryCachePrefix,
  throughRegistryCache,
} from './registry-cache.js';
export type { SecretManifestOptions } from './secret-manifest.js';
export {
  isReferencePlaceholder,
  referencePlaceholder,
  resolveSecretManifest,
  SECRET_SOURCES_ANNOTATION,
  secretManifest,
} from './secret-manifest.js';
export { LETS_ENCRYPT_SERVER, tlsManifests } from './tls-manifests.js';
export { TOOL_CATALOG } from './tool-catalog.js';
export {
  CLUSTER_ISSUER_NAME,
  GRAFANA_DASHBOARD_LABEL,
  INGRESS_CLASS,
  INGRESS_NAMESPACE,
  MANAGED_BY_LABELS,
  TLS_SECRET_NAME,
} from './tool-names.js';
export type { ManifestStep, ToolReleaseChoice, ToolReleasePlan } from './tool-releases.js';
export { toolReleases } from './tool-releases.js';
