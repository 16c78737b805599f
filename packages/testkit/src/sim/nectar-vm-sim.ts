import { join } from 'node:path';
import type { BuildOutcome } from '../openstack/nova/nova-settings.js';
import type { ServerRecord } from '../openstack/nova/nova-state.js';
import { settleNova } from '../openstack/nova/nova-transitions.js';
import type { SimVm } from '../ssh/sim-vm.js';
import { ensureVmHostKey, type SimVmFleet, startSimVmFleet } from '../ssh/sim-vm-fleet.js';
import { type FloatingIpNat, startFloatingIpNat } from './floating-ip-nat.js';
import { serverAddresses, type VmAddressBook, vmAddressBook, vmSpecOf } from './nectar-vm-machines.js';
import { type NectarVmNetwork, nectarVmNetwork } from './nectar-vm-network.js';
import {
  type OpenStackSimCloud,
  type OpenStackSimCloudOptions,
  startOpenStackSimCloud,
} from './openstack-sim-cloud.js';
import { NECTAR_PROFILE } from './openstack-sim-profiles.js';

/**
 * The NeCTAR sim with machines behind its servers. A server's build ends ACTIVE only once its VM
 * runs: a real sshd (ssh/sim-vm.ts) on the loopback address Nova shows for it (classic networking)
 * or behind its floating IP, named after the server, accepting its key pair's public key, with the
 * ephemeral disk its flavor has; Nova's console prints that VM's own host key. Deleting the server
 * stops the VM and deletes its disk; attaching a Cinder volume makes it appear in the VM as
 * `/dev/disk/by-id/virtio-<first 20 characters of the id>` with what it held before. All of it follows
 * the cloud's own state changes: nobody needs to call `sync()`.
 */
export interface NectarVmSim {
  readonly cloud: OpenStackSimCloud;
  readonly fleet: SimVmFleet;
  /** The loopback ranges of this state directory: VM addresses and each external network's floating IPs. */
  readonly network: NectarVmNetwork;
  /** The VM behind a server, once it runs (from ACTIVE until the server is deleted). */
  vmOf(serverId: string): SimVm | undefined;
  /** Settle Nova now and wait until the VMs, attachments and floating IPs match the cloud. */
  sync(): Promise<void>;
  /** The next builds end so, in order: `error` (ERROR with a fault), `stuck` (BUILD for ever), `active`. */
  scriptBuilds(outcomes: readonly BuildOutcome[]): void;
  /**
   * A server lost out of band (deleted by someone else, its hypervisor gone): it disappears from
   * Nova (its ports released, its volumes detached, kept) and its VM stops with its disk.
   */
  loseServer(serverId: string): Promise<void>;
  /** Stop every VM, floating IP and service; the state stays on disk. */
  close(): Promise<void>;
}

export interface NectarVmSimOptions
  extends Omit<OpenStackSimCloudOptions, 'profile' | 'hostKeysFor' | 'nova' | 'afterMutation'> {
  /** Builds end in these outcomes, in creation order; then `buildErrorRate` decides. */
  buildOutcomes?: BuildOutcome[];
  /** Chance (0..1, seeded) that a build ends in ERROR. @default 0 */
  buildErrorRate?: number;
}

/** Runs `pass` again whenever asked while it runs; `settled()` waits for a whole pass after the call. */
function serialRunner(pass: () => Promise<void>, report: (problem: unknown) => void) {
  let running: Promise<void> | undefined;
  let again = false;
  const run = (): Promise<void> => {
    if (running) {
      // The pass under way runs once more before `running` settles.
      again = true;
      return running;
    }
    running = (async () => {
      do {
        again = false;
        await pass().catch(report);
      } while (again);
    })().finally(() => {
      running = undefined;
    });
    return running;
  };
  return run;
}

