/** Where every stub keeps the simulated VM's state, inside the VM's own /var. */
export const STATE = '/var/lib/hubfleet-sim';

/** The top of every stub: strict bash, and the state directory that must exist. */
export function stubScript(name: string, body: string): string {
  return `#!/bin/bash
# hubfleet sim stub for \`${name}\`: keeps this VM's state under ${STATE}, never touches the host.
set -euo pipefail
${body.trim()}
`;
}

/**
 * Where the simulated block devices live inside a VM: the fleet's volume directories, bind-mounted,
 * so a volume's filesystem and files outlive the VM it was attached to.
 */
export const VOLUMES = '/var/lib/hubfleet-sim-volumes';

/** Where the VM's identity for the kubeadm control service lives inside its /etc. */
export const SIM_ETC = '/etc/hubfleet-sim';
