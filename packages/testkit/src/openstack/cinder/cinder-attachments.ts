import type { FakeResponse } from '../../framework/http-service.js';
import { objectField, stringField } from '../../framework/json-body.js';
import { atLeast } from '../shared/microversion.js';
import type { OpenStackRequest } from '../shared/openstack-protocol.js';
import { attachRefusal, beginAttach, beginDetach, completeAttach } from './cinder-attaching.js';
import { badRequest, cinderError } from './cinder-errors.js';
import type { CinderContext } from './cinder-settings.js';
import type { VolumeAttachment, VolumeRecord } from './cinder-state.js';
import { cinderTime } from './cinder-views.js';
import { findVolume, reply } from './cinder-volumes.js';

/** The attachments API needs volume 3.27. */
function requireAttachmentsApi(context: CinderContext): void {
  if (!atLeast(context.version, '3.27')) throw cinderError(404, 'The resource could not be found.');
}

function render(volume: VolumeRecord, attachment: VolumeAttachment): Record<string, unknown> {
  return {
    id: attachment.attachmentId,
    status: attachment.status,
    instance: attachment.serverId,
    volume_id: volume.id,
    attach_mode: attachment.attachMode,
    attached_at: cinderTime(attachment.attachedAt),
    detached_at: null,
    connection_info:
      attachment.status === 'reserved'
        ? {}
        : { driver_volume_type: 'rbd', data: { name: `volumes/volume-${volume.id}` } },
  };
}

function findAttachment(
  context: CinderContext,
  id: string,
): { volume: VolumeRecord; attachment: VolumeAttachment } {
  for (const volume of Object.values(context.state.volumes)) {
    if (volume.projectId !== context.settings.projectId) continue;
    const attachment = volume.attachments.find((candidate) => candidate.attachmentId === id);
    if (attachment) return { volume, attachment };
  }
  throw cinderError(404, `VolumeAttachment ${id} could not be found.`);
}

/** POST /attachments {"attachment": {volume_uuid, instance_uuid, connector?, mode?}} → 200. */
export function createAttachment(context: CinderContext, request: OpenStackRequest): FakeResponse {
  requireAttachmentsApi(context);
  const body = objectField(request.body, 'attachment');
  const volumeId = stringField(body, 'volume_uuid');
  const serverId = stringField(body, 'instance_uuid');
  if (!body || !volumeId || !serverId) throw badRequest('Must specify volume_uuid and instance_uuid.');
  const volume = findVolume(context, volumeId);
  const refusal = attachRefusal(volume);
  if (refusal) throw badRequest(refusal);
  const mode = stringField(body, 'mode') === 'ro' ? 'ro' : 'rw';
  const attachment = beginAttach(context.settings, volume, serverId, {
    device: null,
    connected: objectField(body, 'connector') !== undefined,
    now: context.now,
    mode,
  });
  return reply(context, 200, { attachment: render(volume, attachment) });
}

export function listAttachments(context: CinderContext, request: OpenStackRequest): FakeResponse {
  requireAttachmentsApi(context);
  const volumeFilter = request.query.get('volume_id');
  const attachments = Object.values(context.state.volumes)
    .filter(
      (volume) =>
        volume.projectId === context.settings.projectId &&
        (volumeFilter === null || volume.id === volumeFilter),
    )
    .flatMap((volume) => volume.attachments.map((attachment) => render(volume, attachment)));
  return reply(context, 200, { attachments });
}

export function showAttachment(context: CinderContext, request: OpenStackRequest): FakeResponse {
  requireAttachmentsApi(context);
  const { volume, attachment } = findAttachment(context, request.labels.attachmentId as string);
  return reply(context, 200, { attachment: render(volume, attachment) });
}

/** POST /attachments/{id}/action {"os-complete": null} → 204 (3.44): the volume is in-use. */
export function attachmentAction(context: CinderContext, request: OpenStackRequest): FakeResponse {
  requireAttachmentsApi(context);
  if (!('os-complete' in request.body)) throw badRequest('There is no such action.');
  if (!atLeast(context.version, '3.44')) throw cinderError(404, 'The resource could not be found.');
  const { volume, attachment } = findAttachment(context, request.labels.attachmentId as string);
  completeAttach(volume, attachment, context.now);
  return reply(context, 204);
}

/** DELETE /attachments/{id} → 200 `{}`: detached (available again once no attachment is left). */
export function deleteAttachment(context: CinderContext, request: OpenStackRequest): FakeResponse {
  requireAttachmentsApi(context);
  const { volume, attachment } = findAttachment(context, request.labels.attachmentId as string);
  beginDetach(context.settings, volume, attachment, context.now);
  return reply(context, 200, {});
}
