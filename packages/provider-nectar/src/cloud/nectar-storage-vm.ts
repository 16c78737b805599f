import { attachVolume, type Server } from '@hubfleet/openstack-client';
import { run, type ScriptRun, storageRun } from './nectar-bootstrap.js';
import type { NectarCloud } from './nectar-cloud.js';
import { ROLE_KEY, storageName } from './nectar-names.js';
import type { Provisioner } from './nectar-provisioning.js';
import { ownedServers, privateAddress, serverNamed } from './nectar-servers.js';
import type { StorageState } from './nectar-storage-state.js';
import { withServer } from './nectar-vm-access.js';
import { ownedVolumes, waitForVolume } from './nectar-volumes.js';

/** The storage VM (if it exists), the hub volumes it should serve, and storage.sh with its inputs. */
export async function storageInputs(cloud: NectarCloud) {
  const servers = await ownedServers(cloud);
  const clusterAddresses = servers
    .filter((server) => ['control-plane', 'node'].includes(server.metadata[ROLE_KEY] ?? ''))
    .flatMap((server) => privateAddress(server) ?? []);
  const hubs = new Set(cloud.config.hubs.map((hub) => hub.name));
  const volumes = (await ownedVolumes(cloud)).filter((volume) => hubs.has(volume.hub));
  const script: ScriptRun = storageRun(
    cloud,
    clusterAddresses,
    new Map(volumes.map((volume) => [volume.hub, volume.id])),
  );
  return { server: serverNamed(servers, storageName(cloud.config)), volumes, script };
}

async function attachOnce(cloud: NectarCloud, server: Server, volumeId: string): Promise<void> {
  const settled = await waitForVolume(
    cloud,
    volumeId,
    (now) => now === undefined || !['attaching', 'detaching', 'reserved', 'creating'].includes(now.status),
  );
  if (!settled?.attachments.some((item) => item.serverId === server.id)) {
    await attachVolume(cloud.compute, server.id, volumeId);
  }
  await waitForVolume(cloud, volumeId, (now) => now?.status === 'in-use');
}

/**
 * The storage VM as the config wants it: created (or found), every hub volume attached, and
 * storage.sh run over SSH (the NFS server; each volume formatted only when it holds no filesystem,
 * mounted by UUID and exported to the cluster's addresses only).
 */
export async function convergeStorage(
  cloud: NectarCloud,
  provision: Provisioner,
  storage: StorageState,
): Promise<void> {
  const server = await provision.ensureVm({
    name: storageName(cloud.config),
    role: 'storage',
    flavor: cloud.config.provider.storageNode.flavor,
    flavorField: 'provider.storageNode.flavor',
  });
  storage.serverAddress = privateAddress(server);
  const { volumes, script } = await storageInputs(cloud);
  for (const volume of volumes) {
    if (!server.attachedVolumeIds.includes(volume.id)) await attachOnce(cloud, server, volume.id);
  }
  await withServer(cloud, server, (connection) => run(connection, script));
}
