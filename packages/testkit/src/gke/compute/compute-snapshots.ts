import { stringField, stringMapField } from '../../framework/json-body.js';
import { scheduleTransition } from '../../framework/lifecycle.js';
import { labelFingerprint, numericId, rfc3339 } from '../google-ids.js';
import type { GoogleRequest } from '../google-protocol.js';
import { checkComputeLabels, checkComputeName } from './compute-disks.js';
import {
  computeAlreadyExists,
  computeNotFound,
  fingerprintMismatch,
  resourceNotReady,
} from './compute-errors.js';
import { computeLink, diskPath, snapshotPath } from './compute-links.js';
import { listAnswer } from './compute-list.js';
import { startComputeOperation } from './compute-operations.js';
import type { ComputeContext } from './compute-settings.js';
import type { SnapshotRecord } from './compute-state.js';

export function renderSnapshot(snapshot: SnapshotRecord): Record<string, unknown> {
  return {
    kind: 'compute#snapshot',
    id: snapshot.id,
    name: snapshot.name,
    status: snapshot.status,
    sourceDisk: snapshot.sourceDisk,
    sourceDiskId: snapshot.sourceDiskId,
    diskSizeGb: String(snapshot.diskSizeGb),
    storageBytes: snapshot.status === 'READY' ? String(snapshot.diskSizeGb * 2 ** 20) : '0',
    labels: snapshot.labels,
    labelFingerprint: snapshot.labelFingerprint,
    creationTimestamp: rfc3339(snapshot.creationTimestamp),
    selfLink: computeLink(snapshotPath(snapshot.project, snapshot.name)),
    ...(snapshot.description === undefined ? {} : { description: snapshot.description }),
  };
}

function snapshotOf(context: ComputeContext, project: string, name: string): SnapshotRecord {
  const snapshot = context.state.snapshots[`${project}/${name}`];
  if (!snapshot) throw computeNotFound(snapshotPath(project, name));
  return snapshot;
}

/** POST …/disks/{disk}/createSnapshot: CREATING → UPLOADING → READY; the zonal operation ends at READY. */
export function createSnapshot(context: ComputeContext, request: GoogleRequest): unknown {
  const { project = '', zone = '', disk: diskName = '' } = request.labels;
  const disk = context.state.disks[`${project}/${zone}/${diskName}`];
  if (!disk) throw computeNotFound(diskPath(project, zone, diskName));
  if (disk.status !== 'READY') throw resourceNotReady(diskPath(project, zone, diskName));
  const name = checkComputeName(stringField(request.body, 'name'));
  if (context.state.snapshots[`${project}/${name}`]) throw computeAlreadyExists(snapshotPath(project, name));
  const labels = stringMapField(request.body, 'labels') ?? {};
  checkComputeLabels(labels);
  const duration = context.duration('compute.CreateSnapshot');
  const snapshot: SnapshotRecord = {
    id: numericId(),
    name,
    project,
    sourceDisk: computeLink(diskPath(project, zone, diskName)),
    sourceDiskId: disk.id,
    diskSizeGb: disk.sizeGb,
    labels,
    labelFingerprint: labelFingerprint(labels),
    status: 'CREATING',
    creationTimestamp: context.now,
    uploadingAt: context.now + duration / 3,
    ...(stringField(request.body, 'description')
      ? { description: stringField(request.body, 'description') }
      : {}),
  };
  scheduleTransition(snapshot, 'READY', context.now, duration);
  context.state.snapshots[`${project}/${name}`] = snapshot;
  return startComputeOperation(
    context,
    project,
    `zones/${zone}`,
    'createSnapshot',
    { path: diskPath(project, zone, diskName), id: disk.id },
    duration,
  );
}

export function getSnapshot(context: ComputeContext, request: GoogleRequest): unknown {
  return renderSnapshot(snapshotOf(context, request.labels.project ?? '', request.labels.snapshot ?? ''));
}

export function listSnapshots(context: ComputeContext, request: GoogleRequest): unknown {
  const { project } = request.labels;
  const snapshots = Object.values(context.state.snapshots)
    .filter((snapshot) => snapshot.project === project)
    .map(renderSnapshot);
  return listAnswer(
    'compute#snapshotList',
    computeLink(`projects/${project}/global/snapshots`),
    snapshots,
    request.query,
  );
}

export function deleteSnapshot(context: ComputeContext, request: GoogleRequest): unknown {
  const snapshot = snapshotOf(context, request.labels.project ?? '', request.labels.snapshot ?? '');
  const duration = context.duration('compute.DeleteSnapshot');
  if (snapshot.status !== 'DELETING') {
    snapshot.status = 'DELETING';
    scheduleTransition(snapshot, null, context.now, duration);
  }
  return startComputeOperation(
    context,
    snapshot.project,
    'global',
    'delete',
    { path: snapshotPath(snapshot.project, snapshot.name), id: snapshot.id },
    duration,
  );
}

export function setSnapshotLabels(context: ComputeContext, request: GoogleRequest): unknown {
  const snapshot = snapshotOf(context, request.labels.project ?? '', request.labels.resource ?? '');
  const labels = stringMapField(request.body, 'labels') ?? {};
  checkComputeLabels(labels);
  if (stringField(request.body, 'labelFingerprint') !== snapshot.labelFingerprint)
    throw fingerprintMismatch();
  snapshot.labels = labels;
  snapshot.labelFingerprint = labelFingerprint(labels);
  return startComputeOperation(
    context,
    snapshot.project,
    'global',
    'setLabels',
    { path: snapshotPath(snapshot.project, snapshot.name), id: snapshot.id },
    context.duration('compute.SetLabels'),
  );
}
