import { backups } from './backups.js';
import { certManager } from './cert-manager.js';
import { clusterAutoscaler } from './cluster-autoscaler.js';
import type { ClusterTool } from './cluster-tool.js';
import { gpuOperator, nvidiaDevicePlugin } from './gpu-driver.js';
import { ingressNginx } from './ingress-nginx.js';
import { monitoring } from './monitoring.js';
import { registryCache } from './registry-cache.js';

/**
 * Every cluster tool, in install order: ingress-nginx first (hubs, Grafana and the ACME challenge
 * all go through it), cert-manager next (the ClusterIssuer and Certificate need its CRDs), then the
 * rest, which depend on neither and can run at once.
 */
export const TOOL_CATALOG: readonly ClusterTool[] = [
  ingressNginx,
  certManager,
  clusterAutoscaler,
  registryCache,
  nvidiaDevicePlugin,
  gpuOperator,
  monitoring,
  backups,
];
