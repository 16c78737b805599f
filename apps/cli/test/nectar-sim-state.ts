import type { CallRecord } from '@hubfleet/testkit';
import { startNectarVmSim } from '@hubfleet/testkit';
import type { SimWorkspace } from './sim-harness.js';

/** The UniMelb example with one VM per nodegroup: every VM is a real sshd, so tests keep them few. */
export const oneVmPerGroup = (text: string): string =>
  text.replace(/min: 4( +#[^\n]*)?\n(\s+)max: 4/, 'min: 1\n$2max: 1').replace('size: 100Gi', 'size: 1Gi');

/**
 * Calls that change the cloud. Two POSTs only read: a Keystone token (every run authenticates) and
 * Nova's console output (every run reads the host keys it pins), so they are not counted.
 */
export function changingCalls(calls: readonly CallRecord[]): CallRecord[] {
  return calls.filter(
    (call) => call.mutating && call.operation !== 'IssueToken' && call.operation !== 'ServerAction',
  );
}

/** What the simulated NeCTAR project holds now (Nova settled): servers, security groups, floating IPs, volumes. */
export async function nectarState(workspace: SimWorkspace) {
  const sim = await startNectarVmSim({ stateDirectory: workspace.stateDirectory });
  try {
    await sim.sync();
    const { nova, neutron, cinder } = sim.cloud;
    cinder.fake.settle();
    return {
      servers: Object.values(nova.state.servers)
        .filter((server) => server.taskState !== 'deleting')
        .map((server) => server.name)
        .sort(),
      securityGroups: Object.values(neutron.state.securityGroups)
        .map((group) => group.name)
        .filter((name) => name !== 'default'),
      floatingIps: Object.values(neutron.state.floatingIps).map((address) => address.floatingIpAddress),
      volumes: Object.values(cinder.state.volumes).map((volume) => ({
        name: volume.name,
        status: volume.status,
        hub: volume.metadata['hubfleet.io/hub'],
      })),
    };
  } finally {
    await sim.close();
  }
}
