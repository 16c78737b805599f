import { randomUUID } from 'node:crypto';
import {
  type JsonObject,
  objectArrayField,
  objectField,
  stringArrayField,
  stringField,
  stringMapField,
} from '../../framework/json-body.js';
import { atLeast } from '../shared/microversion.js';
import type { OpenStackRequest } from '../shared/openstack-protocol.js';
import type { BoundPort } from '../shared/port-backend.js';
import { badRequest, conflict, forbidden, type NovaContext, reply } from './nova-context.js';
import { serverLinks } from './nova-server-view.js';
import type { BuildOutcome } from './nova-settings.js';
import type { FlavorRecord, ServerRecord } from './nova-state.js';
import { validateTags } from './nova-tag-rules.js';
import { generateHostKey } from './ssh-host-key.js';

/** Nova's quota check (instances, then cores, then RAM): 403 with the counts, never 413. */
function checkQuota(context: NovaContext, flavor: FlavorRecord): void {
  const servers = Object.values(context.state.servers);
  const used = {
    instances: servers.length,
    cores: servers.reduce((sum, server) => sum + (context.state.flavors[server.flavorId]?.vcpus ?? 0), 0),
    ram: servers.reduce((sum, server) => sum + (context.state.flavors[server.flavorId]?.ram ?? 0), 0),
  };
  const requested = { instances: 1, cores: flavor.vcpus, ram: flavor.ram };
  for (const resource of ['instances', 'cores', 'ram'] as const) {
    const allowed = context.settings.quotas[resource];
    if (used[resource] + requested[resource] > allowed)
      throw forbidden(
        `Quota exceeded for ${resource}: Requested ${requested[resource]}, but already used ${used[resource]} of ${allowed} ${resource}`,
      );
  }
}

/** The outcome of the n-th build: scripted ones first, then a seeded coin with `buildErrorRate`. */
function buildOutcome(context: NovaContext): BuildOutcome {
  const index = context.state.builds;
  context.state.builds += 1;
  const scripted = context.settings.buildOutcomes[index];
  if (scripted) return scripted;
  if (context.settings.buildErrorRate <= 0) return 'active';
  let t = (context.settings.seed + index * 0x6d2b79f5) >>> 0;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  const random = ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  return random < context.settings.buildErrorRate ? 'error' : 'active';
}

function requiredString(body: JsonObject | undefined, field: string): string {
  const value = stringField(body, field);
  if (value === undefined || value.trim() === '')
    throw badRequest(`Invalid input for field/attribute ${field}. Value: None. None is not of type 'string'`);
  return value;
}

function bootsFromVolume(server: JsonObject): boolean {
  return (objectArrayField(server, 'block_device_mapping_v2') ?? []).some(
    (mapping) => mapping.boot_index === 0 || mapping.boot_index === '0',
  );
}

interface NetworkChoice {
  uuid?: string;
  port?: string;
  fixedIp?: string;
}

/** `networks`: a list, or (from 2.37, where it is required) `auto` / `none`. */
function networksOf(context: NovaContext, server: JsonObject): NetworkChoice[] | 'auto' | 'none' {
  const raw = server.networks;
  if (raw === 'auto' || raw === 'none') {
    if (!atLeast(context.version, '2.37'))
      throw badRequest(`Invalid input for field/attribute networks. Value: ${raw}.`);
    return raw;
  }
  if (raw === undefined) {
    if (atLeast(context.version, '2.37'))
      throw badRequest(
        "Invalid input for field/attribute server. Value: ... 'networks' is a required property",
      );
    return 'auto';
  }
  const list = objectArrayField(server, 'networks');
  if (!list) throw badRequest('Invalid input for field/attribute networks.');
  return list.map((network) => ({
    uuid: stringField(network, 'uuid'),
    port: stringField(network, 'port'),
    fixedIp: stringField(network, 'fixed_ip'),
  }));
}

function bindPorts(
  context: NovaContext,
  record: ServerRecord,
  networks: NetworkChoice[] | 'auto' | 'none',
): void {
  const backend = context.settings.ports;
  if (networks === 'none') return;
  if (!backend || networks === 'auto' || networks.length === 0) {
    if (networks === 'auto' || !backend) {
      if (context.settings.ownAddressFor) record.ownAddresses = context.settings.ownAddressFor(record);
      else {
        context.state.nextAddress += 1;
        record.ownAddresses = { private: `10.0.0.${context.state.nextAddress}` };
      }
    }
    return;
  }
  const bound: BoundPort[] = [];
  for (const network of networks) {
    const outcome = backend.bind({
      networkId: network.uuid,
      portId: network.port,
      fixedIp: network.fixedIp,
      deviceId: record.id,
      deviceOwner: `compute:${record.availabilityZone}`,
      securityGroups: record.securityGroups,
    });
    if ('refused' in outcome) {
      backend.release(record.id);
      // Nova answers PortInUse with 409; a missing network or port, or no address left, with 400.
      throw outcome.status === 409 ? conflict(outcome.refused) : badRequest(outcome.refused);
    }
    bound.push(outcome);
  }
  record.neutronPorts = bound.length > 0;
}

