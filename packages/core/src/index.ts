// The root entry is what every provider and `validate` load: the config model, the provider contract,
// errors and what nodegroup roles mean. The engine, the Kubernetes layer and deployments are heavier
// and only `plan`, `up`, `down`, `status` and `render` need them at run time: they are the subpaths
// `@hubfleet/core/engine`, `@hubfleet/core/kubernetes` and `@hubfleet/core/deployment`. Their types
// are re-exported here, which costs nothing at run time.
export * from './config/index.js';
export type * from './deployment/index.js';
export type * from './engine/index.js';
export * from './errors/index.js';
export type * from './kubernetes/index.js';
export * from './kubernetes/placement.js';
export {
  renderSingleClusterKubeconfig,
  renderTokenKubeconfig,
  type SingleClusterKubeconfigParts,
  type TokenKubeconfigParts,
} from './kubernetes/token-kubeconfig.js';
export * from './provider/v1/index.js';
export { lockRecordOf } from './provider/v1/lock-record.js';
export { isOnPath } from './system/on-path.js';
export { isProcessAlive } from './system/process-alive.js';
