export { type BucketWordingV1, diffBackupBucket, type ObservedBucketV1 } from './bucket-diff.js';
export type { ProviderCapabilitiesV1 } from './capabilities.js';
export type { MachineCatalogV1, MachineTypeV1 } from './catalog.js';
export { dataOnDelete } from './data-on-delete.js';
export type { BackupStorageV1, ProviderDeploymentV1, TypicalDurationKindV1 } from './deploying.js';
export {
  isSameMinorVersion,
  minorVersionOf,
  type VersionChange,
  versionChange,
} from './kubernetes-version.js';
export type { DeploymentLockApiV1, DeploymentLockRecordV1, LockHolderV1 } from './lock.js';
export type { MachineTypeOfferV1, MachineTypesApiV1 } from './machine-types.js';
export { machineOrDiskChanged } from './node-group-replacement.js';
export type { ComponentName } from './ownership.js';
export { OwnershipTag, ownershipTags } from './ownership.js';
export type {
  ConnectContextV1,
  ProviderSettingsV1,
  ProviderV1,
  RenderedArtifactV1,
  SimulationV1,
  ToolDefaultV1,
  ToolName,
  ValidationContextV1,
} from './provider.js';
export { simulationOf } from './provider.js';
export type {
  DeploymentFactsV1,
  KubernetesAccessV1,
  ProviderResourceDiffV1,
  ProviderResourceFieldV1,
  ProviderResourceV1,
  ResourceAnchorV1,
  ResourceContextV1,
  ResourceDataV1,
} from './resources.js';
export type {
  AddonSpecV1,
  BaseResourceV1,
  ClusterApiV1,
  CredentialHelperV1,
  NodeGroupApiV1,
  ObservedClusterV1,
  ObservedNodeGroupV1,
  ObservedSnapshotV1,
  ObservedVolumeV1,
  ProviderSessionV1,
  ResourceStatusV1,
  SnapshotStatusV1,
  VolumeApiV1,
  VolumeAttachmentV1,
} from './session.js';
export type { ProviderWarningV1 } from './warnings.js';
