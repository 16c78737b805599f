import { HubfleetError } from '@hubfleet/core';
import type { VmConnection } from './vm-connection.js';

/**
 * kubeadm's admin.conf from the control plane (a client-certificate kubeconfig), its server
 * rewritten to the address the operator reaches: kubeadm writes the private advertise address,
 * and the floating or public one is in the API server certificate's SANs.
 */
export async function fetchKubeconfig(connection: VmConnection, reachableAddress: string): Promise<string> {
  const result = await connection.exec('sudo -n cat /etc/kubernetes/admin.conf');
  if (result.code !== 0 || !/client-certificate-data:/.test(result.stdout)) {
    throw new HubfleetError({
      kind: 'unavailable',
      message: `VM ${connection.vm} has no readable /etc/kubernetes/admin.conf: the control plane is not initialised yet`,
      hint: 're-run up: the control plane bootstrap (kubeadm init) runs before the kubeconfig is fetched',
      subject: `vm/${connection.vm}`,
    });
  }
  return result.stdout.replace(/^(\s*server:\s*)https:\/\/[^\s:]+(:\d+)/m, `$1https://${reachableAddress}$2`);
}
