import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { NovaState, ServerRecord } from '../openstack/nova/nova-state.js';
import type { PortBackend } from '../openstack/shared/port-backend.js';
import type { SimVmSpec } from '../ssh/sim-vm-fleet.js';
import { vmDirectory } from '../ssh/sim-vm-fleet.js';
import { freeVmAddress, isVmAddress, type NectarVmNetwork } from './nectar-vm-network.js';

/** Which loopback address each server's VM answers on, kept with the VM's disk across restarts. */
export interface VmAddressBook {
  /** A new classic-networking server's public address (Nova's `addresses`), as `{ <zone>: ip }`. */
  ownAddressFor(server: ServerRecord): Record<string, string>;
  /** The address the server's VM listens on: its classic address, or its own one on a private network. */
  addressOf(server: ServerRecord): string;
}

function addressFile(fleetDirectory: string, serverId: string): string {
  return join(vmDirectory(fleetDirectory, serverId), 'address');
}

export function vmAddressBook(plan: NectarVmNetwork, nova: NovaState, fleetDirectory: string): VmAddressBook {
  function used(): Set<string> {
    const taken = new Set<string>();
    for (const server of Object.values(nova.servers))
      for (const address of Object.values(server.ownAddresses ?? {})) taken.add(address);
    const vms = join(fleetDirectory, 'vms');
    for (const name of existsSync(vms) ? readdirSync(vms) : []) {
      const file = addressFile(fleetDirectory, name);
      if (existsSync(file)) taken.add(readFileSync(file, 'utf8').trim());
    }
    return taken;
  }
  return {
    ownAddressFor(server) {
      return { [server.availabilityZone]: freeVmAddress(plan, used()) };
    },
    addressOf(server) {
      const own = Object.values(server.ownAddresses ?? {}).find((address) => isVmAddress(plan, address));
      const file = addressFile(fleetDirectory, server.id);
      if (own === undefined && existsSync(file)) return readFileSync(file, 'utf8').trim();
      const address = own ?? freeVmAddress(plan, used());
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, `${address}\n`);
      return address;
    },
  };
}

/** Every address Nova shows for a server (fixed and floating). */
export function serverAddresses(server: ServerRecord, ports: PortBackend | undefined): string[] {
  if (server.neutronPorts && ports)
    return Object.values(ports.addressesOf(server.id)).flatMap((list) => list.map((entry) => entry.addr));
  return Object.values(server.ownAddresses ?? {});
}

/** The VM a server boots: its flavor's size and ephemeral disk, its key pair's key, its name. */
export function vmSpecOf(server: ServerRecord, nova: NovaState, address: string): SimVmSpec {
  const flavor = nova.flavors[server.flavorId];
  const keypair = server.keyName ? nova.keypairs[server.keyName] : undefined;
  return {
    name: server.id,
    hostname: server.name,
    address,
    flavor: flavor?.name ?? server.flavorId,
    capacity: {
      cpu: String(flavor?.vcpus ?? 2),
      memory: `${Math.round((flavor?.ram ?? 4096) / 1024)}Gi`,
    },
    ephemeralDisk: (flavor?.ephemeral ?? 0) > 0,
    authorizedKeys: keypair ? [keypair.publicKey] : [],
  };
}
