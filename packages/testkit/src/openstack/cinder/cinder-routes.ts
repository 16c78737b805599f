import type { RestRoute } from '../../framework/rest-router.js';
import { type OpenStackOperation, openstackRoute } from '../shared/openstack-protocol.js';
import {
  attachmentAction,
  createAttachment,
  deleteAttachment,
  listAttachments,
  showAttachment,
} from './cinder-attachments.js';
import { createBackup, deleteBackup, listBackupDetails, listBackups, showBackup } from './cinder-backups.js';
import {
  deleteVolumeMetadataItem,
  mergeVolumeMetadata,
  replaceVolumeMetadata,
  setVolumeMetadataItem,
  showVolumeMetadata,
} from './cinder-metadata.js';
import type { CinderContext } from './cinder-settings.js';
import { createSnapshot, deleteSnapshot, listSnapshotDetails, showSnapshot } from './cinder-snapshots.js';
import { listVersions, showVersion } from './cinder-versions.js';
import {
  createVolume,
  deleteVolume,
  listVolumeDetails,
  listVolumes,
  showVolume,
  updateVolume,
  volumeAction,
} from './cinder-volumes.js';

const route = openstackRoute<CinderContext>;
const BASE = '/v3/{projectId}';
const VOLUME = `${BASE}/volumes/{volumeId}`;

/** The Block Storage v3 calls the fake serves (api-ref block-storage v3). */
export const CINDER_ROUTES: readonly RestRoute<OpenStackOperation<CinderContext>>[] = [
  route('GET', '/', 'ListVersions', (context) => listVersions(context.settings, context.hostUrl)),
  route('GET', '/v3', 'ShowVersion', (context) => showVersion(context.settings, context.hostUrl)),
  route('POST', `${BASE}/volumes`, 'CreateVolume', createVolume),
  route('GET', `${BASE}/volumes`, 'ListVolumes', listVolumes),
  route('GET', `${BASE}/volumes/detail`, 'ListVolumeDetails', listVolumeDetails),
  route('GET', VOLUME, 'ShowVolume', showVolume),
  route('PUT', VOLUME, 'UpdateVolume', updateVolume),
  route('DELETE', VOLUME, 'DeleteVolume', deleteVolume),
  route('POST', `${VOLUME}/action`, 'VolumeAction', volumeAction),
  route('GET', `${VOLUME}/metadata`, 'ShowVolumeMetadata', showVolumeMetadata),
  route('POST', `${VOLUME}/metadata`, 'CreateVolumeMetadata', mergeVolumeMetadata),
  route('PUT', `${VOLUME}/metadata`, 'UpdateVolumeMetadata', replaceVolumeMetadata),
  route('PUT', `${VOLUME}/metadata/{key}`, 'UpdateVolumeMetadataItem', setVolumeMetadataItem),
  route('DELETE', `${VOLUME}/metadata/{key}`, 'DeleteVolumeMetadataItem', deleteVolumeMetadataItem),
  route('POST', `${BASE}/snapshots`, 'CreateSnapshot', createSnapshot),
  route('GET', `${BASE}/snapshots/detail`, 'ListSnapshotDetails', listSnapshotDetails),
  route('GET', `${BASE}/snapshots/{snapshotId}`, 'ShowSnapshot', showSnapshot),
  route('DELETE', `${BASE}/snapshots/{snapshotId}`, 'DeleteSnapshot', deleteSnapshot),
  route('POST', `${BASE}/backups`, 'CreateBackup', createBackup),
  route('GET', `${BASE}/backups`, 'ListBackups', listBackups),
  route('GET', `${BASE}/backups/detail`, 'ListBackupDetails', listBackupDetails),
  route('GET', `${BASE}/backups/{backupId}`, 'ShowBackup', showBackup),
  route('DELETE', `${BASE}/backups/{backupId}`, 'DeleteBackup', deleteBackup),
  route('POST', `${BASE}/attachments`, 'CreateAttachment', createAttachment),
  route('GET', `${BASE}/attachments`, 'ListAttachments', listAttachments),
  route('GET', `${BASE}/attachments/{attachmentId}`, 'ShowAttachment', showAttachment),
  route('POST', `${BASE}/attachments/{attachmentId}/action`, 'AttachmentAction', attachmentAction),
  route('DELETE', `${BASE}/attachments/{attachmentId}`, 'DeleteAttachment', deleteAttachment),
];
