import { join } from 'node:path';
import { settleNova } from '../openstack/nova/nova-transitions.js';
import type { SimVm } from '../ssh/sim-vm.js';
import { ensureVmHostKey, type SimVmFleet, startSimVmFleet } from '../ssh/sim-vm-fleet.js';
import {
  type OpenStackSimCloud,
  type OpenStackSimCloudOptions,
  startNectarSimCloud,
} from './openstack-sim-cloud.js';

/**
 * The NeCTAR sim with machines behind its servers: every Nova server that is ACTIVE is a simulated
 * VM (a real sshd on loopback, see ssh/sim-vm.ts) named after the server, accepting its key pair's
 * public key, with the ephemeral disk its flavor has. Nova's console prints that VM's own host key,
 * so a client pinning the console's fingerprints reaches exactly this sshd.
 */
export interface NectarVmSim {
  readonly cloud: OpenStackSimCloud;
  readonly fleet: SimVmFleet;
  /** The VM behind a server, once `sync` saw the server ACTIVE. */
  vmOf(serverId: string): SimVm | undefined;
  /** Boot VMs for ACTIVE servers and stop those whose server is gone. */
  sync(): Promise<void>;
  close(): Promise<void>;
}

export async function startNectarVmSim(
  options: Omit<OpenStackSimCloudOptions, 'profile' | 'hostKeysFor'>,
): Promise<NectarVmSim> {
  const fleet = await startSimVmFleet(join(options.stateDirectory, 'vm-fleet'));
  const cloud = await startNectarSimCloud({
    ...options,
    hostKeysFor: (server) => [ensureVmHostKey(fleet.directory, server.id, server.name)],
  });
  const nova = cloud.nova;

  async function sync(): Promise<void> {
    settleNova(nova.state, nova.fake.settings, nova.fake.settings.clock.now());
    const servers = nova.state.servers;
    for (const vm of fleet.vms()) {
      const key = vm.directory.split('/').at(-1) ?? '';
      if (servers[key]?.status !== 'ACTIVE') await fleet.destroyVm(key);
    }
    for (const server of Object.values(servers)) {
      if (server.status !== 'ACTIVE' || fleet.vm(server.id)) continue;
      const flavor = nova.state.flavors[server.flavorId];
      const keypair = server.keyName ? nova.state.keypairs[server.keyName] : undefined;
      await fleet.startVm({
        name: server.id,
        hostname: server.name,
        flavor: flavor?.name ?? server.flavorId,
        capacity: {
          cpu: String(flavor?.vcpus ?? 2),
          memory: `${Math.round((flavor?.ram ?? 4096) / 1024)}Gi`,
        },
        ephemeralDisk: (flavor?.ephemeral ?? 0) > 0,
        authorizedKeys: keypair ? [keypair.publicKey] : [],
      });
    }
  }

  return {
    cloud,
    fleet,
    vmOf: (serverId) => fleet.vm(serverId),
    sync,
    async close() {
      await fleet.close();
      await cloud.close();
    },
  };
}
