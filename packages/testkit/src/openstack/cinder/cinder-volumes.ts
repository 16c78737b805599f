import { randomUUID } from 'node:crypto';
import type { FakeResponse } from '../../framework/http-service.js';
import {
  booleanField,
  numberField,
  objectField,
  stringField,
  stringMapField,
} from '../../framework/json-body.js';
import { scheduleTransition } from '../../framework/lifecycle.js';
import { jsonReply } from '../shared/openstack-http.js';
import type { OpenStackRequest } from '../shared/openstack-protocol.js';
import { badRequest, INVALID_VOLUME_DELETE, overLimit, volumeNotFound } from './cinder-errors.js';
import { cinderPage, matchesMetadata, parseMetadataFilter } from './cinder-listing.js';
import { type CinderContext, dueIn, takeFailure } from './cinder-settings.js';
import type { VolumeRecord, VolumeStatus } from './cinder-state.js';
import { renderVolume, renderVolumeSummary } from './cinder-views.js';

export function reply(context: CinderContext, status: number, body?: unknown): FakeResponse {
  return jsonReply(status, body, context.versionHeaders);
}

export function findVolume(context: CinderContext, id: string): VolumeRecord {
  const volume = context.state.volumes[id];
  if (!volume || volume.projectId !== context.settings.projectId) throw volumeNotFound(id);
  return volume;
}

function mine(context: CinderContext): VolumeRecord[] {
  return Object.values(context.state.volumes).filter(
    (volume) => volume.projectId === context.settings.projectId,
  );
}

/** The per-project quotas: volumes count (for a new volume) and gigabytes (volumes and snapshots together). */
export function checkQuota(context: CinderContext, size: number, newVolume = true): void {
  const { quotas } = context.settings;
  const volumes = mine(context);
  if (newVolume && volumes.length + 1 > quotas.volumes)
    throw overLimit(
      `VolumeLimitExceeded: Maximum number of volumes allowed (${quotas.volumes}) exceeded for quota 'volumes'.`,
    );
  const snapshots = Object.values(context.state.snapshots).filter(
    (snapshot) => snapshot.projectId === context.settings.projectId,
  );
  const consumed = [...volumes, ...snapshots].reduce((total, item) => total + item.size, 0);
  if (consumed + size > quotas.gigabytes)
    throw overLimit(
      `VolumeSizeExceedsAvailableQuota: Requested volume or snapshot exceeds allowed gigabytes quota. Requested ${size}G, quota is ${quotas.gigabytes}G and ${consumed}G has been consumed.`,
    );
}

/** POST /v3/{project}/volumes {"volume": {size, name, …}} → 202, `creating`, then `available` (or `error`). */
export function createVolume(context: CinderContext, request: OpenStackRequest): FakeResponse {
  const body = objectField(request.body, 'volume');
  if (!body) throw badRequest("Missing required element 'volume' in request body.");
  const size = numberField(body, 'size');
  const snapshotId = stringField(body, 'snapshot_id') ?? null;
  const snapshot = snapshotId ? context.state.snapshots[snapshotId] : undefined;
  if (snapshotId && !snapshot)
    throw badRequest(`Invalid input received: Snapshot ${snapshotId} could not be found.`);
  const effectiveSize = size ?? snapshot?.size;
  if (effectiveSize === undefined || !Number.isInteger(effectiveSize) || effectiveSize < 1)
    throw badRequest(
      `Invalid input received: Volume size '${String(size)}' must be an integer and greater than 0.`,
    );
  const zone = stringField(body, 'availability_zone') ?? context.settings.availabilityZones[0] ?? 'nova';
  if (!context.settings.availabilityZones.includes(zone))
    throw badRequest(`Invalid input received: Availability zone '${zone}' is invalid.`);
  const type = stringField(body, 'volume_type') ?? context.settings.volumeTypes[0] ?? '__DEFAULT__';
  if (!context.settings.volumeTypes.includes(type))
    throw badRequest(`Invalid input received: Volume type ${type} could not be found.`);
  checkQuota(context, effectiveSize);
  const volume: VolumeRecord = {
    id: randomUUID(),
    name: stringField(body, 'name') ?? null,
    description: stringField(body, 'description') ?? null,
    size: effectiveSize,
    volumeType: type,
    availabilityZone: zone,
    metadata: stringMapField(body, 'metadata') ?? {},
    attachments: [],
    bootable: false,
    multiattach: booleanField(body, 'multiattach') ?? false,
    snapshotId,
    sourceVolid: stringField(body, 'source_volid') ?? null,
    projectId: context.settings.projectId,
    userId: context.settings.userId,
    status: 'creating',
    createdAt: context.now,
    updatedAt: null,
  };
  context.state.volumes[volume.id] = volume;
  const failed = takeFailure(context.settings, 'create-volume');
  scheduleTransition(
    volume,
    failed ? 'error' : 'available',
    context.now,
    dueIn(context, context.settings.durations.create),
  );
  return reply(context, 202, { volume: renderVolume(context, volume) });
}