export async function startNectarVmSim(options: NectarVmSimOptions): Promise<NectarVmSim> {
  const fleet = await startSimVmFleet(join(options.stateDirectory, 'vm-fleet'));
  const network = nectarVmNetwork(
    options.stateDirectory,
    NECTAR_PROFILE.externalNetworks.map((external) => external.name),
  );
  const booting = new Map<string, Promise<void>>();
  const attached = new Map<string, Set<string>>();
  const registered = new Map<string, string>();
  let book: VmAddressBook | undefined;
  let reconcile: () => Promise<void> = async () => {};
  let closed = false;

  const cloud = await startOpenStackSimCloud({
    ...options,
    profile: {
      ...NECTAR_PROFILE,
      externalNetworks: NECTAR_PROFILE.externalNetworks.map((external) => ({
        ...external,
        cidr: network.floating[external.name] ?? external.cidr,
      })),
    },
    hostKeysFor: (server) => [ensureVmHostKey(fleet.directory, server.id, server.name)],
    nova: {
      ...(options.buildOutcomes ? { buildOutcomes: [...options.buildOutcomes] } : {}),
      ...(options.buildErrorRate === undefined ? {} : { buildErrorRate: options.buildErrorRate }),
      ownAddressFor: (server) => book?.ownAddressFor(server) ?? {},
      machineReady: (server) => machineReady(server),
    },
    afterMutation: () => void reconcile(),
  });
  const { nova, neutron } = cloud;
  const addresses = vmAddressBook(network, nova.state, fleet.directory);
  book = addresses;

  function boot(server: ServerRecord): void {
    if (closed || booting.has(server.id) || fleet.vm(server.id)) return;
    const spec = vmSpecOf(server, nova.state, addresses.addressOf(server));
    const started = fleet
      .startVm(spec)
      .then(() => undefined)
      .catch((problem: unknown) => {
        process.stderr.write(`hubfleet sim: VM of server ${server.name} did not boot: ${String(problem)}\n`);
      })
      .finally(() => {
        booting.delete(server.id);
        void reconcile();
      });
    booting.set(server.id, started);
  }

  /** Nova's gate: a build ends ACTIVE once its VM listens; until then it starts booting it. */
  function machineReady(server: ServerRecord): boolean {
    if (fleet.vm(server.id)) return true;
    boot(server);
    return false;
  }

  /** Where a floating IP forwards to now: the VM of the server its port belongs to. */
  function natTarget(floatingAddress: string): string | undefined {
    const floating = Object.values(neutron.state.floatingIps).find(
      (candidate) => candidate.floatingIpAddress === floatingAddress,
    );
    const port = floating?.portId ? neutron.state.ports[floating.portId] : undefined;
    return port ? fleet.vm(port.deviceId)?.address : undefined;
  }
  const nat: FloatingIpNat = startFloatingIpNat(natTarget);

  async function syncAttachments(serverId: string, vm: SimVm, server: ServerRecord): Promise<void> {
    const have = attached.get(serverId) ?? new Set<string>();
    attached.set(serverId, have);
    const want = new Set(server.attachments.map((attachment) => attachment.volumeId));
    for (const volumeId of want) {
      if (have.has(volumeId)) continue;
      await vm.attachVolume(volumeId);
      have.add(volumeId);
    }
    for (const volumeId of have) {
      if (want.has(volumeId)) continue;
      await vm.detachVolume(volumeId);
      have.delete(volumeId);
    }
  }

  /** The control service learns every address a join may name for the VM (fixed and floating). */
  async function register(serverId: string, vm: SimVm, server: ServerRecord): Promise<void> {
    const aliases = serverAddresses(server, nova.fake.settings.ports).filter((ip) => ip !== vm.address);
    const spec = vmSpecOf(server, nova.state, vm.address);
    const key = JSON.stringify(aliases);
    if (registered.get(serverId) === key) return;
    await fleet.control.registerVm(serverId, {
      address: vm.address,
      aliases,
      flavor: spec.flavor ?? server.flavorId,
      capacity: spec.capacity ?? { cpu: '2', memory: '4Gi' },
    });
    registered.set(serverId, key);
  }

  let timer: NodeJS.Timeout | undefined;
  /** Wake up when the next build or delete is due, even if nobody asks Nova then. */
  function armTimer(): void {
    if (timer) clearTimeout(timer);
    const due = Object.values(nova.state.servers)
      .map((server) => server.transition?.at)
      .filter((at): at is number => at !== undefined);
    if (closed || due.length === 0) return;
    timer = setTimeout(() => void reconcile(), Math.max(10, Math.min(...due) - Date.now()));
    timer.unref();
  }

  async function pass(): Promise<void> {
    if (closed) return;
    settleNova(nova.state, nova.fake.settings, nova.fake.settings.clock.now());
    const servers = nova.state.servers;
    for (const server of Object.values(servers))
      if (server.status === 'ACTIVE' && server.taskState !== 'deleting') boot(server);
    for (const vm of fleet.vms()) {
      const serverId = vm.directory.split('/').at(-1) ?? '';
      const server = servers[serverId];
      // A VM just booted may still see its server in BUILD (a pass settled before it was up): keep it.
      if (!server || server.taskState === 'deleting' || server.status === 'ERROR') {
        await fleet.destroyVm(serverId);
        attached.delete(serverId);
        registered.delete(serverId);
        continue;
      }
      await syncAttachments(serverId, vm, server);
      await register(serverId, vm, server);
    }
    await nat.sync(Object.values(neutron.state.floatingIps).map((floating) => floating.floatingIpAddress));
    armTimer();
  }

  const run = serialRunner(pass, (problem) =>
    process.stderr.write(`hubfleet sim: NeCTAR VMs out of step with the cloud: ${String(problem)}\n`),
  );
  reconcile = run;

  async function sync(): Promise<void> {
    await run();
    while (booting.size > 0) {
      await Promise.all(booting.values());
      await run();
    }
  }

  try {
    await sync();
  } catch (problem) {
    await nat.close();
    await fleet.close();
    await cloud.close();
    throw problem;
  }

  return {
    cloud,
    fleet,
    network,
    vmOf: (serverId) => fleet.vm(serverId),
    sync,
    scriptBuilds(outcomes) {
      const settings = nova.fake.settings;
      outcomes.forEach((outcome, index) => {
        settings.buildOutcomes[nova.state.builds + index] = outcome;
      });
    },
    async loseServer(serverId) {
      const server = nova.state.servers[serverId];
      if (!server) throw new Error(`no server ${serverId} in the NeCTAR sim`);
      for (const attachment of server.attachments)
        nova.fake.settings.volumes?.detach(attachment.volumeId, serverId);
      if (server.neutronPorts) nova.fake.settings.ports?.release(serverId);
      delete nova.state.servers[serverId];
      nova.save();
      await sync();
    },
    async close() {
      closed = true;
      if (timer) clearTimeout(timer);
      await Promise.allSettled(booting.values());
      await run().catch(() => undefined);
      await nat.close();
      await fleet.close();
      await cloud.close();
    },
  };
}
