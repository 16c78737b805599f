export type { HubStorageMounts } from './hub-storage-mounts.js';
export {
  HOME_MOUNT_PATH,
  hubStorageMounts,
  NFS_LAYOUT,
  nfsHomeClaimName,
  nfsServerReleaseName,
} from './hub-storage-mounts.js';
export type { HubsOfDeployment, LiveClusterIps } from './nfs-cluster-ip.js';
export { nfsClusterIp, nfsClusterIps } from './nfs-cluster-ip.js';
export { NFS_SERVER_CHART } from './nfs-server-chart.js';
export type { NfsServerReleaseOptions } from './nfs-server-release.js';
export { nfsServerRelease } from './nfs-server-release.js';
export {
  ipv4ToNumber,
  KUBERNETES_DEFAULT_SERVICE_CIDR,
  parseServiceCidr,
  serviceCidrFor,
} from './service-cidr.js';
