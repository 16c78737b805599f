import type { Transition } from '../../framework/lifecycle.js';
/**
 * The EKS fake's state: plain JSON (persisted by createStateStore in sim mode). Times are epoch
 * milliseconds on the fake's clock; statuses move on by themselves when a `transition` falls due.
 */
export type ClusterStatus = 'CREATING' | 'ACTIVE' | 'DELETING' | 'FAILED' | 'UPDATING' | 'PENDING';
export type NodegroupStatus =
  | 'CREATING'
  | 'ACTIVE'
  | 'UPDATING'
  | 'DELETING'
  | 'CREATE_FAILED'
  | 'DELETE_FAILED'
  | 'DEGRADED';
export type AddonStatus =
  | 'CREATING'
  | 'ACTIVE'
  | 'DELETING'
  | 'CREATE_FAILED'
  | 'DELETE_FAILED'
  | 'DEGRADED'
  | 'UPDATING';
export type UpdateStatus = 'InProgress' | 'Successful' | 'Failed' | 'Cancelled';
export type TaintEffect = 'NO_SCHEDULE' | 'NO_EXECUTE' | 'PREFER_NO_SCHEDULE';

export type { Transition } from '../../framework/lifecycle.js';

export interface Taint {
  key: string;
  value?: string;
  effect: TaintEffect;
}

export interface ScalingConfig {
  minSize: number;
  maxSize: number;
  desiredSize: number;
}

/** Idempotency: the token a create was sent with, and a fingerprint of the rest of that request. */
export interface RequestIdentity {
  clientRequestToken?: string;
  requestFingerprint: string;
}

export interface ClusterRecord extends RequestIdentity {
  name: string;
  arn: string;
  id: string;
  createdAt: number;
  /** Until this time Describe answers 404 (eventual consistency after create). */
  visibleAt: number;
  version: string;
  roleArn: string;
  status: ClusterStatus;
  transition?: Transition<ClusterStatus>;
  subnetIds: string[];
  securityGroupIds: string[];
  clusterSecurityGroupId: string;
  vpcId: string;
  endpointPublicAccess: boolean;
  endpointPrivateAccess: boolean;
  publicAccessCidrs: string[];
  serviceIpv4Cidr: string;
  authenticationMode: string;
  bootstrapClusterCreatorAdminPermissions: boolean;
  endpoint: string;
  certificateAuthorityData: string;
  oidcIssuer: string;
  tags: Record<string, string>;
  nodegroups: Record<string, NodegroupRecord>;
  addons: Record<string, AddonRecord>;
  podIdentityAssociations: Record<string, PodIdentityAssociationRecord>;
  updates: Record<string, UpdateRecord>;
  /** The VersionUpdate that put this cluster in UPDATING; its version applies when it completes. */
  activeUpdateId?: string;
}

export interface NodegroupRecord extends RequestIdentity {
  nodegroupName: string;
  nodegroupArn: string;
  clusterName: string;
  version: string;
  releaseVersion: string;
  createdAt: number;
  modifiedAt: number;
  visibleAt: number;
  status: NodegroupStatus;
  transition?: Transition<NodegroupStatus>;
  capacityType: string;
  scalingConfig: ScalingConfig;
  instanceTypes: string[];
  subnets: string[];
  amiType: string;
  nodeRole: string;
  labels: Record<string, string>;
  taints: Taint[];
  diskSize: number;
  tags: Record<string, string>;
  autoScalingGroupName: string;
  maxUnavailable: number;
  /** The update that put this nodegroup in UPDATING; its change applies when it completes. */
  activeUpdateId?: string;
}

/** What an UpdateNodegroupConfig changes, applied when the update completes. */
export interface NodegroupConfigChange {
  scalingConfig?: Partial<ScalingConfig>;
  addOrUpdateLabels?: Record<string, string>;
  removeLabels?: string[];
  addOrUpdateTaints?: Taint[];
  removeTaints?: { key: string; effect?: TaintEffect }[];
}

export interface UpdateRecord extends RequestIdentity {
  id: string;
  type: string;
  status: UpdateStatus;
  params: { type: string; value: string }[];
  createdAt: number;
  completesAt: number;
  nodegroupName?: string;
  change?: NodegroupConfigChange;
  /** A VersionUpdate's target: the Kubernetes version (and AMI release) applied when it completes. */
  version?: { kubernetesVersion: string; releaseVersion?: string };
}

export interface AddonRecord extends RequestIdentity {
  addonName: string;
  clusterName: string;
  addonArn: string;
  addonVersion: string;
  status: AddonStatus;
  transition?: Transition<AddonStatus>;
  createdAt: number;
  modifiedAt: number;
  serviceAccountRoleArn?: string;
  configurationValues?: string;
  podIdentityAssociations: string[];
  tags: Record<string, string>;
}

export interface PodIdentityAssociationRecord extends RequestIdentity {
  associationId: string;
  associationArn: string;
  clusterName: string;
  namespace: string;
  serviceAccount: string;
  roleArn: string;
  targetRoleArn?: string;
  /** The add-on that created the association, if one did. */
  ownerArn?: string;
  disableSessionTags: boolean;
  createdAt: number;
  modifiedAt: number;
  tags: Record<string, string>;
}

/** A create's clientRequestToken, remembered after its resource is gone (`${operation}:${token}`). */
export interface SpentTokenRecord {
  /** What the token made, e.g. `cluster/demo` or `nodegroup/demo/users`. */
  resource: string;
  requestFingerprint: string;
}

export interface EksState {
  clusters: Record<string, ClusterRecord>;
  /** Optional so state saved before tokens were kept still loads. */
  spentTokens?: Record<string, SpentTokenRecord>;
}

export function createEksState(): EksState {
  return { clusters: {}, spentTokens: {} };
}
