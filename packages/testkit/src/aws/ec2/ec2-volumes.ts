import type { AwsServiceError } from '../shared/aws-errors.js';
import {
  ec2Error,
  incorrectState,
  invalidParameterValue,
  malformedId,
  missingParameter,
  NOT_FOUND,
} from './ec2-errors.js';
import type { FilterTable } from './ec2-filters.js';
import { hasIdShape, newEc2Id } from './ec2-ids.js';
import { settle } from './ec2-lifecycle.js';
import { completesAt, type Ec2Context } from './ec2-settings.js';
import type { Ec2State, Tags, VolumeRecord } from './ec2-state.js';
import { visibleAfterCreate } from './ec2-visibility.js';
import { resolveZone } from './ec2-zones.js';

/** Size limits per volume type, in GiB (EBS volume types documentation). */
const SIZE_LIMITS: Readonly<Record<string, { min: number; max: number }>> = {
  standard: { min: 1, max: 1024 },
  gp2: { min: 1, max: 16_384 },
  gp3: { min: 1, max: 16_384 },
  io1: { min: 4, max: 16_384 },
  io2: { min: 4, max: 65_536 },
  st1: { min: 125, max: 16_384 },
  sc1: { min: 125, max: 16_384 },
};

export interface CreateVolumeInput {
  availabilityZone?: string;
  availabilityZoneId?: string;
  size?: number;
  /** Default gp2, as EC2's. */
  volumeType?: string;
  iops?: number;
  throughput?: number;
  snapshotId?: string;
  encrypted?: boolean;
  tags?: Tags;
}

export function requireVolume(state: Ec2State, volumeId: string): VolumeRecord {
  if (!volumeId.startsWith('vol-')) throw malformedId('InvalidVolumeID.Malformed', volumeId, 'vol');
  const volume = state.volumes[volumeId];
  if (!volume) throw NOT_FOUND.volume(volumeId);
  return volume;
}

function sizeFromSnapshot(context: Ec2Context, input: CreateVolumeInput): number {
  if (input.snapshotId === undefined) {
    if (input.size === undefined) throw missingParameter('size/snapshot');
    return input.size;
  }
  const snapshot = context.state.snapshots[input.snapshotId];
  if (!snapshot) throw NOT_FOUND.snapshot(input.snapshotId);
  if (snapshot.state !== 'completed') {
    throw incorrectState(`Snapshot '${snapshot.snapshotId}' is in the '${snapshot.state}' state.`);
  }
  const size = input.size ?? snapshot.volumeSize;
  if (size < snapshot.volumeSize) {
    throw invalidParameterValue(
      `The volume size is invalid for the specified snapshot: ${size}GiB is smaller than the snapshot's ${snapshot.volumeSize}GiB.`,
    );
  }
  return size;
}

function validateSize(volumeType: string, size: number): void {
  const limits = SIZE_LIMITS[volumeType];
  if (!limits) {
    throw invalidParameterValue(
      `Value (${volumeType}) for parameter volumeType is invalid. Valid values: ${Object.keys(SIZE_LIMITS).join(', ')}.`,
    );
  }
  if (size < limits.min)
    throw invalidParameterValue(`Volume of ${size}GiB is too small; minimum is ${limits.min}GiB.`);
  if (size > limits.max)
    throw invalidParameterValue(`Volume of ${size}GiB is too large; maximum is ${limits.max}GiB.`);
}

function performance(
  volumeType: string,
  size: number,
  input: CreateVolumeInput,
): Pick<VolumeRecord, 'iops' | 'throughput'> {
  if (volumeType === 'gp3') return { iops: input.iops ?? 3000, throughput: input.throughput ?? 125 };
  if (volumeType === 'gp2') return { iops: Math.min(16_000, Math.max(100, size * 3)) };
  if (volumeType === 'io1' || volumeType === 'io2') {
    if (input.iops === undefined) throw missingParameter('iops');
    return { iops: input.iops };
  }
  return {};
}

function quotaError(volumeType: string, quotaGiB: number): AwsServiceError {
  const limit = quotaGiB % 1024 === 0 ? `${quotaGiB / 1024} TiB` : `${quotaGiB} GiB`;
  return ec2Error(
    'VolumeLimitExceeded',
    `You have exceeded your maximum ${volumeType} storage limit of ${limit} in this region. Please contact AWS Support to request an Elastic Block Store service limit increase.`,
  );
}

function assertStorageQuota(context: Ec2Context, volumeType: string, size: number): void {
  const used = Object.values(context.state.volumes)
    .filter((volume) => volume.volumeType === volumeType)
    .reduce((total, volume) => total + volume.size, 0);
  const quota = context.settings.quotas.storageGiBPerVolumeType;
  if (used + size > quota) throw quotaError(volumeType, quota);
}

/** Create a volume in `creating`; it becomes `available` after the modelled `ec2.CreateVolume`. */
export function createVolume(context: Ec2Context, input: CreateVolumeInput): VolumeRecord {
  settle(context.state, context.clock.now());
  if (input.availabilityZone === undefined && input.availabilityZoneId === undefined)
    throw missingParameter('zone');
  const availabilityZone = resolveZone(context.settings, input.availabilityZone, input.availabilityZoneId);
  const volumeType = input.volumeType ?? 'gp2';
  const size = sizeFromSnapshot(context, input);
  validateSize(volumeType, size);
  const speeds = performance(volumeType, size, input);
  assertStorageQuota(context, volumeType, size);
  const volume: VolumeRecord = {
    volumeId: newEc2Id('vol'),
    size,
    volumeType,
    ...speeds,
    availabilityZone,
    ...(input.snapshotId === undefined ? {} : { snapshotId: input.snapshotId }),
    encrypted: input.encrypted ?? false,
    createTime: context.clock.now(),
    state: 'creating',
    availableAt: completesAt(context, 'CreateVolume'),
    tags: { ...input.tags },
    ...visibleAfterCreate(context),
  };
  context.state.volumes[volume.volumeId] = volume;
  return volume;
}

