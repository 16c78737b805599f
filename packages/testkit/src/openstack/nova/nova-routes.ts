import type { RestRoute } from '../../framework/rest-router.js';
import { type OpenStackOperation, openstackRoute } from '../shared/openstack-protocol.js';
import { listAvailabilityZones } from './nova-availability-zones.js';
import { serverAction } from './nova-console.js';
import type { NovaContext } from './nova-context.js';
import { getFlavor, listFlavorDetails, listFlavorSummaries } from './nova-flavors.js';
import { createKeypair, deleteKeypair, getKeypair, listKeypairs } from './nova-keypairs.js';
import { createServer } from './nova-server-create.js';
import {
  deleteServerMetadataItem,
  getServerMetadataItem,
  listServerMetadata,
  mergeServerMetadata,
  replaceServerMetadata,
  setServerMetadataItem,
} from './nova-server-metadata.js';
import {
  addServerTag,
  checkServerTag,
  deleteServerTag,
  deleteServerTags,
  listServerTags,
  replaceServerTags,
} from './nova-server-tags.js';
import { deleteServer, getServer, listServerDetails, listServerSummaries } from './nova-servers.js';
import {
  attachVolume,
  detachVolume,
  getVolumeAttachment,
  listVolumeAttachments,
} from './nova-volume-attachments.js';

const route = openstackRoute<NovaContext>;
const SERVER = '/v2.1/servers/{id}';

/** The compute API v2.1 paths the fake serves (api-ref compute). */
export const NOVA_ROUTES: readonly RestRoute<OpenStackOperation<NovaContext>>[] = [
  route('POST', '/v2.1/servers', 'CreateServer', createServer),
  route('GET', '/v2.1/servers', 'ListServers', listServerSummaries),
  route('GET', '/v2.1/servers/detail', 'ListServersDetailed', listServerDetails),
  route('GET', SERVER, 'ShowServer', getServer),
  route('DELETE', SERVER, 'DeleteServer', deleteServer),
  route('POST', `${SERVER}/action`, 'ServerAction', serverAction),
  route('GET', `${SERVER}/tags`, 'ListServerTags', listServerTags),
  route('PUT', `${SERVER}/tags`, 'ReplaceServerTags', replaceServerTags),
  route('DELETE', `${SERVER}/tags`, 'DeleteServerTags', deleteServerTags),
  route('GET', `${SERVER}/tags/{tag}`, 'CheckServerTag', checkServerTag),
  route('PUT', `${SERVER}/tags/{tag}`, 'AddServerTag', addServerTag),
  route('DELETE', `${SERVER}/tags/{tag}`, 'DeleteServerTag', deleteServerTag),
  route('GET', `${SERVER}/metadata`, 'ListServerMetadata', listServerMetadata),
  route('POST', `${SERVER}/metadata`, 'UpdateServerMetadata', mergeServerMetadata),
  route('PUT', `${SERVER}/metadata`, 'ReplaceServerMetadata', replaceServerMetadata),
  route('GET', `${SERVER}/metadata/{key}`, 'ShowServerMetadataItem', getServerMetadataItem),
  route('PUT', `${SERVER}/metadata/{key}`, 'SetServerMetadataItem', setServerMetadataItem),
  route('DELETE', `${SERVER}/metadata/{key}`, 'DeleteServerMetadataItem', deleteServerMetadataItem),
  route('GET', `${SERVER}/os-volume_attachments`, 'ListVolumeAttachments', listVolumeAttachments),
  route('POST', `${SERVER}/os-volume_attachments`, 'AttachVolume', attachVolume),
  route('GET', `${SERVER}/os-volume_attachments/{volumeId}`, 'ShowVolumeAttachment', getVolumeAttachment),
  route('DELETE', `${SERVER}/os-volume_attachments/{volumeId}`, 'DetachVolume', detachVolume),
  route('GET', '/v2.1/flavors', 'ListFlavors', listFlavorSummaries),
  route('GET', '/v2.1/flavors/detail', 'ListFlavorsDetailed', listFlavorDetails),
  route('GET', '/v2.1/flavors/{id}', 'ShowFlavor', getFlavor),
  route('GET', '/v2.1/os-keypairs', 'ListKeypairs', listKeypairs),
  route('POST', '/v2.1/os-keypairs', 'CreateKeypair', createKeypair),
  route('GET', '/v2.1/os-keypairs/{name}', 'ShowKeypair', getKeypair),
  route('DELETE', '/v2.1/os-keypairs/{name}', 'DeleteKeypair', deleteKeypair),
  route('GET', '/v2.1/os-availability-zone', 'ListAvailabilityZones', listAvailabilityZones),
];
