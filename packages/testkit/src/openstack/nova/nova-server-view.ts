import { atLeast } from '../shared/microversion.js';
import type { ServerAddress } from '../shared/port-backend.js';
import { isoTime, type NovaContext, vmStateOf } from './nova-context.js';
import type { ServerRecord } from './nova-state.js';

function links(context: NovaContext, kind: string, id: string) {
  const bookmark = context.baseUrl.replace(/\/v2(\.1)?$/, '');
  return [
    { rel: 'self', href: `${context.baseUrl}/${kind}/${id}` },
    { rel: 'bookmark', href: `${bookmark}/${kind}/${id}` },
  ];
}

export function serverLinks(context: NovaContext, id: string) {
  return links(context, 'servers', id);
}

function addressesOf(context: NovaContext, server: ServerRecord): Record<string, unknown[]> {
  const render = (address: ServerAddress) => ({
    version: address.version,
    addr: address.addr,
    'OS-EXT-IPS:type': address.type,
    'OS-EXT-IPS-MAC:mac_addr': address.mac,
  });
  if (server.neutronPorts && context.settings.ports) {
    const byNetwork = context.settings.ports.addressesOf(server.id);
    return Object.fromEntries(Object.entries(byNetwork).map(([name, list]) => [name, list.map(render)]));
  }
  return Object.fromEntries(
    Object.entries(server.ownAddresses ?? {}).map(([name, addr]) => [
      name,
      [render({ version: 4, addr, type: 'fixed', mac: 'fa:16:3e:00:00:01' })],
    ]),
  );
}

function flavorOf(context: NovaContext, server: ServerRecord): unknown {
  const flavor = context.state.flavors[server.flavorId];
  if (!atLeast(context.version, '2.47') || !flavor)
    return { id: server.flavorId, links: links(context, 'flavors', server.flavorId).slice(1) };
  return {
    vcpus: flavor.vcpus,
    ram: flavor.ram,
    disk: flavor.disk,
    ephemeral: flavor.ephemeral,
    swap: flavor.swap,
    original_name: flavor.name,
    extra_specs: flavor.extraSpecs,
  };
}

/** GET /servers/{id} and /servers/detail: the fields Nova shows at the negotiated microversion. */
export function serverDetail(context: NovaContext, server: ServerRecord): Record<string, unknown> {
  const version = context.version;
  return {
    id: server.id,
    name: server.name,
    status: server.status,
    tenant_id: context.settings.projectId,
    user_id: context.settings.userId,
    metadata: server.metadata,
    hostId: server.status === 'BUILD' ? '' : `host-${server.id.slice(0, 8)}`,
    image:
      server.imageId === ''
        ? ''
        : { id: server.imageId, links: links(context, 'images', server.imageId).slice(1) },
    flavor: flavorOf(context, server),
    created: isoTime(server.created),
    updated: isoTime(server.updated),
    addresses: addressesOf(context, server),
    accessIPv4: '',
    accessIPv6: '',
    links: serverLinks(context, server.id),
    'OS-DCF:diskConfig': 'MANUAL',
    progress: server.status === 'ACTIVE' ? 100 : 0,
    'OS-EXT-AZ:availability_zone': server.availabilityZone,
    config_drive: '',
    key_name: server.keyName,
    'OS-SRV-USG:launched_at':
      server.launchedAt === undefined ? null : isoTime(server.launchedAt).replace('Z', '.000000'),
    'OS-SRV-USG:terminated_at': null,
    'OS-EXT-STS:task_state': server.taskState,
    'OS-EXT-STS:vm_state': vmStateOf(server),
    'OS-EXT-STS:power_state': server.status === 'ACTIVE' ? 1 : 0,
    'os-extended-volumes:volumes_attached': server.attachments.map((attachment) => ({
      id: attachment.volumeId,
      ...(atLeast(version, '2.3') ? { delete_on_termination: attachment.deleteOnTermination } : {}),
    })),
    security_groups: server.securityGroups.map((name) => ({ name })),
    ...(server.status === 'ERROR' && server.fault ? { fault: server.fault } : {}),
    ...(atLeast(version, '2.9') ? { locked: false } : {}),
    ...(atLeast(version, '2.19') ? { description: server.description } : {}),
    ...(atLeast(version, '2.26') ? { tags: server.tags } : {}),
  };
}

export function serverSummary(context: NovaContext, server: ServerRecord): Record<string, unknown> {
  return { id: server.id, name: server.name, links: serverLinks(context, server.id) };
}
