import { randomUUID } from 'node:crypto';
import type { FakeResponse } from '../../framework/http-service.js';
import { booleanField, objectField, stringField, stringMapField } from '../../framework/json-body.js';
import { scheduleTransition } from '../../framework/lifecycle.js';
import type { OpenStackRequest } from '../shared/openstack-protocol.js';
import { badRequest, overLimit, snapshotNotFound } from './cinder-errors.js';
import { cinderPage, matchesMetadata, parseMetadataFilter } from './cinder-listing.js';
import { findInProject, inProject } from './cinder-project.js';
import { type CinderContext, dueIn, takeFailure } from './cinder-settings.js';
import type { SnapshotRecord } from './cinder-state.js';
import { renderSnapshot } from './cinder-views.js';
import { checkQuota, findVolume, reply } from './cinder-volumes.js';

const mine = (context: CinderContext) => inProject(context, context.state.snapshots);
const findSnapshot = (context: CinderContext, id: string) =>
  findInProject(context, context.state.snapshots, id, snapshotNotFound);

/**
 * POST /snapshots {"snapshot": {volume_id, name, force, metadata}} → 202, `creating` → `available`.
 * The volume must be available, or in-use with `force`.
 */
export function createSnapshot(context: CinderContext, request: OpenStackRequest): FakeResponse {
  const body = objectField(request.body, 'snapshot');
  const volumeId = stringField(body, 'volume_id');
  if (!body || !volumeId) throw badRequest("Missing required element 'snapshot' in request body.");
  const volume = findVolume(context, volumeId);
  const force = booleanField(body, 'force') ?? false;
  if (volume.status !== 'available' && !(force && volume.status === 'in-use'))
    throw badRequest(
      `Invalid volume: Volume ${volume.id} status must be available, but current status is: ${volume.status}.`,
    );
  if (mine(context).length + 1 > context.settings.quotas.snapshots)
    throw overLimit(
      `SnapshotLimitExceeded: Maximum number of snapshots allowed (${context.settings.quotas.snapshots}) exceeded.`,
    );
  checkQuota(context, volume.size, false);
  const snapshot: SnapshotRecord = {
    id: randomUUID(),
    volumeId: volume.id,
    name: stringField(body, 'name') ?? null,
    description: stringField(body, 'description') ?? null,
    size: volume.size,
    metadata: stringMapField(body, 'metadata') ?? {},
    projectId: context.settings.projectId,
    status: 'creating',
    createdAt: context.now,
    updatedAt: null,
  };
  context.state.snapshots[snapshot.id] = snapshot;
  const failed = takeFailure(context.settings, 'create-snapshot');
  scheduleTransition(
    snapshot,
    failed ? 'error' : 'available',
    context.now,
    dueIn(context, context.settings.durations.createSnapshot),
  );
  return reply(context, 202, { snapshot: renderSnapshot(context, snapshot) });
}

/** GET /snapshots/detail?volume_id=&name=&status=&metadata= */
export function listSnapshotDetails(context: CinderContext, request: OpenStackRequest): FakeResponse {
  const { query } = request;
  const metadata = parseMetadataFilter(query.get('metadata'));
  const found = mine(context).filter(
    (snapshot) =>
      (query.get('volume_id') === null || snapshot.volumeId === query.get('volume_id')) &&
      (query.get('name') === null || snapshot.name === query.get('name')) &&
      (query.get('status') === null || snapshot.status === query.get('status')) &&
      matchesMetadata(snapshot.metadata, metadata),
  );
  const { page, links } = cinderPage(context, found, query, 'snapshots/detail', 'snapshots');
  return reply(context, 200, {
    snapshots: page.map((snapshot) => renderSnapshot(context, snapshot)),
    ...links,
  });
}

export function showSnapshot(context: CinderContext, request: OpenStackRequest): FakeResponse {
  return reply(context, 200, {
    snapshot: renderSnapshot(context, findSnapshot(context, request.labels.snapshotId as string)),
  });
}

/** DELETE /snapshots/{id} → 202, `deleting` → gone; refused while it is still being made. */
export function deleteSnapshot(context: CinderContext, request: OpenStackRequest): FakeResponse {
  const snapshot = findSnapshot(context, request.labels.snapshotId as string);
  if (snapshot.status !== 'available' && snapshot.status !== 'error')
    throw badRequest(
      `Invalid snapshot: Volume Snapshot status must be available or error, but current status is: ${snapshot.status}.`,
    );
  snapshot.status = 'deleting';
  snapshot.updatedAt = context.now;
  scheduleTransition(snapshot, null, context.now, dueIn(context, context.settings.durations.deleteSnapshot));
  return reply(context, 202);
}
