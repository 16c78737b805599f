import type { XmlValue } from '../shared/xml.js';
import { describe } from './ec2-describe.js';
import { NOT_FOUND } from './ec2-errors.js';
import type { FilterTable } from './ec2-filters.js';
import { newEc2Id } from './ec2-ids.js';
import { settle, snapshotProgress } from './ec2-lifecycle.js';
import { type Ec2OperationTable, mutation, RETURN_TRUE, read } from './ec2-operation.js';
import { idList, optionalString, requiredString } from './ec2-params.js';
import { completesAt, type Ec2Context } from './ec2-settings.js';
import type { SnapshotRecord, Tags } from './ec2-state.js';
import { tagsFromSpecifications } from './ec2-tags.js';
import { requireVolume } from './ec2-volumes.js';
import { type Ec2ResponseFields, tagSet, xmlTime } from './ec2-xml.js';

/** Snapshot a volume: `pending` until the modelled `ec2.CreateSnapshot` has passed, then `completed`. */
export function createSnapshot(
  context: Ec2Context,
  input: { volumeId: string; description?: string; tags?: Tags },
): SnapshotRecord {
  settle(context.state, context.clock.now());
  const volume = requireVolume(context.state, input.volumeId);
  const snapshot: SnapshotRecord = {
    snapshotId: newEc2Id('snap'),
    volumeId: volume.volumeId,
    volumeSize: volume.size,
    description: input.description ?? '',
    encrypted: volume.encrypted,
    startTime: context.clock.now(),
    completesAt: completesAt(context, 'CreateSnapshot'),
    state: 'pending',
    tags: { ...input.tags },
  };
  context.state.snapshots[snapshot.snapshotId] = snapshot;
  return snapshot;
}

function snapshotFields(snapshot: SnapshotRecord, accountId: string, now: number): Ec2ResponseFields {
  return {
    snapshotId: snapshot.snapshotId,
    volumeId: snapshot.volumeId,
    status: snapshot.state,
    startTime: xmlTime(snapshot.startTime),
    progress: snapshotProgress(snapshot.startTime, snapshot.completesAt, now),
    ownerId: accountId,
    volumeSize: snapshot.volumeSize,
    description: snapshot.description,
    encrypted: snapshot.encrypted,
    storageTier: 'standard',
    tagSet: Object.keys(snapshot.tags).length > 0 ? tagSet(snapshot.tags) : undefined,
  };
}

const SNAPSHOT_FILTERS: FilterTable<SnapshotRecord> = {
  'snapshot-id': (snapshot) => snapshot.snapshotId,
  'volume-id': (snapshot) => snapshot.volumeId,
  status: (snapshot) => snapshot.state,
  description: (snapshot) => snapshot.description,
  'volume-size': (snapshot) => snapshot.volumeSize,
  encrypted: (snapshot) => snapshot.encrypted,
  'start-time': (snapshot) => new Date(snapshot.startTime).toISOString(),
  'storage-tier': () => 'standard',
};

export const SNAPSHOT_OPERATIONS: Ec2OperationTable = {
  CreateSnapshot: mutation((params, context) => {
    const snapshot = createSnapshot(context, {
      volumeId: requiredString(params, 'VolumeId'),
      description: optionalString(params, 'Description'),
      tags: tagsFromSpecifications(params, 'snapshot'),
    });
    return snapshotFields(snapshot, context.settings.accountId, context.clock.now());
  }),

  DescribeSnapshots: read((params, context) => {
    const now = context.clock.now();
    settle(context.state, now);
    const owners = idList(params, 'Owner');
    const ownedBySomeoneElse =
      owners.length > 0 && !owners.some((owner) => owner === 'self' || owner === context.settings.accountId);
    const page = describe({
      params,
      records: ownedBySomeoneElse ? {} : context.state.snapshots,
      idParameter: 'SnapshotId',
      notFound: NOT_FOUND.snapshot,
      filters: { ...SNAPSHOT_FILTERS, 'owner-id': () => context.settings.accountId },
      maxPage: 1000,
    });
    const snapshotSet: XmlValue[] = page.items.map((snapshot) =>
      snapshotFields(snapshot, context.settings.accountId, now),
    );
    return { snapshotSet, nextToken: page.nextToken };
  }),

  DeleteSnapshot: mutation((params, context) => {
    settle(context.state, context.clock.now());
    const snapshotId = requiredString(params, 'SnapshotId');
    if (!context.state.snapshots[snapshotId]) throw NOT_FOUND.snapshot(snapshotId);
    delete context.state.snapshots[snapshotId];
    return RETURN_TRUE;
  }),
};
