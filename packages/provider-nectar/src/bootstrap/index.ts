export { renderBootstrapScript } from './bootstrap-script.js';
export {
  bootstrapScripts,
  controlPlaneScript,
  nodeGroupScript,
  renderBootstrapFiles,
  storageScript,
} from './bootstrap-scripts.js';
export type { BootstrapInput, BootstrapScript, BootstrapStep } from './bootstrap-step.js';
export { STEP_MARKER } from './bootstrap-step.js';
export { volumeVariable } from './storage-steps.js';
export { upgradeMinors, upgradeScripts } from './upgrade-scripts.js';
