import type { Transitioning } from '../../framework/lifecycle.js';

/** Volume statuses (api-ref block-storage v3 "Volumes": status). */
export type VolumeStatus =
  | 'creating'
  | 'available'
  | 'reserved'
  | 'attaching'
  | 'detaching'
  | 'in-use'
  | 'maintenance'
  | 'deleting'
  | 'error'
  | 'error_deleting'
  | 'extending'
  | 'error_extending'
  | 'backing-up';

export type SnapshotStatus = 'creating' | 'available' | 'deleting' | 'error' | 'error_deleting';

/** One attachment of a volume to a server (what `attachments[]` of a volume shows). */
export interface VolumeAttachment {
  attachmentId: string;
  serverId: string;
  device: string | null;
  /** reserved (no connector yet), attaching, attached, detaching. */
  status: 'reserved' | 'attaching' | 'attached' | 'detaching';
  attachMode: 'rw' | 'ro';
  attachedAt: number | null;
}

export interface VolumeRecord extends Transitioning<VolumeStatus> {
  id: string;
  name: string | null;
  description: string | null;
  size: number;
  volumeType: string;
  availabilityZone: string;
  metadata: Record<string, string>;
  attachments: VolumeAttachment[];
  bootable: boolean;
  multiattach: boolean;
  snapshotId: string | null;
  sourceVolid: string | null;
  projectId: string;
  userId: string;
  createdAt: number;
  updatedAt: number | null;
  /** The size an extend in progress reaches. */
  pendingSize?: number;
  /** Where a failed operation lands (error, error_deleting…) instead of its normal end. */
  failTo?: VolumeStatus;
  /** The status a `backing-up` volume returns to (available or in-use): Cinder's `previous_status`. */
  previousStatus?: VolumeStatus;
}

/** What a snapshot and a backup both record: a copy of one volume, in one project. */
export interface VolumeCopyRecord {
  id: string;
  volumeId: string;
  name: string | null;
  description: string | null;
  /** GiB, the volume's at the time. */
  size: number;
  metadata: Record<string, string>;
  projectId: string;
  createdAt: number;
  updatedAt: number | null;
}

export interface SnapshotRecord extends Transitioning<SnapshotStatus>, VolumeCopyRecord {}

/** Backup statuses (api-ref block-storage v3 "Backups"). */
export type BackupStatus = 'creating' | 'available' | 'deleting' | 'error' | 'restoring' | 'error_restoring';

/** A full copy of a volume in the backup store: it outlives the volume (api-ref "Backups"). */
export interface BackupRecord extends Transitioning<BackupStatus>, VolumeCopyRecord {
  incremental: boolean;
  userId: string;
  failReason: string | null;
}

export interface CinderState {
  volumes: Record<string, VolumeRecord>;
  snapshots: Record<string, SnapshotRecord>;
  backups: Record<string, BackupRecord>;
}

export function createCinderState(): CinderState {
  return { volumes: {}, snapshots: {}, backups: {} };
}
