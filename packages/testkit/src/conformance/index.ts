export { checkClusterAbsent, checkCreateCluster } from './check-cluster.js';
export { checkDeleteNodeGroupsAndCluster, checkRetainsVolumesOnClusterDelete } from './check-delete.js';
export { checkQuotaErrorMapping } from './check-error-mapping.js';
export { checkDeleteIsIdempotent } from './check-idempotent-delete.js';
export { checkKubeconfigReachesApi } from './check-kubeconfig.js';
export { checkCreateNodeGroups, checkNodeGroupLabels } from './check-node-groups.js';
export { checkNodeLabelsOnNodes } from './check-node-labels.js';
export { checkOwnershipTags } from './check-ownership.js';
export { checkProviderResources, providerResourceOrder } from './check-provider-resources.js';
export { checkReplanIsNoop, checkSecondCreateIsIdempotent } from './check-replan.js';
export { checkRetriesTransientFaults, TRANSIENT_FAULTS } from './check-retries.js';
export { checkServiceRange } from './check-service-range.js';
export { checkUpdatedLabels, checkUpdateNodeGroup } from './check-update.js';
export {
  checkCreateVolume,
  checkDeleteVolume,
  checkVolumeAttachment,
  checkVolumeSnapshot,
} from './check-volumes.js';
export type { ConformanceContext } from './conformance-context.js';
export { conformanceContext } from './conformance-context.js';
export type {
  ConformanceHandle,
  ConformanceProvider,
  PollOptions,
  ProviderConformanceOptions,
  QuotaFaultOptions,
} from './conformance-options.js';
export type { ConformanceStageReport } from './conformance-report.js';
export { conformanceReport, formatConformanceReport } from './conformance-report.js';
export type { ConformanceStage, ConformanceStageId } from './conformance-stages.js';
export { CONFORMANCE_STAGES } from './conformance-stages.js';
export { holdLockAs, lockHolder } from './deployment-lock.js';
export { IN_MEMORY_DURATIONS, IN_MEMORY_SERVICE } from './in-memory-cloud.js';
export { inMemoryConformanceConfig } from './in-memory-config.js';
export type { InMemoryKubernetesOptions } from './in-memory-kubernetes.js';
export { IN_MEMORY_NODEGROUP_LABEL, withInMemoryKubernetes } from './in-memory-kubernetes.js';
export { IN_MEMORY_CAPABILITIES, inMemoryProvider } from './in-memory-provider.js';
export type { InMemoryResource } from './in-memory-resources.js';
export { inMemoryProviderResources } from './in-memory-resources.js';
export type { InMemorySession, InMemorySessionOptions } from './in-memory-session.js';
export { createInMemorySession } from './in-memory-session.js';
export type { InMemoryCloudState } from './in-memory-state.js';
export { createInMemoryCloudState } from './in-memory-state.js';
export { IN_MEMORY_CSI_DRIVER } from './in-memory-volumes.js';
export type { LoadTimeImports } from './load-time-imports.js';
export { loadTimeImports, OFFLINE_PACKAGE } from './load-time-imports.js';
export type { NodeGroupDrift } from './node-group-drift.js';
export { isConfiguredMinor, nodeGroupDrift } from './node-group-drift.js';
export { removeEverything } from './remove-everything.js';
export { expectedNodeGroupLabels, expectedNodeGroupTaints } from './role-labels.js';
export { runProviderConformance } from './run-provider-conformance.js';
