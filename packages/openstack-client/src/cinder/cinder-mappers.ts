import {
  asWire,
  type Wire,
  wireBoolean,
  wireNullableString,
  wireNumber,
  wireString,
  wireStringMap,
  wireTime,
} from '../wire/wire-fields.js';
import type { AttachedServer, Attachment, Backup, Snapshot, Volume } from './cinder-types.js';

function toAttachedServer(value: unknown): AttachedServer {
  const wire = asWire(value);
  return {
    attachmentId: wireNullableString(wire, 'attachment_id'),
    serverId: wireString(wire, 'server_id') ?? '',
    device: wireNullableString(wire, 'device'),
  };
}

/** `bootable` is the string "true"/"false" on the wire. */
function flag(value: unknown): boolean {
  return value === true || value === 'true' || value === 'True';
}

export function toVolume(value: unknown): Volume {
  const wire = asWire(value);
  const attachments = Array.isArray(wire.attachments) ? wire.attachments : [];
  return {
    id: wireString(wire, 'id') ?? '',
    name: wireNullableString(wire, 'name'),
    description: wireNullableString(wire, 'description'),
    status: wireString(wire, 'status') ?? 'unknown',
    size: wireNumber(wire, 'size') ?? 0,
    availabilityZone: wireNullableString(wire, 'availability_zone'),
    volumeType: wireNullableString(wire, 'volume_type'),
    metadata: wireStringMap(wire, 'metadata'),
    attachments: attachments.map(toAttachedServer),
    bootable: flag(wire.bootable),
    multiattach: wireBoolean(wire, 'multiattach') ?? false,
    createdAt: wireTime(wire, 'created_at'),
    updatedAt: wireTime(wire, 'updated_at'),
  };
}

/** What a snapshot and a backup both say: a copy of one volume. */
function volumeCopy(wire: Wire): Snapshot {
  return {
    id: wireString(wire, 'id') ?? '',
    volumeId: wireString(wire, 'volume_id') ?? '',
    name: wireNullableString(wire, 'name'),
    description: wireNullableString(wire, 'description'),
    status: wireString(wire, 'status') ?? 'unknown',
    size: wireNumber(wire, 'size') ?? 0,
    metadata: wireStringMap(wire, 'metadata'),
    createdAt: wireTime(wire, 'created_at'),
  };
}

export function toSnapshot(value: unknown): Snapshot {
  return volumeCopy(asWire(value));
}

export function toBackup(value: unknown): Backup {
  const wire = asWire(value);
  return {
    ...volumeCopy(wire),
    failReason: wireNullableString(wire, 'fail_reason'),
    incremental: wireBoolean(wire, 'is_incremental') ?? false,
  };
}

export function toAttachment(value: unknown): Attachment {
  const wire = asWire(value);
  return {
    id: wireString(wire, 'id') ?? '',
    volumeId: wireString(wire, 'volume_id') ?? '',
    serverId: wireNullableString(wire, 'instance'),
    status: wireString(wire, 'status') ?? 'unknown',
    attachMode: wireNullableString(wire, 'attach_mode'),
  };
}

/** The `metadata` list filter: a JSON dict (Cinder reads it with ast.literal_eval, which takes JSON too). */
export function metadataFilter(metadata: Record<string, string> | undefined): string | undefined {
  return metadata && Object.keys(metadata).length > 0 ? JSON.stringify(metadata) : undefined;
}