function filtered(context: CinderContext, query: URLSearchParams): VolumeRecord[] {
  const name = query.get('name');
  const status = query.get('status');
  const metadata = parseMetadataFilter(query.get('metadata'));
  return mine(context).filter(
    (volume) =>
      (name === null || volume.name === name) &&
      (status === null || volume.status === status) &&
      matchesMetadata(volume.metadata, metadata),
  );
}

/** GET /volumes/detail?name=&status=&metadata=&limit=&marker= */
export function listVolumeDetails(context: CinderContext, request: OpenStackRequest): FakeResponse {
  const { page, links } = cinderPage(
    context,
    filtered(context, request.query),
    request.query,
    'volumes/detail',
    'volumes',
  );
  return reply(context, 200, { volumes: page.map((volume) => renderVolume(context, volume)), ...links });
}

/** GET /volumes: id, name and links only. */
export function listVolumes(context: CinderContext, request: OpenStackRequest): FakeResponse {
  const { page, links } = cinderPage(
    context,
    filtered(context, request.query),
    request.query,
    'volumes',
    'volumes',
  );
  return reply(context, 200, {
    volumes: page.map((volume) => renderVolumeSummary(context, volume)),
    ...links,
  });
}

export function showVolume(context: CinderContext, request: OpenStackRequest): FakeResponse {
  return reply(context, 200, {
    volume: renderVolume(context, findVolume(context, request.labels.volumeId as string)),
  });
}

/** PUT /volumes/{id} {"volume": {name?, description?, metadata?}} → 200. */
export function updateVolume(context: CinderContext, request: OpenStackRequest): FakeResponse {
  const volume = findVolume(context, request.labels.volumeId as string);
  const body = objectField(request.body, 'volume');
  if (!body) throw badRequest("Missing required element 'volume' in request body.");
  const name = stringField(body, 'name');
  const description = stringField(body, 'description');
  const metadata = stringMapField(body, 'metadata');
  if (name !== undefined) volume.name = name;
  if (description !== undefined) volume.description = description;
  if (metadata !== undefined) volume.metadata = metadata;
  volume.updatedAt = context.now;
  return reply(context, 200, { volume: renderVolume(context, volume) });
}

const DELETABLE: ReadonlySet<VolumeStatus> = new Set(['available', 'error', 'error_extending']);

/**
 * DELETE /volumes/{id}[?cascade=true] → 202, `deleting`, then gone (or `error_deleting`). Refused
 * (400 "Invalid volume") while attached, busy, or while it has snapshots unless cascade.
 */
export function deleteVolume(context: CinderContext, request: OpenStackRequest): FakeResponse {
  const volume = findVolume(context, request.labels.volumeId as string);
  const cascade = request.query.get('cascade') === 'true' || request.query.get('cascade') === 'True';
  const snapshots = Object.values(context.state.snapshots).filter(
    (snapshot) => snapshot.volumeId === volume.id,
  );
  if (!DELETABLE.has(volume.status) || volume.attachments.length > 0 || (snapshots.length > 0 && !cascade))
    throw badRequest(INVALID_VOLUME_DELETE);
  for (const snapshot of snapshots) {
    snapshot.status = 'deleting';
    scheduleTransition(
      snapshot,
      null,
      context.now,
      dueIn(context, context.settings.durations.deleteSnapshot),
    );
  }
  volume.status = 'deleting';
  volume.updatedAt = context.now;
  const failed = takeFailure(context.settings, 'delete-volume');
  scheduleTransition(
    volume,
    failed ? 'error_deleting' : null,
    context.now,
    dueIn(context, context.settings.durations.delete),
  );
  return reply(context, 202);
}

/** POST /volumes/{id}/action {"os-extend": {"new_size"}} → 202; `extending`, then `available` at the new size. */
export function volumeAction(context: CinderContext, request: OpenStackRequest): FakeResponse {
  const volume = findVolume(context, request.labels.volumeId as string);
  const extend = objectField(request.body, 'os-extend');
  if (!extend) throw badRequest('There is no such action: only os-extend is modelled by this fake.');
  const newSize = numberField(extend, 'new_size');
  if (newSize === undefined || !Number.isInteger(newSize) || newSize <= volume.size)
    throw badRequest(
      `Invalid input received: New size for extend must be greater than current size. (current: ${volume.size}, extended: ${String(newSize)}).`,
    );
  if (volume.status !== 'available')
    throw badRequest(
      `Invalid volume: Volume ${volume.id} status must be available to extend, but current status is: ${volume.status}.`,
    );
  checkQuota(context, newSize - volume.size, false);
  volume.status = 'extending';
  volume.pendingSize = newSize;
  const failed = takeFailure(context.settings, 'extend-volume');
  scheduleTransition(
    volume,
    failed ? 'error_extending' : 'available',
    context.now,
    dueIn(context, context.settings.durations.extend),
  );
  return reply(context, 202);
}
