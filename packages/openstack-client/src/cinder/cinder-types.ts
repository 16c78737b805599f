/** Volume statuses (api-ref block-storage v3). */
export type VolumeStatus =
  | 'creating'
  | 'available'
  | 'reserved'
  | 'attaching'
  | 'detaching'
  | 'in-use'
  | 'maintenance'
  | 'deleting'
  | 'awaiting-transfer'
  | 'error'
  | 'error_deleting'
  | 'backing-up'
  | 'restoring-backup'
  | 'error_backing-up'
  | 'error_restoring'
  | 'error_extending'
  | 'downloading'
  | 'uploading'
  | 'retyping'
  | 'extending'
  | (string & {});

export interface AttachedServer {
  attachmentId: string | null;
  serverId: string;
  device: string | null;
}

export interface Volume {
  id: string;
  name: string | null;
  description: string | null;
  status: VolumeStatus;
  /** GiB. */
  size: number;
  availabilityZone: string | null;
  volumeType: string | null;
  metadata: Record<string, string>;
  attachments: AttachedServer[];
  bootable: boolean;
  multiattach: boolean;
  createdAt: number | undefined;
  updatedAt: number | undefined;
}

export interface Snapshot {
  id: string;
  volumeId: string;
  name: string | null;
  description: string | null;
  status: string;
  size: number;
  metadata: Record<string, string>;
  createdAt: number | undefined;
}

/** Backup statuses (api-ref block-storage v3 "Backups"). */
export type BackupStatus =
  | 'creating'
  | 'available'
  | 'deleting'
  | 'error'
  | 'restoring'
  | 'error_restoring'
  | (string & {});

/** A full (or incremental) copy of a volume in the backup store; it outlives the volume. `metadata` from volume 3.43. */
export interface Backup extends Snapshot {
  /** creating, available, deleting, error, restoring, error_restoring. */
  status: BackupStatus;
  /** Why an `error` backup failed. */
  failReason: string | null;
  incremental: boolean;
}

/** An attachment from the attachments API (volume ≥ 3.27). */
export interface Attachment {
  id: string;
  volumeId: string;
  serverId: string | null;
  /** reserved, attaching, attached, detaching… */
  status: string;
  attachMode: string | null;
}

/** Cinder deletes a volume only from these statuses (and without attachments or snapshots). */
export const DELETABLE_VOLUME_STATUSES: readonly string[] = [
  'available',
  'error',
  'error_restoring',
  'error_extending',
  'error_managing',
];
