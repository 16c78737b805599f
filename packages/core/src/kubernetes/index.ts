export * from './helm/index.js';
export * from './hubs/index.js';
export * from './install/index.js';
export * from './placeholders/index.js';
export type { Taint, Toleration } from './placement.js';
export {
  coreNodeGroup,
  NODE_GROUP_LABEL,
  nodeGroupLabels,
  nodeGroupTaints,
  placementOn,
  roleLabels,
  roleTaints,
  tolerationsFor,
  toolsNodeGroup,
} from './placement.js';
export type { ProvisionedFacts } from './provisioned.js';
export { isProvisionedPlaceholder, NO_PROVISIONED_FACTS, provisionedPlaceholder } from './provisioned.js';
export type { Manifest, ReleaseSpec } from './release.js';
export { releaseId } from './release.js';
export * from './render/index.js';
export * from './storage/index.js';
export * from './tools/index.js';
