import { numberField, stringField, stringMapField } from '../../framework/json-body.js';
import { scheduleTransition } from '../../framework/lifecycle.js';
import { invalidLabel, labelFingerprint, numericId, rfc3339 } from '../google-ids.js';
import type { GoogleRequest } from '../google-protocol.js';
import {
  computeAlreadyExists,
  computeInvalid,
  computeNotFound,
  fingerprintMismatch,
  resourceInUse,
  resourceNotReady,
} from './compute-errors.js';
import { matchesFilter } from './compute-filter.js';
import { computeLink, diskPath, lastSegment } from './compute-links.js';
import { listAnswer } from './compute-list.js';
import { startComputeOperation } from './compute-operations.js';
import type { ComputeContext } from './compute-settings.js';
import type { DiskRecord } from './compute-state.js';

const NAME = /^[a-z]([-a-z0-9]{0,61}[a-z0-9])?$/;
const DISK_TYPES = ['pd-standard', 'pd-balanced', 'pd-ssd', 'pd-extreme', 'hyperdisk-balanced'];

export function checkComputeName(name: string | undefined): string {
  if (name === undefined || !NAME.test(name)) {
    throw computeInvalid(
      `Invalid value for field 'resource.name': '${name ?? ''}'. Must be a match of regex '(?:[a-z](?:[-a-z0-9]{0,61}[a-z0-9])?)'`,
    );
  }
  return name;
}

export function checkComputeLabels(labels: Record<string, string>): void {
  const bad = invalidLabel(labels);
  if (bad !== undefined) throw computeInvalid(`Invalid value for field 'resource.labels': '${bad}'.`);
}

/** int64 fields (sizeGb) arrive as strings. */
function int64(body: GoogleRequest['body'], key: string): number | undefined {
  const value = body[key];
  if (typeof value === 'string' && /^\d+$/.test(value)) return Number(value);
  return numberField(body, key);
}

export function diskUsers(context: ComputeContext, disk: DiskRecord): string[] {
  const path = diskPath(disk.project, disk.zone, disk.name);
  return [...new Set([...disk.users, ...(context.options.diskUsers?.(path) ?? [])])];
}

export function renderDisk(context: ComputeContext, disk: DiskRecord): Record<string, unknown> {
  const users = diskUsers(context, disk);
  return {
    kind: 'compute#disk',
    id: disk.id,
    name: disk.name,
    sizeGb: String(disk.sizeGb),
    zone: computeLink(`projects/${disk.project}/zones/${disk.zone}`),
    status: disk.status,
    type: computeLink(`projects/${disk.project}/zones/${disk.zone}/diskTypes/${disk.type}`),
    labels: disk.labels,
    labelFingerprint: disk.labelFingerprint,
    creationTimestamp: rfc3339(disk.creationTimestamp),
    selfLink: computeLink(diskPath(disk.project, disk.zone, disk.name)),
    physicalBlockSizeBytes: '4096',
    ...(disk.description === undefined ? {} : { description: disk.description }),
    ...(disk.sourceSnapshot === undefined ? {} : { sourceSnapshot: disk.sourceSnapshot }),
    ...(users.length === 0 ? {} : { users }),
  };
}

function diskOf(context: ComputeContext, labels: Record<string, string>, name = labels.disk): DiskRecord {
  const disk = context.state.disks[`${labels.project}/${labels.zone}/${name}`];
  if (!disk) throw computeNotFound(diskPath(labels.project ?? '', labels.zone ?? '', name ?? ''));
  return disk;
}

export function insertDisk(context: ComputeContext, request: GoogleRequest): unknown {
  const { project = '', zone = '' } = request.labels;
  const name = checkComputeName(stringField(request.body, 'name'));
  const key = `${project}/${zone}/${name}`;
  if (context.state.disks[key]) throw computeAlreadyExists(diskPath(project, zone, name));
  const type = lastSegment(stringField(request.body, 'type') ?? 'pd-standard');
  if (!DISK_TYPES.includes(type)) throw computeInvalid(`Invalid value for field 'resource.type': '${type}'.`);
  const sizeGb = int64(request.body, 'sizeGb') ?? 10;
  if (sizeGb < 10)
    throw computeInvalid(`Disk size '${sizeGb} GB' is smaller than the minimum size of 10 GB for ${type}.`);
  const labels = stringMapField(request.body, 'labels') ?? {};
  checkComputeLabels(labels);
  const disk: DiskRecord = {
    id: numericId(),
    name,
    project,
    zone,
    sizeGb,
    type,
    labels,
    labelFingerprint: labelFingerprint(labels),
    users: [],
    status: 'CREATING',
    creationTimestamp: context.now,
    ...(stringField(request.body, 'description')
      ? { description: stringField(request.body, 'description') }
      : {}),
    ...(stringField(request.body, 'sourceSnapshot')
      ? { sourceSnapshot: stringField(request.body, 'sourceSnapshot') }
      : {}),
  };
  const duration = context.duration('compute.InsertDisk');
  scheduleTransition(disk, 'READY', context.now, duration);
  context.state.disks[key] = disk;
  return startComputeOperation(
    context,
    project,
    `zones/${zone}`,
    'insert',
    { path: diskPath(project, zone, name), id: disk.id },
    duration,
  );
}

