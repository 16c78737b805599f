export { toAvailabilityZone, toFlavor, toKeypair, toServer, toVolumeAttachment } from './compute-mappers.js';
export type {
  AvailabilityZone,
  Flavor,
  Keypair,
  Server,
  ServerAddress,
  ServerStatus,
  VolumeAttachment,
} from './compute-types.js';
export { listAvailabilityZones } from './nova-availability-zones.js';
export type { ConsoleHostKeys } from './nova-console.js';
export { getConsoleOutput, parseConsoleHostKeys } from './nova-console.js';
export { findFlavorByName, getFlavor, listFlavors } from './nova-flavors.js';
export { deleteKeypair, getKeypair, importKeypair, listKeypairs } from './nova-keypairs.js';
export {
  deleteServerMetadataItem,
  getServerMetadata,
  mergeServerMetadata,
  replaceServerMetadata,
  setServerMetadataItem,
} from './nova-server-metadata.js';
export { addServerTag, listServerTags, removeServerTag, replaceServerTags } from './nova-server-tags.js';
export type { CreatedServer, ServerFilter, ServerInput } from './nova-servers.js';
export { createServer, deleteServer, getServer, listServers } from './nova-servers.js';
export {
  attachVolume,
  detachVolume,
  getVolumeAttachment,
  listVolumeAttachments,
  volumeDevicePath,
} from './nova-volume-attachments.js';
