import { stringMapField } from '../../framework/json-body.js';
import type { OpenStackRequest } from '../shared/openstack-protocol.js';
import { badRequest, forbidden, type NovaContext, notFound, reply, serverOf } from './nova-context.js';

/** Server metadata: POST merges, PUT replaces, single keys under `meta`; at most `metadataItems` keys. */
function validMetadata(context: NovaContext, metadata: Record<string, string>): Record<string, string> {
  for (const [key, value] of Object.entries(metadata)) {
    if (key.length === 0 || key.length > 255 || value.length > 255)
      throw badRequest(
        'Invalid input for field/attribute metadata. Keys are 1-255 and values 0-255 characters.',
      );
  }
  const count = Object.keys(metadata).length;
  if (count > context.settings.quotas.metadataItems)
    throw forbidden(
      `Quota exceeded for metadata_items: Requested ${count}, but already used 0 of ${context.settings.quotas.metadataItems} metadata_items`,
    );
  return metadata;
}

function metadataBody(request: OpenStackRequest, field: 'metadata' | 'meta'): Record<string, string> {
  const metadata = stringMapField(request.body, field);
  if (!metadata) throw badRequest(`Malformed request body. '${field}' is a required property`);
  return metadata;
}

export function listServerMetadata(context: NovaContext, request: OpenStackRequest) {
  return reply(context, 200, { metadata: serverOf(context, request.labels.id).metadata });
}

export function mergeServerMetadata(context: NovaContext, request: OpenStackRequest) {
  const server = serverOf(context, request.labels.id);
  server.metadata = validMetadata(context, { ...server.metadata, ...metadataBody(request, 'metadata') });
  return reply(context, 200, { metadata: server.metadata });
}

export function replaceServerMetadata(context: NovaContext, request: OpenStackRequest) {
  const server = serverOf(context, request.labels.id);
  server.metadata = validMetadata(context, metadataBody(request, 'metadata'));
  return reply(context, 200, { metadata: server.metadata });
}

export function getServerMetadataItem(context: NovaContext, request: OpenStackRequest) {
  const server = serverOf(context, request.labels.id);
  const key = request.labels.key ?? '';
  const value = server.metadata[key];
  if (value === undefined) throw notFound('Metadata item was not found');
  return reply(context, 200, { meta: { [key]: value } });
}

export function setServerMetadataItem(context: NovaContext, request: OpenStackRequest) {
  const server = serverOf(context, request.labels.id);
  const key = request.labels.key ?? '';
  const meta = metadataBody(request, 'meta');
  const entries = Object.entries(meta);
  if (entries.length !== 1) throw badRequest('Request body contains too many items');
  if (entries[0]?.[0] !== key) throw badRequest('Request body and URI mismatch');
  server.metadata = validMetadata(context, { ...server.metadata, ...meta });
  return reply(context, 200, { meta });
}

export function deleteServerMetadataItem(context: NovaContext, request: OpenStackRequest) {
  const server = serverOf(context, request.labels.id);
  const key = request.labels.key ?? '';
  if (server.metadata[key] === undefined) throw notFound('Metadata item was not found');
  delete server.metadata[key];
  return reply(context, 204);
}
