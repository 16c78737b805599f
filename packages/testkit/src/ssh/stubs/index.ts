import { hostStubs } from './host-stubs.js';
import { kubernetesStubs } from './kubernetes-stubs.js';
import { packageStubs } from './package-stubs.js';
import { storageStubs } from './storage-stubs.js';
import { stubScript } from './stub-prelude.js';

export { SIM_ETC } from './kubernetes-stubs.js';
export { SIM_KUBERNETES_PATCH } from './package-stubs.js';
export { STATE as SIM_STATE_DIRECTORY, VOLUMES as SIM_VOLUMES_DIRECTORY } from './stub-prelude.js';

/** Every stub by command name, as the file a VM finds first on its PATH. */
export function simVmStubs(): Record<string, string> {
  const all = { ...hostStubs, ...packageStubs, ...storageStubs, ...kubernetesStubs };
  return Object.fromEntries(Object.entries(all).map(([name, body]) => [name, stubScript(name, body)]));
}
