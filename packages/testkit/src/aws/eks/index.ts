export { EKS_FAULTS } from './eks-errors.js';
export type { EksFake, RunningEksFake, StartEksFakeOptions } from './eks-fake.js';
export { createEksFake, startEksFake } from './eks-fake.js';
export type { EksNodeGroupView } from './eks-node-groups-view.js';
export { eksNodeGroups } from './eks-node-groups-view.js';
export type { EksFakeOptions, EksQuotas } from './eks-settings.js';
export { DEFAULT_EKS_QUOTAS } from './eks-settings.js';
export type {
  AddonRecord as EksAddonRecord,
  ClusterRecord as EksClusterRecord,
  ClusterStatus as EksClusterStatus,
  EksState,
  NodegroupRecord as EksNodegroupRecord,
  NodegroupStatus as EksNodegroupStatus,
  PodIdentityAssociationRecord as EksPodIdentityAssociationRecord,
  Taint as EksTaint,
  TaintEffect as EksTaintEffect,
  UpdateRecord as EksUpdateRecord,
} from './eks-state.js';
export { createEksState } from './eks-state.js';
export { kubernetesTaintEffect } from './eks-taints.js';
export { settleEks } from './eks-transitions.js';
