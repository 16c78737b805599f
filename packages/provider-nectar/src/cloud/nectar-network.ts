import { HubfleetError } from '@hubfleet/core';
import {
  addRouterInterface,
  createFloatingIp,
  createNetwork,
  createRouter,
  createSubnet,
  deleteFloatingIp,
  deleteNetwork,
  deleteRouter,
  deleteSubnet,
  type FloatingIp,
  isOpenStackStatus,
  listFloatingIps,
  listNetworks,
  listPorts,
  listRouters,
  listSubnets,
  removeRouterInterface,
  type Server,
  type ServerInput,
} from '@hubfleet/openstack-client';
import type { NectarCloud } from './nectar-cloud.js';
import { deploymentTag } from './nectar-names.js';

/** A router without this subnet's interface is already as wanted. */
function notFoundIsGone(error: unknown): undefined {
  if (isOpenStackStatus(error, 404)) return undefined;
  throw error;
}

/** The subnet hubfleet gives a private network it creates. */
export const PRIVATE_SUBNET = '192.168.77.0/24';

/**
 * Where the VMs are plugged in. `classic`: NeCTAR's own network (`networks: auto`), each VM with a
 * public address. `private`: the named project network (made, with a subnet and a router to
 * floatingIpPool, when the project has none by that name), each VM reached through a floating IP.
 */
export async function serverNetworks(cloud: NectarCloud): Promise<ServerInput['networks']> {
  const network = cloud.config.provider.network;
  if (network.kind === 'classic') return 'auto';
  const found = (await listNetworks(cloud.network, { name: network.name }))[0];
  if (found) return [{ uuid: found.id }];
  return [{ uuid: (await createPrivateNetwork(cloud)).id }];
}

async function externalNetworkId(cloud: NectarCloud): Promise<string> {
  const network = cloud.config.provider.network;
  const pool = network.kind === 'private' ? (network.floatingIpPool ?? '') : '';
  const found = (await listNetworks(cloud.network, { name: pool, external: true }))[0];
  if (found) return found.id;
  throw new HubfleetError({
    kind: 'invalid-config',
    message: `provider.network.floatingIpPool: the cloud has no external network named "${pool}"`,
    hint: 'see `openstack network list --external` for the pools of your availability zone',
    subject: 'provider.network.floatingIpPool',
  });
}

async function createPrivateNetwork(cloud: NectarCloud) {
  const network = cloud.config.provider.network;
  const name = network.kind === 'private' ? network.name : '';
  const tags = [deploymentTag(cloud.config)];
  const made = await createNetwork(cloud.network, { name, tags });
  const subnet = await createSubnet(cloud.network, { network_id: made.id, cidr: PRIVATE_SUBNET, name, tags });
  const router = await createRouter(cloud.network, {
    name,
    externalNetworkId: await externalNetworkId(cloud),
    tags,
  });
  await addRouterInterface(cloud.network, router.id, subnet.id);
  return made;
}

/** The floating IP hubfleet gave a VM (private networks only), associated with its port. */
export async function ensureFloatingIp(cloud: NectarCloud, server: Server): Promise<FloatingIp | undefined> {
  if (cloud.config.provider.network.kind !== 'private') return undefined;
  const [port] = await listPorts(cloud.network, { deviceId: server.id });
  if (!port) {
    throw new HubfleetError({
      kind: 'unavailable',
      message: `VM ${server.name} has no network port yet`,
      hint: 're-run up once the VM is ACTIVE',
      subject: `vm/${server.name}`,
    });
  }
  const [existing] = await listFloatingIps(cloud.network, { portId: port.id });
  if (existing) return existing;
  return createFloatingIp(cloud.network, {
    floatingNetworkId: await externalNetworkId(cloud),
    portId: port.id,
    description: `hubfleet ${cloud.config.name}: ${server.name}`,
    tags: [deploymentTag(cloud.config)],
  });
}

/** Floating IPs hubfleet created for the deployment (by tag). */
export function ownedFloatingIps(cloud: NectarCloud): Promise<FloatingIp[]> {
  return listFloatingIps(cloud.network, { tags: [deploymentTag(cloud.config)] });
}

/** Release the floating IPs hubfleet created, then the network, subnet and router if it made them. */
export async function releaseNetwork(cloud: NectarCloud): Promise<void> {
  for (const address of await ownedFloatingIps(cloud)) await deleteFloatingIp(cloud.network, address.id);
  const tags = [deploymentTag(cloud.config)];
  const routers = await listRouters(cloud.network, { tags });
  const subnets = await listSubnets(cloud.network, { tags });
  for (const router of routers) {
    for (const subnet of subnets)
      await removeRouterInterface(cloud.network, router.id, subnet.id).catch(notFoundIsGone);
    await deleteRouter(cloud.network, router.id);
  }
  for (const subnet of subnets) await deleteSubnet(cloud.network, subnet.id);
  for (const network of await listNetworks(cloud.network, { tags }))
    await deleteNetwork(cloud.network, network.id);
}
