import { booleanField, objectField, stringField } from '../../framework/json-body.js';
import { atLeast } from '../shared/microversion.js';
import type { OpenStackRequest } from '../shared/openstack-protocol.js';
import { badRequest, type NovaContext, notFound, reply, requireState, serverOf } from './nova-context.js';
import type { ServerRecord, VolumeAttachmentRecord } from './nova-state.js';

/**
 * os-volume_attachments. Nova names a device (`/dev/vdb`, `/dev/vdc`, …) but the guest may not agree
 * (kubernetes#33128): callers should look for `/dev/disk/by-id/virtio-<first 20 chars of the id>`.
 */
const ATTACHABLE: ServerRecord['status'][] = ['ACTIVE', 'SHUTOFF'];

function view(context: NovaContext, server: ServerRecord, attachment: VolumeAttachmentRecord) {
  return {
    device: attachment.device,
    id: attachment.volumeId,
    serverId: server.id,
    volumeId: attachment.volumeId,
    ...(atLeast(context.version, '2.70') ? { tag: attachment.tag ?? null } : {}),
    ...(atLeast(context.version, '2.79') ? { delete_on_termination: attachment.deleteOnTermination } : {}),
  };
}

function nextDevice(server: ServerRecord): string {
  const used = new Set(server.attachments.map((attachment) => attachment.device));
  for (let code = 'b'.charCodeAt(0); code <= 'z'.charCodeAt(0); code += 1) {
    const device = `/dev/vd${String.fromCharCode(code)}`;
    if (!used.has(device)) return device;
  }
  throw badRequest('No free disk device names for prefix vd');
}

export function listVolumeAttachments(context: NovaContext, request: OpenStackRequest) {
  const server = serverOf(context, request.labels.id);
  return reply(context, 200, {
    volumeAttachments: server.attachments.map((item) => view(context, server, item)),
  });
}

function attachmentOf(context: NovaContext, request: OpenStackRequest) {
  const server = serverOf(context, request.labels.id);
  const volumeId = request.labels.volumeId ?? '';
  const attachment = server.attachments.find((item) => item.volumeId === volumeId);
  if (!attachment)
    throw notFound(`Volume attachment could not be found with filter: volume_id = ${volumeId}`);
  return { server, attachment };
}

export function getVolumeAttachment(context: NovaContext, request: OpenStackRequest) {
  const { server, attachment } = attachmentOf(context, request);
  return reply(context, 200, { volumeAttachment: view(context, server, attachment) });
}

/** POST → 200 `{volumeAttachment}`; the Cinder volume goes attaching → in-use. */
export function attachVolume(context: NovaContext, request: OpenStackRequest) {
  const server = serverOf(context, request.labels.id);
  const body = objectField(request.body, 'volumeAttachment');
  const volumeId = stringField(body, 'volumeId');
  if (!volumeId)
    throw badRequest("Invalid input for field/attribute volumeAttachment. 'volumeId' is a required property");
  requireState(server, 'attach_volume', ATTACHABLE);
  if (server.attachments.some((item) => item.volumeId === volumeId))
    throw badRequest(`Invalid volume: volume ${volumeId} already attached`);
  const device = nextDevice(server);
  const outcome = context.settings.volumes?.attach(volumeId, server.id, device) ?? 'ok';
  if (outcome === 'not-found') throw notFound(`Volume ${volumeId} could not be found.`);
  if (outcome !== 'ok') throw badRequest(`Invalid volume: ${outcome.invalid}`);
  const attachment: VolumeAttachmentRecord = {
    volumeId,
    device,
    tag: atLeast(context.version, '2.49') ? stringField(body, 'tag') : undefined,
    deleteOnTermination: atLeast(context.version, '2.79')
      ? (booleanField(body, 'delete_on_termination') ?? false)
      : false,
  };
  server.attachments.push(attachment);
  return reply(context, 200, { volumeAttachment: view(context, server, attachment) });
}

/** DELETE → 202; the volume goes detaching → available. */
export function detachVolume(context: NovaContext, request: OpenStackRequest) {
  const { server, attachment } = attachmentOf(context, request);
  requireState(server, 'detach_volume', ATTACHABLE);
  context.settings.volumes?.detach(attachment.volumeId, server.id);
  server.attachments = server.attachments.filter((item) => item !== attachment);
  return reply(context, 202);
}
