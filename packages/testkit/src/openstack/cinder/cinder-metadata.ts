import type { FakeResponse } from '../../framework/http-service.js';
import { objectField, stringMapField } from '../../framework/json-body.js';
import type { OpenStackRequest } from '../shared/openstack-protocol.js';
import { badRequest, cinderError } from './cinder-errors.js';
import type { CinderContext } from './cinder-settings.js';
import { findVolume, reply } from './cinder-volumes.js';

function metadataOf(request: OpenStackRequest): Record<string, string> {
  const metadata = stringMapField(request.body, 'metadata');
  if (!metadata) throw badRequest('Malformed request body: metadata must be a dict of strings.');
  return metadata;
}

/** GET /volumes/{id}/metadata */
export function showVolumeMetadata(context: CinderContext, request: OpenStackRequest): FakeResponse {
  return reply(context, 200, { metadata: findVolume(context, request.labels.volumeId as string).metadata });
}

/** POST /volumes/{id}/metadata: merge the given keys in; answers the merged metadata. */
export function mergeVolumeMetadata(context: CinderContext, request: OpenStackRequest): FakeResponse {
  const volume = findVolume(context, request.labels.volumeId as string);
  volume.metadata = { ...volume.metadata, ...metadataOf(request) };
  volume.updatedAt = context.now;
  return reply(context, 200, { metadata: volume.metadata });
}

/** PUT /volumes/{id}/metadata: replace all of it. */
export function replaceVolumeMetadata(context: CinderContext, request: OpenStackRequest): FakeResponse {
  const volume = findVolume(context, request.labels.volumeId as string);
  volume.metadata = metadataOf(request);
  volume.updatedAt = context.now;
  return reply(context, 200, { metadata: volume.metadata });
}

/** PUT /volumes/{id}/metadata/{key} {"meta": {key: value}} */
export function setVolumeMetadataItem(context: CinderContext, request: OpenStackRequest): FakeResponse {
  const volume = findVolume(context, request.labels.volumeId as string);
  const key = request.labels.key as string;
  const meta = stringMapField({ meta: objectField(request.body, 'meta') }, 'meta') ?? {};
  if (Object.keys(meta).length !== 1 || meta[key] === undefined)
    throw badRequest('Request body and URI mismatch');
  volume.metadata = { ...volume.metadata, [key]: meta[key] };
  volume.updatedAt = context.now;
  return reply(context, 200, { meta });
}

/** DELETE /volumes/{id}/metadata/{key} → 200; 404 for a key that is not there. */
export function deleteVolumeMetadataItem(context: CinderContext, request: OpenStackRequest): FakeResponse {
  const volume = findVolume(context, request.labels.volumeId as string);
  const key = request.labels.key as string;
  if (!(key in volume.metadata)) throw cinderError(404, `Metadata item was not found`);
  const { [key]: _removed, ...rest } = volume.metadata;
  volume.metadata = rest;
  volume.updatedAt = context.now;
  return reply(context, 200);
}
