import type { ObservedVolumeV1, ProviderResourceDiffV1, ProviderResourceV1 } from '@hubfleet/core';
import type { Server } from '@hubfleet/openstack-client';
import { hubUsageBytes } from '../ssh/hub-usage.js';
import { pending } from './nectar-bootstrap.js';
import type { NectarCloud } from './nectar-cloud.js';
import { storageName } from './nectar-names.js';
import type { Provisioner } from './nectar-provisioning.js';
import { deleteServerAndWait, ownedServers, privateAddress, serverNamed } from './nectar-servers.js';
import type { StorageState } from './nectar-storage-state.js';
import { convergeStorage, storageInputs } from './nectar-storage-vm.js';
import { peekServer } from './nectar-vm-access.js';

/** The storage VM as observed: its volumes, its bootstrap's pending steps, each hub's usage. */
export interface ObservedStorageNode {
  server: Server;
  /** Hub volumes not attached to it yet. */
  unattached: ObservedVolumeV1[];
  /** Steps of storage.sh whose checks fail; undefined while the VM cannot be reached over SSH. */
  pending: string[] | undefined;
  /** Bytes each hub's homes take (`du` over SSH), once the exports stand. */
  usage: Map<string, number>;
}

function megabytes(bytes: number): string {
  return `${(bytes / 1e6).toFixed(1)} MB`;
}

/**
 * `storage-node/<deployment>-storage`: the VM serving each hub's Cinder volume over NFS. It comes
 * after the nodegroups (the exports admit the cluster's addresses only) and before the volumes
 * (each is attached and exported as it is created) and the hubs. A replaced VM gets the same
 * volumes attached again: storage.sh formats a volume only when it holds no filesystem.
 */
export function nectarStorageNode(
  cloud: NectarCloud,
  provision: Provisioner,
  storage: StorageState,
): ProviderResourceV1<ObservedStorageNode> {
  const name = storageName(cloud.config);

  async function observe(): Promise<ObservedStorageNode | undefined> {
    const { server, volumes, script } = await storageInputs(cloud);
    if (server === undefined) return undefined;
    storage.serverAddress = privateAddress(server);
    const unattached = volumes.filter((volume) => !server.attachedVolumeIds.includes(volume.id));
    const usage = new Map<string, number>();
    const steps =
      unattached.length > 0
        ? undefined
        : await peekServer(cloud, server, async (connection) => {
            const left = await pending(connection, script);
            if (left.length === 0) {
              for (const volume of volumes)
                usage.set(volume.hub, await hubUsageBytes(connection, volume.hub));
            }
            return left;
          });
    return { server, unattached, pending: steps, usage };
  }

  return {
    name,
    kind: 'storage-node',
    waitingOn: `NeCTAR (VM ${name}, its volumes and NFS exports)`,
    typicalDurationMs: 5 * 60_000,
    dependsOn: ['cluster', 'nodegroups'],
    // Before the volumes: a hub's volume is attached and exported as it is created, and its
    // nfsExport (the storage VM's address) is recorded then.
    requiredBy: ['volumes', 'hubs'],
    observe,
    diff(observed): ProviderResourceDiffV1 {
      if (observed === undefined)
        return { action: 'create', reason: `the NFS storage VM ${name} does not exist` };
      if (observed.unattached.length > 0) {
        return {
          action: 'update',
          reason: `hub volumes to attach: ${observed.unattached.map((volume) => `${volume.hub} (${volume.id})`).join(', ')}`,
        };
      }
      if (observed.pending === undefined)
        return { action: 'update', reason: `VM ${name} is not reachable over SSH yet` };
      if (observed.pending.length > 0) {
        return { action: 'update', reason: `storage.sh steps to run: ${observed.pending.join(', ')}` };
      }
      const served = [...observed.usage].map(
        ([hub, bytes]) => `${storage.serverAddress}:/srv/hubfleet/${hub} (${megabytes(bytes)} used)`,
      );
      return { action: 'noop', reason: `NFS exports ready: ${served.join(', ') || 'no hub volume'}` };
    },
    async apply(action) {
      if (action === 'delete') {
        const server = serverNamed(await ownedServers(cloud), name);
        if (server) await deleteServerAndWait(cloud, server);
        storage.serverAddress = undefined;
        return;
      }
      await convergeStorage(cloud, provision, storage);
    },
    ready: (observed) => observed.unattached.length === 0 && observed.pending?.length === 0,
  };
}
