/**
 * The GKE (container v1) fake's state: plain JSON, persisted in sim mode. Keys are resource names
 * (`projects/p/locations/l/clusters/c`). Enums are kept as their names; `container-enums.ts` renders
 * them as numbers when the client asks for `enum-encoding=int`.
 */
export type ClusterStatus = 'PROVISIONING' | 'RUNNING' | 'RECONCILING' | 'STOPPING' | 'ERROR' | 'DEGRADED';
export type NodePoolStatus =
  | 'PROVISIONING'
  | 'RUNNING'
  | 'RUNNING_WITH_ERROR'
  | 'RECONCILING'
  | 'STOPPING'
  | 'ERROR';
export type OperationStatus = 'PENDING' | 'RUNNING' | 'DONE' | 'ABORTING';
export type OperationType =
  | 'CREATE_CLUSTER'
  | 'DELETE_CLUSTER'
  | 'UPGRADE_MASTER'
  | 'UPGRADE_NODES'
  | 'UPDATE_CLUSTER'
  | 'CREATE_NODE_POOL'
  | 'DELETE_NODE_POOL'
  | 'SET_LABELS'
  | 'SET_NODE_POOL_SIZE';
export type TaintEffect = 'NO_SCHEDULE' | 'PREFER_NO_SCHEDULE' | 'NO_EXECUTE';

export interface NodeTaint {
  key: string;
  value: string;
  effect: TaintEffect;
}

export interface Accelerator {
  acceleratorCount: number;
  acceleratorType: string;
  /** GPUDriverInstallationConfig.gpuDriverVersion: INSTALLATION_DISABLED, DEFAULT, LATEST. */
  gpuDriverVersion?: string;
}

export interface NodeConfigRecord {
  machineType: string;
  diskSizeGb: number;
  diskType: string;
  imageType: string;
  labels: Record<string, string>;
  taints: NodeTaint[];
  resourceLabels: Record<string, string>;
  accelerators: Accelerator[];
  oauthScopes: string[];
  serviceAccount: string;
  /** GKE_METADATA when Workload Identity serves this pool's pods. */
  workloadMetadataMode?: string;
}

export interface AutoscalingRecord {
  enabled: boolean;
  minNodeCount: number;
  maxNodeCount: number;
  locationPolicy?: string;
}

export interface NodePoolRecord {
  name: string;
  status: NodePoolStatus;
  statusMessage?: string;
  config: NodeConfigRecord;
  initialNodeCount: number;
  /** Nodes per zone right now (what setSize and the autoscaler move). */
  nodeCount: number;
  autoscaling?: AutoscalingRecord;
  locations: string[];
  version: string;
  etag: string;
}

export interface ClusterRecord {
  project: string;
  location: string;
  name: string;
  id: string;
  createTime: number;
  status: ClusterStatus;
  statusMessage?: string;
  releaseChannel: string;
  initialClusterVersion: string;
  currentMasterVersion: string;
  resourceLabels: Record<string, string>;
  labelFingerprint: string;
  endpoint: string;
  clusterCaCertificate: string;
  servicesIpv4Cidr: string;
  clusterIpv4Cidr: string;
  locations: string[];
  network: string;
  subnetwork: string;
  workloadPool?: string;
  nodePools: Record<string, NodePoolRecord>;
  /** The operation running on this cluster: GKE runs one at a time. */
  activeOperation?: string;
}

/** What an operation changes when it finishes, recorded when it starts. */
export type OperationEffect =
  | { kind: 'cluster-created' }
  | { kind: 'cluster-deleted' }
  | { kind: 'node-pool-created'; nodePool: string }
  | { kind: 'node-pool-deleted'; nodePool: string }
  | { kind: 'node-pool-changed'; nodePool: string; change: NodePoolChange }
  | { kind: 'cluster-changed'; change: ClusterChange };

export interface NodePoolChange {
  config?: Partial<NodeConfigRecord>;
  nodeCount?: number;
  autoscaling?: AutoscalingRecord;
  version?: string;
  locations?: string[];
}

export interface ClusterChange {
  resourceLabels?: Record<string, string>;
  currentMasterVersion?: string;
  releaseChannel?: string;
  workloadPool?: string;
}

export interface OperationRecord {
  /** `projects/p/locations/l/operations/op`. */
  key: string;
  name: string;
  project: string;
  location: string;
  operationType: OperationType;
  /** The cluster's key; the operation ends when `doneAt` passes. */
  cluster: string;
  targetLink: string;
  selfLink: string;
  startTime: number;
  /** PENDING until then, then RUNNING. */
  runningAt: number;
  doneAt: number;
  status: OperationStatus;
  endTime?: number;
  effect: OperationEffect;
  /** Set when the operation ends in failure (google.rpc.Status). */
  error?: { code: number; message: string };
  /** Fails when it finishes, with this message (scripted by a test). */
  failWith?: string;
}

/** A scripted failure for the next operation of a type: it ends DONE with `error`. */
export interface OperationFailure {
  operationType: OperationType;
  message: string;
}

export interface ContainerState {
  clusters: Record<string, ClusterRecord>;
  operations: Record<string, OperationRecord>;
  /** Operations scripted to fail (consumed in order). */
  failures: OperationFailure[];
}

export function createContainerState(): ContainerState {
  return { clusters: {}, operations: {}, failures: [] };
}
