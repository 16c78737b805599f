import { HubfleetError, OwnershipTag, ownershipTags } from '@hubfleet/core';
import {
  createServer,
  deleteServer,
  getServer,
  isOpenStackStatus,
  listServers,
  type Server,
  type ServerInput,
} from '@hubfleet/openstack-client';
import type { NectarCloud } from './nectar-cloud.js';
import { deploymentTag, ROLE_KEY, type VmRole } from './nectar-names.js';

/** One VM the deployment wants. */
export interface VmSpec {
  name: string;
  role: VmRole;
  flavor: string;
  /** The config field the flavor comes from, for messages. */
  flavorField: string;
  nodeGroup?: string;
}

/** What a VM boots with besides its spec: the image, the flavor's id, the group, the network. */
export interface VmLaunch {
  imageId: string;
  flavorId: string;
  securityGroup: string;
  networks: ServerInput['networks'];
}

/** Ownership metadata on every VM: the deployment, what it is for, its nodegroup. */
export function vmMetadata(cloud: NectarCloud, spec: VmSpec): Record<string, string> {
  const component = spec.role === 'node' ? 'nodegroup' : 'cluster';
  return {
    ...ownershipTags(cloud.config.name, component, spec.nodeGroup ? { nodeGroup: spec.nodeGroup } : {}),
    [ROLE_KEY]: spec.role,
  };
}

/** Every server the deployment owns: by its tag, then its ownership metadata. */
export function ownedServers(cloud: NectarCloud): Promise<Server[]> {
  return listServers(cloud.compute, {
    tags: [deploymentTag(cloud.config)],
    metadata: { [OwnershipTag.deployment]: cloud.config.name },
  });
}

/** The oldest of the servers named `name`: a create retried after a lost answer may have made two. */
export function serverNamed(servers: readonly Server[], name: string): Server | undefined {
  return servers
    .filter((server) => server.name === name && server.status !== 'DELETED')
    .sort((a, b) => (a.createdAt ?? 0) - (b.createdAt ?? 0))[0];
}

function interrupted(cloud: NectarCloud): void {
  if (cloud.signal?.aborted) {
    throw new HubfleetError({ kind: 'interrupted', message: 'interrupted while waiting for a NeCTAR VM' });
  }
}

/** Wait until a server is gone (404 or DELETED). */
export async function deleteServerAndWait(cloud: NectarCloud, server: Server): Promise<void> {
  await deleteServer(cloud.compute, server.id);
  for (;;) {
    interrupted(cloud);
    try {
      const current = await getServer(cloud.compute, server.id);
      if (current.status === 'DELETED') return;
    } catch (error) {
      if (isOpenStackStatus(error, 404)) return;
      throw error;
    }
    await cloud.sleep(cloud.pollIntervalMs);
  }
}

/**
 * Wait for a server to leave BUILD. ACTIVE returns it; ERROR is retryable (the next try deletes and
 * re-creates it); a BUILD that outlasts `buildTimeoutMs` is retryable too: NeCTAR's "instance creation
 * often times out … re-run it" (004), and a re-run finds the same server rather than making another.
 */
async function waitActive(cloud: NectarCloud, id: string, name: string): Promise<Server> {
  const started = Date.now();
  for (;;) {
    interrupted(cloud);
    const server = await getServer(cloud.compute, id);
    if (server.status === 'ACTIVE') return server;
    if (server.status === 'ERROR') {
      throw new HubfleetError({
        kind: 'unavailable',
        message: `VM ${name} failed to build: ${server.fault?.message ?? 'the cloud gives no reason'}`,
        hint: 're-run: hubfleet deletes the failed VM and creates it again',
        subject: `vm/${name}`,
      });
    }
    if (Date.now() - started > cloud.buildTimeoutMs) {
      throw new HubfleetError({
        kind: 'unavailable',
        message: `VM ${name} is still ${server.status} after ${Math.round(cloud.buildTimeoutMs / 1000)} s`,
        hint: 're-run up: NeCTAR builds are sometimes slow, and the next run waits for the same VM instead of creating another',
        subject: `vm/${name}`,
      });
    }
    await cloud.sleep(cloud.pollIntervalMs);
  }
}

/**
 * The VM, ACTIVE: found by name among the deployment's servers, or created with ownership metadata
 * and the deployment's tag. A VM in ERROR is deleted and created again; extra servers of the same
 * name (a create retried after a lost answer) are deleted, so no VM is ever duplicated.
 */
export async function ensureServer(cloud: NectarCloud, spec: VmSpec, launch: VmLaunch): Promise<Server> {
  const named = (await ownedServers(cloud)).filter((server) => server.name === spec.name);
  let server = serverNamed(named, spec.name);
  for (const extra of named) if (extra.id !== server?.id) await deleteServer(cloud.compute, extra.id);
  if (server?.status === 'ERROR') {
    await deleteServerAndWait(cloud, server);
    server = undefined;
  }
  if (server === undefined) {
    const { id } = await createServer(cloud.compute, {
      name: spec.name,
      flavorRef: launch.flavorId,
      imageRef: launch.imageId,
      networks: launch.networks,
      key_name: cloud.config.provider.keypair.name,
      availability_zone: cloud.config.provider.availabilityZone,
      security_groups: [{ name: launch.securityGroup }],
      metadata: vmMetadata(cloud, spec),
      tags: [deploymentTag(cloud.config)],
    });
    return waitActive(cloud, id, spec.name);
  }
  return server.status === 'ACTIVE' ? server : waitActive(cloud, server.id, spec.name);
}

/** The VM's own IPv4 address on the cloud network (what the nodes and NFS clients use). */
export function privateAddress(server: Server): string | undefined {
  const fixed = server.addresses.filter((address) => address.version === 4 && address.type !== 'floating');
  return (fixed[0] ?? server.addresses.find((address) => address.version === 4))?.address;
}

/** The address this machine reaches the VM at: its floating IP, or its own (classic networking). */
export function reachableAddress(server: Server): string | undefined {
  const floating = server.addresses.find((address) => address.version === 4 && address.type === 'floating');
  return floating?.address ?? privateAddress(server);
}
