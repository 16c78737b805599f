import type { HubfleetConfig } from '../../config/deployment.js';
import type { HubConfig } from '../../config/hub.js';
import { coreNodeGroup, placementOn } from '../placement.js';
import type { ProvisionedFacts } from '../provisioned.js';
import type { ReleaseSpec } from '../release.js';
import { nfsServerReleaseName } from './hub-storage-mounts.js';
import { type LiveClusterIps, nfsClusterIps } from './nfs-cluster-ip.js';
import { NFS_SERVER_CHART } from './nfs-server-chart.js';
import { nfsServerValues, placeholderAttachment } from './nfs-server-values.js';

export interface NfsServerReleaseOptions {
  /** The cluster's Service range (`serviceCidrFor`: observed, else the provider's documented default). */
  serviceCidr: string;
  /** clusterIPs of the NFS Services that already exist, by hub: kept as they are. */
  liveClusterIps?: LiveClusterIps;
  /** Every other clusterIP in use: no NFS server takes one. */
  otherServiceIps?: readonly string[];
}

/**
 * The hub's nfs-server release: an NFS server on the provider's volume with a fixed clusterIP (or, for
 * a provider whose volume is already an NFS export, just the PersistentVolume naming that export),
 * placed on the core nodegroup. Undefined for per-user-volume hubs, which have no shared disk.
 * Without the volume's facts (`render` offline) the values carry `<provisioned: ...>` placeholders.
 */
export function nfsServerRelease(
  config: HubfleetConfig,
  hub: HubConfig,
  facts: ProvisionedFacts,
  options: NfsServerReleaseOptions,
): ReleaseSpec | undefined {
  if (hub.storage.home !== 'shared-nfs') return undefined;
  const { serviceCidr } = options;
  const clusterIp =
    nfsClusterIps(config, serviceCidr, options.liveClusterIps, options.otherServiceIps).get(hub.name) ?? '';
  const provisioned = facts.volumes[hub.name];
  const attachment = provisioned ?? placeholderAttachment(hub.name);
  const external = attachment.nfsExport;
  return {
    release: nfsServerReleaseName(hub.name),
    namespace: hub.name,
    chart: NFS_SERVER_CHART.chart,
    repository: NFS_SERVER_CHART.repository,
    version: NFS_SERVER_CHART.version,
    values: nfsServerValues({ hub, attachment, clusterIp, placement: placementOn(coreNodeGroup(config)) }),
    dependsOn: [],
    reason: external
      ? `shared-nfs hub "${hub.name}": its homes on the NFS export ${external.server}:${external.path}`
      : `shared-nfs hub "${hub.name}": an NFS server on its ${hub.storage.size} volume at ${clusterIp}`,
  };
}
