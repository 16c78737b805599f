export type { KubeadmClusterRecord, KubeadmControlState, KubeadmNodeRecord } from './kubeadm-clusters.js';
export { caCertHash } from './kubeadm-clusters.js';
export type { ControlVm, KubeadmControl } from './kubeadm-control.js';
export { startKubeadmControl } from './kubeadm-control.js';
export type { SimVm, SimVmOptions } from './sim-vm.js';
export { startSimVm, virtioDiskId } from './sim-vm.js';
export type { SimKeyPair, SimVmFleet, SimVmSpec } from './sim-vm-fleet.js';
export { ensureVmHostKey, startSimVmFleet, vmDirectory } from './sim-vm-fleet.js';
export { SIM_KUBERNETES_PATCH, SIM_STATE_DIRECTORY } from './stubs/index.js';
