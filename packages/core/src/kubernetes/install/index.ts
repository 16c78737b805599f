export { canonicalJson, contentHash } from './content-hash.js';
export type { HelmInstallerOptions } from './helm-installer.js';
export { helmInstaller } from './helm-installer.js';
export { inInstallOrder } from './install-order.js';
export type { KubeCall, KubeRetryOptions } from './kube-client.js';
export { createKubeCall, kubeError } from './kube-client.js';
export type { ResourceCatalog, ResourceInfo } from './kube-resources.js';
export { createResourceCatalog, groupVersionPath } from './kube-resources.js';
export type { KubeRequest, KubeResponse, KubeTransport } from './kube-transport.js';
export { createKubeTransport, KUBE_REQUEST_TIMEOUT_MS } from './kube-transport.js';
export type { KubeCredentialKind, LoadedKubeconfig } from './kubeconfig.js';
export { loadKubeconfig } from './kubeconfig.js';
export type {
  KubeObject,
  ListOptions,
  ManifestApplier,
  NodeChange,
  NodeTaint,
  ObjectRef,
} from './manifest-applier.js';
export { createManifestApplier, describeRef, FIELD_MANAGER, refOf } from './manifest-applier.js';
export type {
  ClusterAccess,
  ReleaseInstaller,
  ReleaseReadiness,
  ReleaseTarget,
} from './release-installer.js';
export { observeRelease, workloadReadiness } from './release-installer.js';
export type { InstalledRelease } from './release-records.js';
export {
  HELM_RECORD_SELECTOR,
  HELM_RELEASE_SECRET_TYPE,
  latestReleases,
  readReleaseRecord,
  releaseRecordName,
  simulatedRecordSecret,
} from './release-records.js';
export type { SimulatedInstallerOptions } from './simulated-installer.js';
export { simulatedInstaller } from './simulated-installer.js';
export {
  PAUSE_IMAGE,
  representativeDeployment,
  SIMULATED_LABEL,
  standInDefinition,
} from './simulated-objects.js';
export { belongsToRelease, isWorkloadReady, WORKLOAD_KINDS } from './workload-readiness.js';
