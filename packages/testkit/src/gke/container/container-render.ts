import { rfc3339 } from '../google-ids.js';
import type { EnumWriter } from './container-enums.js';
import { containerLink, nodePoolKey } from './container-links.js';
import type { ClusterRecord, NodeConfigRecord, NodePoolRecord } from './container-state.js';

function renderConfig(config: NodeConfigRecord, enums: EnumWriter): Record<string, unknown> {
  return {
    machineType: config.machineType,
    diskSizeGb: config.diskSizeGb,
    diskType: config.diskType,
    imageType: config.imageType,
    labels: config.labels,
    taints: config.taints.map((taint) => ({ ...taint, effect: enums('taintEffect', taint.effect) })),
    resourceLabels: config.resourceLabels,
    accelerators: config.accelerators.map((accelerator) => ({
      acceleratorCount: String(accelerator.acceleratorCount),
      acceleratorType: accelerator.acceleratorType,
      ...(accelerator.gpuDriverVersion === undefined
        ? {}
        : {
            gpuDriverInstallationConfig: {
              gpuDriverVersion: enums('gpuDriverVersion', accelerator.gpuDriverVersion),
            },
          }),
    })),
    oauthScopes: config.oauthScopes,
    serviceAccount: config.serviceAccount,
    metadata: { 'disable-legacy-endpoints': 'true' },
    ...(config.workloadMetadataMode === undefined
      ? {}
      : { workloadMetadataConfig: { mode: enums('workloadMetadataMode', config.workloadMetadataMode) } }),
  };
}

export function renderNodePool(
  cluster: ClusterRecord,
  pool: NodePoolRecord,
  enums: EnumWriter,
): Record<string, unknown> {
  const key = nodePoolKey(
    `projects/${cluster.project}/locations/${cluster.location}/clusters/${cluster.name}`,
    pool.name,
  );
  return {
    name: pool.name,
    config: renderConfig(pool.config, enums),
    initialNodeCount: pool.initialNodeCount,
    locations: pool.locations,
    selfLink: containerLink(key),
    version: pool.version,
    instanceGroupUrls: pool.locations.map(
      (zone) =>
        `https://www.googleapis.com/compute/v1/projects/${cluster.project}/zones/${zone}/instanceGroupManagers/gke-${cluster.name}-${pool.name}-grp`,
    ),
    status: enums('nodePoolStatus', pool.status),
    ...(pool.statusMessage === undefined ? {} : { statusMessage: pool.statusMessage }),
    ...(pool.autoscaling === undefined
      ? {}
      : {
          autoscaling: {
            ...pool.autoscaling,
            ...(pool.autoscaling.locationPolicy === undefined
              ? {}
              : { locationPolicy: enums('locationPolicy', pool.autoscaling.locationPolicy) }),
          },
        }),
    management: { autoUpgrade: true, autoRepair: true },
    podIpv4CidrSize: 24,
    etag: pool.etag,
  };
}

export function renderCluster(cluster: ClusterRecord, enums: EnumWriter): Record<string, unknown> {
  const pools = Object.values(cluster.nodePools);
  const nodes = pools.reduce((sum, pool) => sum + pool.nodeCount * pool.locations.length, 0);
  const key = `projects/${cluster.project}/locations/${cluster.location}/clusters/${cluster.name}`;
  return {
    name: cluster.name,
    id: cluster.id,
    location: cluster.location,
    zone: cluster.location,
    locations: cluster.locations,
    selfLink: containerLink(key),
    createTime: rfc3339(cluster.createTime),
    status: enums('clusterStatus', cluster.status),
    ...(cluster.statusMessage === undefined ? {} : { statusMessage: cluster.statusMessage }),
    initialClusterVersion: cluster.initialClusterVersion,
    currentMasterVersion: cluster.currentMasterVersion,
    currentNodeVersion: pools[0]?.version ?? cluster.currentMasterVersion,
    currentNodeCount: nodes,
    releaseChannel: { channel: enums('releaseChannel', cluster.releaseChannel) },
    resourceLabels: cluster.resourceLabels,
    labelFingerprint: cluster.labelFingerprint,
    // Empty until the control plane exists, as on GKE.
    endpoint: cluster.status === 'PROVISIONING' ? '' : cluster.endpoint,
    masterAuth: {
      clusterCaCertificate: cluster.status === 'PROVISIONING' ? '' : cluster.clusterCaCertificate,
    },
    servicesIpv4Cidr: cluster.servicesIpv4Cidr,
    clusterIpv4Cidr: cluster.clusterIpv4Cidr,
    ipAllocationPolicy: {
      useIpAliases: true,
      servicesIpv4CidrBlock: cluster.servicesIpv4Cidr,
      clusterIpv4CidrBlock: cluster.clusterIpv4Cidr,
    },
    network: cluster.network,
    subnetwork: cluster.subnetwork,
    nodePools: pools.map((pool) => renderNodePool(cluster, pool, enums)),
    ...(cluster.workloadPool === undefined
      ? {}
      : { workloadIdentityConfig: { workloadPool: cluster.workloadPool } }),
  };
}
