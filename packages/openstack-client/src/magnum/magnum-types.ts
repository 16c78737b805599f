/** Statuses Magnum clusters and nodegroups share (api-ref container-infra "status"). */
export type MagnumStatus =
  | 'CREATE_IN_PROGRESS'
  | 'CREATE_COMPLETE'
  | 'CREATE_FAILED'
  | 'UPDATE_IN_PROGRESS'
  | 'UPDATE_COMPLETE'
  | 'UPDATE_FAILED'
  | 'DELETE_IN_PROGRESS'
  | 'DELETE_COMPLETE'
  | 'DELETE_FAILED'
  | 'ROLLBACK_IN_PROGRESS'
  | 'ROLLBACK_COMPLETE'
  | 'ROLLBACK_FAILED'
  | 'RESUME_COMPLETE'
  | 'RESUME_FAILED'
  | 'RESTORE_COMPLETE'
  | 'SNAPSHOT_COMPLETE'
  | 'CHECK_COMPLETE'
  | 'ADOPT_COMPLETE'
  | (string & {});

export interface MagnumClusterTemplate {
  uuid: string;
  name: string;
  coe: string;
  imageId: string | null;
  keypairId: string | null;
  externalNetworkId: string | null;
  fixedNetwork: string | null;
  fixedSubnet: string | null;
  networkDriver: string | null;
  volumeDriver: string | null;
  flavorId: string | null;
  masterFlavorId: string | null;
  dockerVolumeSize: number | null;
  labels: Record<string, string>;
  tlsDisabled: boolean;
  public: boolean;
  hidden: boolean;
  masterLbEnabled: boolean;
  floatingIpEnabled: boolean;
}

export interface MagnumCluster {
  uuid: string;
  name: string;
  status: MagnumStatus;
  statusReason: string | null;
  /** HEALTHY, UNHEALTHY or UNKNOWN. */
  healthStatus: string | null;
  /** A full URL (`https://host:6443`) once the cluster is up. */
  apiAddress: string | null;
  clusterTemplateId: string;
  keypair: string | null;
  nodeCount: number;
  masterCount: number;
  flavorId: string | null;
  masterFlavorId: string | null;
  labels: Record<string, string>;
  createTimeout: number | null;
  coeVersion: string | null;
  nodeAddresses: string[];
  masterAddresses: string[];
  projectId: string | null;
  stackId: string | null;
  fixedNetwork: string | null;
  fixedSubnet: string | null;
  floatingIpEnabled: boolean | null;
  masterLbEnabled: boolean | null;
  createdAt: number | undefined;
  updatedAt: number | undefined;
}

export interface MagnumNodegroup {
  uuid: string;
  name: string;
  clusterId: string | null;
  role: string;
  isDefault: boolean;
  status: MagnumStatus;
  statusReason: string | null;
  flavorId: string | null;
  imageId: string | null;
  nodeCount: number;
  minNodeCount: number;
  maxNodeCount: number | null;
  dockerVolumeSize: number | null;
  labels: Record<string, string>;
  /** Kubernetes node labels and taints: present from container-infra 1.14 only. */
  nodeLabels: Record<string, string> | undefined;
  nodeTaints: string[] | undefined;
  nodeAddresses: string[];
}

/** Statuses from which the conductor acts on an update; anything else drops it silently. */
export function isSettled(status: MagnumStatus): boolean {
  return status.endsWith('_COMPLETE');
}

export function isFailed(status: MagnumStatus): boolean {
  return status.endsWith('_FAILED');
}
