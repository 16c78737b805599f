export type { ComputeFake, StartComputeFakeOptions } from './compute/compute-fake.js';
export { createComputeFake, startComputeFake } from './compute/compute-fake.js';
export type { ComputeFakeOptions } from './compute/compute-settings.js';
export { settleCompute } from './compute/compute-settle.js';
export type { AddressRecord, ComputeState, DiskRecord, SnapshotRecord } from './compute/compute-state.js';
export type { ContainerFake, StartContainerFakeOptions } from './container/container-fake.js';
export { createContainerFake, startContainerFake } from './container/container-fake.js';
export { settleContainer } from './container/container-operations.js';
export type { ContainerFakeOptions } from './container/container-settings.js';
export { DEFAULT_GKE_VERSIONS } from './container/container-settings.js';
export type {
  ClusterRecord,
  ContainerState,
  NodePoolRecord,
  OperationFailure,
  OperationRecord,
} from './container/container-state.js';
export { GKE_DURATIONS } from './gke-durations.js';
export { GoogleApiError, googleErrorResponse } from './google-errors.js';
export type { GoogleIamFake, GoogleStartIamFakeOptions } from './iam/iam-fake.js';
export { createGoogleIamFake, startGoogleIamFake } from './iam/iam-fake.js';
export type { GoogleIamFakeOptions } from './iam/iam-service-accounts.js';
export type { GoogleIamState, ServiceAccountRecord } from './iam/iam-state.js';
export type { PolicyBinding } from './iam-policy.js';
export type { MachineTypeRecord } from './machine-types.js';
export { DEFAULT_MACHINE_TYPES } from './machine-types.js';
export { googleApiAuthenticator } from './oauth2/oauth2-authenticate.js';
export type { OAuth2Fake } from './oauth2/oauth2-fake.js';
export { createOAuth2Fake, startOAuth2Fake } from './oauth2/oauth2-fake.js';
export { GOOGLE_TOKEN_URL } from './oauth2/oauth2-jwt.js';
export type { OAuth2State, ServiceAccountKey } from './oauth2/oauth2-state.js';
export { createOAuth2State, createServiceAccountKey, isValidAccessToken } from './oauth2/oauth2-state.js';
export type {
  ResourceManagerFake,
  StartResourceManagerFakeOptions,
} from './resource-manager/resource-manager-fake.js';
export {
  createResourceManagerFake,
  startResourceManagerFake,
} from './resource-manager/resource-manager-fake.js';
export type { ResourceManagerFakeOptions } from './resource-manager/resource-manager-policy.js';
export type { ResourceManagerState } from './resource-manager/resource-manager-state.js';
export type { StartStorageFakeOptions, StorageFake } from './storage/storage-fake.js';
export { createStorageFake, startStorageFake } from './storage/storage-fake.js';
export type { StorageFakeOptions } from './storage/storage-settings.js';
export type { GcsBucketRecord, GcsObjectRecord, StorageState } from './storage/storage-state.js';