/** POST /servers → 202 `{server: {id, links, adminPass, …}}`; the server starts in BUILD. */
export function createServer(context: NovaContext, request: OpenStackRequest) {
  const body = objectField(request.body, 'server');
  if (!body)
    throw badRequest(
      "Invalid input for field/attribute server. Value: None. 'server' is a required property",
    );
  const name = requiredString(body, 'name');
  const flavorRef = requiredString(body, 'flavorRef');
  const flavor = context.state.flavors[flavorRef.split('/').at(-1) ?? ''];
  if (!flavor) throw badRequest(`Flavor ${flavorRef} could not be found.`);
  const fromVolume = bootsFromVolume(body);
  const imageRef = stringField(body, 'imageRef') ?? '';
  const imageId = imageRef.split('/').at(-1) ?? '';
  if (!fromVolume && imageId === '') throw badRequest('Missing imageRef attribute');
  if (!fromVolume && context.settings.imageExists && !context.settings.imageExists(imageId))
    throw badRequest(`Image ${imageId} could not be found.`);
  const keyName = stringField(body, 'key_name') ?? null;
  if (keyName !== null && !context.state.keypairs[keyName]) throw badRequest('Invalid key_name provided.');
  const zone = stringField(body, 'availability_zone') ?? context.settings.availabilityZones[0] ?? 'nova';
  if (!context.settings.availabilityZones.includes(zone))
    throw badRequest('The requested availability zone is not available');
  const tags = body.tags === undefined ? [] : (stringArrayField(body, 'tags') ?? []);
  if (body.tags !== undefined) {
    if (!atLeast(context.version, '2.52'))
      throw badRequest(
        "Invalid input for field/attribute server. Additional properties are not allowed ('tags' was unexpected)",
      );
    validateTags(tags);
  }
  const userData = stringField(body, 'user_data');
  if (userData !== undefined && (userData.length > 65535 || !/^[A-Za-z0-9+/=\s]*$/.test(userData)))
    throw badRequest('User data needs to be valid base 64.');
  const metadata = stringMapField(body, 'metadata') ?? {};
  if (Object.keys(metadata).length > context.settings.quotas.metadataItems)
    throw forbidden(`Quota exceeded for metadata_items: Requested ${Object.keys(metadata).length}`);
  const networks = networksOf(context, body);
  checkQuota(context, flavor);

  const id = randomUUID();
  const securityGroups = (objectArrayField(body, 'security_groups') ?? [])
    .map((group) => stringField(group, 'name'))
    .filter((group): group is string => group !== undefined);
  const record: ServerRecord = {
    id,
    name,
    flavorId: flavor.id,
    imageId: fromVolume ? '' : imageId,
    keyName,
    availabilityZone: zone,
    metadata,
    tags,
    securityGroups: securityGroups.length > 0 ? securityGroups : ['default'],
    userData,
    description: stringField(body, 'description') ?? null,
    created: context.now,
    updated: context.now,
    status: 'BUILD',
    taskState: 'spawning',
    attachments: [],
    hostKeys: context.settings.hostKeysFor?.({ id, name }) ?? [generateHostKey(`root@${name}`)],
    neutronPorts: false,
  };
  bindPorts(context, record, networks);
  const outcome = buildOutcome(context);
  const at = context.now + context.settings.clock.scaled(context.settings.durations.build);
  if (outcome === 'active') record.transition = { to: 'ACTIVE', at };
  if (outcome === 'error') {
    record.transition = { to: 'ERROR', at };
    record.fault = {
      code: 500,
      message: 'No valid host was found. There are not enough hosts available.',
      created: new Date(at).toISOString().replace(/\.\d{3}Z$/, 'Z'),
    };
  }
  context.state.servers[id] = record;
  return reply(
    context,
    202,
    {
      server: {
        id,
        links: serverLinks(context, id),
        'OS-DCF:diskConfig': 'MANUAL',
        security_groups: record.securityGroups.map((group) => ({ name: group })),
        adminPass: randomUUID().replace(/-/g, '').slice(0, 12),
      },
    },
    { location: `${context.baseUrl}/servers/${id}` },
  );
}
