/**
 * The project's nfs-server chart. The version is kept here, not read from `charts/nfs-server/Chart.yaml`
 * at run time (core ships without the charts); a test keeps the two equal.
 */
export const NFS_SERVER_CHART = {
  chart: 'charts/nfs-server',
  repository: 'local',
  version: '0.1.0',
} as const;
