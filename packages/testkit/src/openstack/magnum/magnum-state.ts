import type { Transitioning } from '../../framework/lifecycle.js';

/** Statuses clusters and nodegroups share (magnum/objects/fields.py ClusterStatus). */
export type MagnumStatus =
  | 'CREATE_IN_PROGRESS'
  | 'CREATE_COMPLETE'
  | 'CREATE_FAILED'
  | 'UPDATE_IN_PROGRESS'
  | 'UPDATE_COMPLETE'
  | 'UPDATE_FAILED'
  | 'DELETE_IN_PROGRESS'
  | 'DELETE_FAILED'
  | 'DELETE_COMPLETE';

export type HealthStatus = 'HEALTHY' | 'UNHEALTHY' | 'UNKNOWN';

export interface ClusterTemplateRecord {
  uuid: string;
  name: string;
  projectId: string;
  coe: string;
  imageId: string;
  keypairId: string | null;
  externalNetworkId: string | null;
  fixedNetwork: string | null;
  fixedSubnet: string | null;
  networkDriver: string;
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
  serverType: string;
  createdAt: number;
}

/** What an accepted update will change once it completes. */
export interface PendingResize {
  nodegroupId: string;
  nodeCount: number;
}

/** How the operation in progress ends, decided when it was accepted (tests script failures). */
export interface Outcome {
  /** The status reached, e.g. CREATE_COMPLETE or CREATE_FAILED; null: the resource is gone. */
  to: MagnumStatus | null;
  reason: string;
}

export interface ClusterRecord extends Transitioning<MagnumStatus> {
  uuid: string;
  name: string;
  projectId: string;
  userId: string;
  clusterTemplateId: string;
  keypair: string | null;
  flavorId: string | null;
  masterFlavorId: string | null;
  dockerVolumeSize: number | null;
  labels: Record<string, string>;
  createTimeout: number;
  statusReason: string | null;
  healthStatus: HealthStatus;
  apiAddress: string | null;
  stackId: string;
  coeVersion: string | null;
  fixedNetwork: string | null;
  fixedSubnet: string | null;
  floatingIpEnabled: boolean;
  masterLbEnabled: boolean;
  createdAt: number;
  updatedAt: number | null;
  outcome?: Outcome;
  pendingResize?: PendingResize;
}

export interface NodegroupRecord extends Transitioning<MagnumStatus> {
  uuid: string;
  name: string;
  clusterId: string;
  projectId: string;
  role: string;
  isDefault: boolean;
  flavorId: string | null;
  imageId: string;
  nodeCount: number;
  minNodeCount: number;
  maxNodeCount: number | null;
  dockerVolumeSize: number | null;
  labels: Record<string, string>;
  /** Kubernetes node labels and taints (container-infra 1.14). */
  nodeLabels: Record<string, string>;
  nodeTaints: string[];
  statusReason: string | null;
  stackId: string;
  createdAt: number;
  updatedAt: number | null;
  outcome?: Outcome;
  /** Node count to apply once an UPDATE_IN_PROGRESS completes. */
  pendingNodeCount?: number;
}

export interface MagnumState {
  clusterTemplates: Record<string, ClusterTemplateRecord>;
  clusters: Record<string, ClusterRecord>;
  nodegroups: Record<string, NodegroupRecord>;
  /** Each cluster's CA (Magnum keeps it in Barbican or its DB): PEM certificate and key. */
  certificateAuthorities: Record<string, { certificatePem: string; privateKeyPem: string }>;
  /** Deterministic addresses for nodes: a counter. */
  nextAddress: number;
}

export function createMagnumState(): MagnumState {
  return { clusterTemplates: {}, clusters: {}, nodegroups: {}, certificateAuthorities: {}, nextAddress: 10 };
}

export function isBusy(status: MagnumStatus): boolean {
  return status.endsWith('_IN_PROGRESS');
}

/** The conductor acts on an update only from a *_COMPLETE status (magnum/conductor/handlers). */
export function acceptsUpdate(status: MagnumStatus): boolean {
  return status.endsWith('_COMPLETE');
}
