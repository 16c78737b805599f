import {
  asWire,
  wireBoolean,
  wireNullableString,
  wireNumber,
  wireString,
  wireStringMap,
  wireStrings,
  wireTime,
} from '../wire/wire-fields.js';
import type {
  AvailabilityZone,
  Flavor,
  Keypair,
  Server,
  ServerAddress,
  ServerStatus,
  VolumeAttachment,
} from './compute-types.js';

function addressesOf(value: unknown): ServerAddress[] {
  return Object.entries(asWire(value)).flatMap(([network, list]) =>
    (Array.isArray(list) ? list : []).map((item) => {
      const wire = asWire(item);
      const type = wireString(wire, 'OS-EXT-IPS:type');
      return {
        network,
        address: wireString(wire, 'addr') ?? '',
        version: wireNumber(wire, 'version') ?? 4,
        type: type === 'fixed' || type === 'floating' ? type : 'unknown',
        macAddress: wireNullableString(wire, 'OS-EXT-IPS-MAC:mac_addr'),
      };
    }),
  );
}

/** A server from GET /servers/{id} or /servers/detail (flavor as `{id}` before 2.47, embedded after). */
export function toServer(value: unknown): Server {
  const wire = asWire(value);
  const flavor = asWire(wire.flavor);
  const image = asWire(wire.image);
  const fault = asWire(wire.fault);
  const faultMessage = wireString(fault, 'message');
  return {
    id: wireString(wire, 'id') ?? '',
    name: wireString(wire, 'name') ?? '',
    status: (wireString(wire, 'status') ?? 'UNKNOWN') as ServerStatus,
    taskState: wireNullableString(wire, 'OS-EXT-STS:task_state'),
    fault:
      faultMessage === undefined ? null : { code: wireNumber(fault, 'code') ?? 0, message: faultMessage },
    flavorId: wireNullableString(flavor, 'id'),
    flavorName: wireNullableString(flavor, 'original_name'),
    imageId: wireNullableString(image, 'id'),
    keyName: wireNullableString(wire, 'key_name'),
    availabilityZone: wireNullableString(wire, 'OS-EXT-AZ:availability_zone'),
    metadata: wireStringMap(wire, 'metadata'),
    tags: wireStrings(wire, 'tags'),
    addresses: addressesOf(wire.addresses),
    attachedVolumeIds: (Array.isArray(wire['os-extended-volumes:volumes_attached'])
      ? (wire['os-extended-volumes:volumes_attached'] as unknown[])
      : []
    )
      .map((item) => wireString(asWire(item), 'id'))
      .filter((id): id is string => id !== undefined),
    securityGroups: (Array.isArray(wire.security_groups) ? (wire.security_groups as unknown[]) : [])
      .map((item) => wireString(asWire(item), 'name'))
      .filter((name): name is string => name !== undefined),
    createdAt: wireTime(wire, 'created'),
    launchedAt: wireTime(wire, 'OS-SRV-USG:launched_at'),
  };
}

export function toFlavor(value: unknown): Flavor {
  const wire = asWire(value);
  const swap = wire.swap;
  return {
    id: wireString(wire, 'id') ?? '',
    name: wireString(wire, 'name') ?? '',
    vcpus: wireNumber(wire, 'vcpus') ?? 0,
    ram: wireNumber(wire, 'ram') ?? 0,
    disk: wireNumber(wire, 'disk') ?? 0,
    ephemeral: wireNumber(wire, 'OS-FLV-EXT-DATA:ephemeral') ?? 0,
    // Nova shows no swap as "" before 2.75.
    swap: typeof swap === 'number' ? swap : 0,
    isPublic: wireBoolean(wire, 'os-flavor-access:is_public') ?? true,
    extraSpecs: wireStringMap(wire, 'extra_specs'),
  };
}

export function toKeypair(value: unknown): Keypair {
  const wire = asWire(value);
  return {
    name: wireString(wire, 'name') ?? '',
    publicKey: wireString(wire, 'public_key') ?? '',
    fingerprint: wireString(wire, 'fingerprint') ?? '',
    type: wireString(wire, 'type') ?? 'ssh',
  };
}

export function toVolumeAttachment(value: unknown): VolumeAttachment {
  const wire = asWire(value);
  return {
    volumeId: wireString(wire, 'volumeId') ?? wireString(wire, 'id') ?? '',
    serverId: wireString(wire, 'serverId') ?? '',
    device: wireNullableString(wire, 'device'),
    tag: wireNullableString(wire, 'tag'),
    deleteOnTermination: wireBoolean(wire, 'delete_on_termination') ?? false,
  };
}

export function toAvailabilityZone(value: unknown): AvailabilityZone {
  const wire = asWire(value);
  return {
    name: wireString(wire, 'zoneName') ?? '',
    available: wireBoolean(asWire(wire.zoneState), 'available') ?? false,
  };
}
