export type { AuthConfig } from './auth.js';
export { AUTH_TYPES } from './auth.js';
export type { ClusterConfig, NodeGroupConfig, NodeGroupRole } from './cluster.js';
export { NODE_GROUP_ROLES } from './cluster.js';
export type { HubfleetConfig } from './deployment.js';
export { API_VERSION, buildConfigSchema } from './deployment.js';
export { didYouMean } from './did-you-mean.js';
export { formatIssue, summarizeIssues } from './format-issues.js';
export type { HubConfig, ProfileConfig, StorageConfig } from './hub.js';
export type { IngressConfig } from './ingress.js';
export type { ConfigIssue, LocatedIssue, SourcePosition } from './issues.js';
export { error, formatPath, warning } from './issues.js';
export { configJsonSchema } from './json-schema.js';
export type { LoadOptions, LoadResult } from './load.js';
export { loadConfigFile, MAX_ALIAS_COUNT, MAX_CONFIG_BYTES, validateConfigText } from './load.js';
export {
  cpuToCores,
  durationToMs,
  MAX_NAME_LENGTH,
  parseQuantity,
  quantityToBytes,
  quantityToGiB,
} from './primitives.js';
export type { ProviderRegistry } from './registry.js';
export { createProviderRegistry } from './registry.js';
export type { VolumeSizeLimits } from './rules/index.js';
export { checkVolumeSizes, RESERVED_NAMESPACES } from './rules/index.js';
export type { SecretRef } from './secret.js';
export { describeSecretRef, isSecretRef, secretRef } from './secret.js';
export type { SecretContext, SecretUse } from './secrets.js';
export { checkSecretsResolve, collectSecretRefs, resolveSecret } from './secrets.js';
export type { ToolChoice } from './tool-defaults.js';
export { applyToolDefaults, resolveToolChoices } from './tool-defaults.js';
export type { PlaceholderConfig, ToolsConfig } from './tools.js';