export function getDisk(context: ComputeContext, request: GoogleRequest): unknown {
  return renderDisk(context, diskOf(context, request.labels));
}

export function listDisks(context: ComputeContext, request: GoogleRequest): unknown {
  const { project, zone } = request.labels;
  const disks = Object.values(context.state.disks)
    .filter((disk) => disk.project === project && disk.zone === zone)
    .map((disk) => renderDisk(context, disk));
  return listAnswer(
    'compute#diskList',
    computeLink(`projects/${project}/zones/${zone}/disks`),
    disks,
    request.query,
  );
}

/** GET /aggregated/disks: every zone's disks, keyed `zones/<zone>`. */
export function aggregatedListDisks(context: ComputeContext, request: GoogleRequest): unknown {
  const { project } = request.labels;
  const byZone: Record<string, { disks: Record<string, unknown>[] }> = {};
  for (const disk of Object.values(context.state.disks)) {
    if (disk.project !== project) continue;
    const rendered = renderDisk(context, disk);
    if (!matchesFilter(rendered, request.query.get('filter'))) continue;
    const scope = `zones/${disk.zone}`;
    byZone[scope] = { disks: [...(byZone[scope]?.disks ?? []), rendered] };
  }
  return {
    kind: 'compute#diskAggregatedList',
    id: `projects/${project}/aggregated/disks`,
    items: byZone,
    selfLink: computeLink(`projects/${project}/aggregated/disks`),
  };
}

export function deleteDisk(context: ComputeContext, request: GoogleRequest): unknown {
  const disk = diskOf(context, request.labels);
  const path = diskPath(disk.project, disk.zone, disk.name);
  const users = diskUsers(context, disk);
  if (users[0] !== undefined) throw resourceInUse('disk', path, users[0]);
  if (disk.status === 'CREATING') throw resourceNotReady(path);
  const duration = context.duration('compute.DeleteDisk');
  if (disk.status !== 'DELETING') {
    disk.status = 'DELETING';
    scheduleTransition(disk, null, context.now, duration);
  }
  return startComputeOperation(
    context,
    disk.project,
    `zones/${disk.zone}`,
    'delete',
    { path, id: disk.id },
    duration,
  );
}

export function setDiskLabels(context: ComputeContext, request: GoogleRequest): unknown {
  const disk = diskOf(context, request.labels, request.labels.resource);
  const labels = stringMapField(request.body, 'labels') ?? {};
  checkComputeLabels(labels);
  if (stringField(request.body, 'labelFingerprint') !== disk.labelFingerprint) throw fingerprintMismatch();
  disk.labels = labels;
  disk.labelFingerprint = labelFingerprint(labels);
  return startComputeOperation(
    context,
    disk.project,
    `zones/${disk.zone}`,
    'setLabels',
    { path: diskPath(disk.project, disk.zone, disk.name), id: disk.id },
    context.duration('compute.SetLabels'),
  );
}

/** Attach `disk` to an instance by hand (what the PD CSI driver does when a pod mounts it). */
export function attachDisk(
  state: ComputeContext['state'],
  project: string,
  zone: string,
  disk: string,
  instance: string,
): void {
  const record = state.disks[`${project}/${zone}/${disk}`];
  if (!record) throw new Error(`no disk ${project}/${zone}/${disk}`);
  if (!record.users.includes(instance)) record.users.push(instance);
}

export function detachDisk(
  state: ComputeContext['state'],
  project: string,
  zone: string,
  disk: string,
  instance: string,
): void {
  const record = state.disks[`${project}/${zone}/${disk}`];
  if (record) record.users = record.users.filter((user) => user !== instance);
}
