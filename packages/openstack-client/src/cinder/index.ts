export {
  ATTACHMENTS_MICROVERSION,
  completeAttachment,
  createAttachment,
  deleteAttachment,
  getAttachment,
  listAttachments,
} from './cinder-attachments.js';
export { metadataFilter, toAttachment, toSnapshot, toVolume } from './cinder-mappers.js';
export type { SnapshotInput } from './cinder-snapshots.js';
export { createSnapshot, deleteSnapshot, getSnapshot, listSnapshots } from './cinder-snapshots.js';
export type { AttachedServer, Attachment, Snapshot, Volume, VolumeStatus } from './cinder-types.js';
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