/** Start deleting an available volume: `deleting`, then gone after the modelled `ec2.DeleteVolume`. */
export function deleteVolume(context: Ec2Context, volumeId: string): void {
  settle(context.state, context.clock.now());
  const volume = requireVolume(context.state, volumeId);
  if (volume.attachment) {
    throw ec2Error(
      'VolumeInUse',
      `Volume ${volumeId} is currently attached to ${volume.attachment.instanceId}`,
    );
  }
  if (volume.state === 'deleting') return;
  if (volume.state !== 'available' && volume.state !== 'error') {
    throw incorrectState(
      `The volume '${volumeId}' is '${volume.state}'; only 'available' volumes can be deleted.`,
    );
  }
  volume.state = 'deleting';
  volume.goneAt = completesAt(context, 'DeleteVolume');
}

export interface AttachVolumeInput {
  volumeId: string;
  instanceId: string;
  device: string;
}

/**
 * Attach as the EBS CSI driver does: the volume is `in-use` at once, the attachment `attaching` until
 * the modelled `ec2.AttachVolume` has passed. The fake has no instances, so any `i-…` id is accepted.
 */
export function attachVolume(context: Ec2Context, input: AttachVolumeInput): VolumeRecord {
  settle(context.state, context.clock.now());
  const volume = requireVolume(context.state, input.volumeId);
  if (!hasIdShape(input.instanceId, 'i'))
    throw malformedId('InvalidInstanceID.Malformed', input.instanceId, 'i');
  if (volume.attachment) {
    throw ec2Error('VolumeInUse', `${input.volumeId} is already attached to an instance`);
  }
  if (volume.state !== 'available') {
    throw incorrectState(`Volume '${input.volumeId}' is in the '${volume.state}' state.`);
  }
  const deviceTaken = Object.values(context.state.volumes).some(
    (other) => other.attachment?.instanceId === input.instanceId && other.attachment.device === input.device,
  );
  if (deviceTaken) throw invalidParameterValue(`Attachment point ${input.device} is already in use`);
  const now = context.clock.now();
  volume.state = 'in-use';
  volume.attachment = {
    instanceId: input.instanceId,
    device: input.device,
    state: 'attaching',
    attachTime: now,
    settlesAt: completesAt(context, 'AttachVolume'),
  };
  return volume;
}

export interface DetachVolumeInput {
  volumeId: string;
  instanceId?: string;
}

/** Detach: the attachment is `detaching`, then the volume `available` after the modelled `ec2.DetachVolume`. */
export function detachVolume(context: Ec2Context, input: DetachVolumeInput): VolumeRecord {
  settle(context.state, context.clock.now());
  const volume = requireVolume(context.state, input.volumeId);
  const attachment = volume.attachment;
  if (!attachment) throw incorrectState(`Volume '${input.volumeId}' is in the '${volume.state}' state.`);
  if (input.instanceId !== undefined && input.instanceId !== attachment.instanceId) {
    throw ec2Error(
      'InvalidAttachment.NotFound',
      `The volume '${input.volumeId}' is not attached to instance '${input.instanceId}'.`,
    );
  }
  if (attachment.state !== 'detaching') {
    attachment.state = 'detaching';
    attachment.settlesAt = completesAt(context, 'DetachVolume');
  }
  return volume;
}

export const VOLUME_FILTERS: FilterTable<VolumeRecord> = {
  'volume-id': (volume) => volume.volumeId,
  status: (volume) => volume.state,
  'availability-zone': (volume) => volume.availabilityZone,
  'volume-type': (volume) => volume.volumeType,
  size: (volume) => volume.size,
  'snapshot-id': (volume) => volume.snapshotId ?? '',
  encrypted: (volume) => volume.encrypted,
  'create-time': (volume) => new Date(volume.createTime).toISOString(),
  'multi-attach-enabled': () => false,
  'fast-restored': () => false,
  'attachment.instance-id': (volume) => volume.attachment?.instanceId,
  'attachment.device': (volume) => volume.attachment?.device,
  'attachment.status': (volume) => volume.attachment?.state,
  'attachment.attach-time': (volume) =>
    volume.attachment ? new Date(volume.attachment.attachTime).toISOString() : undefined,
  'attachment.delete-on-termination': (volume) => (volume.attachment ? false : undefined),
};

/**
 * Volumes carrying every given tag (`undefined` value: the key alone), settled to `now`. For other
 * fakes, e.g. the Kubernetes fake finding the EBS volume behind a PersistentVolume. Returns copies.
 */
export function findVolumesByTags(
  state: Ec2State,
  now: number,
  tags: Readonly<Record<string, string | undefined>>,
): VolumeRecord[] {
  settle(state, now);
  return Object.values(state.volumes)
    .filter((volume) =>
      Object.entries(tags).every(([key, value]) =>
        value === undefined ? key in volume.tags : volume.tags[key] === value,
      ),
    )
    .map((volume) => structuredClone(volume));
}
