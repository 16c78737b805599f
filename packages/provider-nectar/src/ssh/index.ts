export type { BootstrapRun } from './bootstrap-runner.js';
export { checkOnlyScript, pendingSteps, runBootstrap, shellQuote } from './bootstrap-runner.js';
export { hostKeyMismatch, pinnedFingerprints, sshFingerprint } from './host-key-pin.js';
export { hubUsageBytes } from './hub-usage.js';
export { fetchKubeconfig } from './kubeconfig-over-ssh.js';
export type { CommandResult, VmAddress, VmConnection } from './vm-connection.js';
export { connectToVm } from './vm-connection.js';
