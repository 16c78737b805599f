import { asWire, wireNumber, wireString, wireStrings, wireTime } from '../wire/wire-fields.js';
import type { Image } from './image-types.js';

/** Glance's own image fields; everything else with a string value is a custom property. */
const CORE_FIELDS = new Set([
  'id',
  'name',
  'status',
  'visibility',
  'disk_format',
  'container_format',
  'size',
  'virtual_size',
  'min_disk',
  'min_ram',
  'owner',
  'protected',
  'os_hidden',
  'tags',
  'checksum',
  'os_hash_algo',
  'os_hash_value',
  'created_at',
  'updated_at',
  'self',
  'file',
  'schema',
  'direct_url',
  'locations',
  'stores',
]);

export function toImage(value: unknown): Image {
  const wire = asWire(value);
  return {
    id: wireString(wire, 'id') ?? '',
    name: wireString(wire, 'name') ?? '',
    status: wireString(wire, 'status') ?? 'queued',
    visibility: wireString(wire, 'visibility') ?? 'private',
    diskFormat: wireString(wire, 'disk_format') ?? '',
    minDisk: wireNumber(wire, 'min_disk') ?? 0,
    minRam: wireNumber(wire, 'min_ram') ?? 0,
    size: wireNumber(wire, 'size') ?? null,
    owner: wireString(wire, 'owner') ?? '',
    tags: wireStrings(wire, 'tags'),
    properties: Object.fromEntries(
      Object.entries(wire).filter(
        (entry): entry is [string, string] => !CORE_FIELDS.has(entry[0]) && typeof entry[1] === 'string',
      ),
    ),
    createdAt: wireTime(wire, 'created_at'),
  };
}
