export {
  ATTACHMENTS_MICROVERSION,
  completeAttachment,
  createAttachment,
  deleteAttachment,
  getAttachment,
  listAttachments,
} from './cinder-attachments.js';
export type { BackupInput, CreatedBackup } from './cinder-backups.js';
export {
  BACKUP_METADATA_MICROVERSION,
  createBackup,
  deleteBackup,
  getBackup,
  listBackups,
} from './cinder-backups.js';
export { metadataFilter, toAttachment, toBackup, toSnapshot, toVolume } from './cinder-mappers.js';
export type { SnapshotInput } from './cinder-snapshots.js';
export { createSnapshot, deleteSnapshot, getSnapshot, listSnapshots } from './cinder-snapshots.js';
export type {
  AttachedServer,
  Attachment,
  Backup,
  BackupStatus,
  Snapshot,
  Volume,
  VolumeStatus,
} from './cinder-types.js';
export { DELETABLE_VOLUME_STATUSES } from './cinder-types.js';
export {
  deleteVolumeMetadataKey,
  getVolumeMetadata,
  mergeVolumeMetadata,
  replaceVolumeMetadata,
} from './cinder-volume-metadata.js';
export type { VolumeFilter, VolumeInput } from './cinder-volumes.js';
export {
  createVolume,
  deleteVolume,
  extendVolume,
  getVolume,
  listVolumes,
  updateVolume,
} from './cinder-volumes.js';
