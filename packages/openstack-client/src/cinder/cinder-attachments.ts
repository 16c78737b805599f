import { HubfleetError } from '@hubfleet/core';
import type { ServiceClient } from '../session/service-client.js';
import { segment } from '../session/service-request.js';
import { asWire } from '../wire/wire-fields.js';
import { toAttachment } from './cinder-mappers.js';
import type { Attachment } from './cinder-types.js';

/** The attachments API needs volume 3.27; completing one, 3.44. */
export const ATTACHMENTS_MICROVERSION = '3.27';

function requireAttachments(cinder: ServiceClient, version: string, subject: string): void {
  if (cinder.supports(version)) return;
  throw new HubfleetError({
    kind: 'internal',
    message: `This cloud's Cinder speaks volume ${cinder.microversion ?? '3.0'}; the attachments API needs ${version}`,
    hint: 'Attach through Nova (os-volume_attachments) instead.',
    subject,
  });
}

/**
 * POST /attachments: reserves the volume for a server (`reserved`), or with a connector starts
 * attaching it. Nova's os-volume_attachments does this for a normal attach.
 */
export async function createAttachment(
  cinder: ServiceClient,
  input: { volumeId: string; serverId: string; connector?: Record<string, unknown>; mode?: 'rw' | 'ro' },
): Promise<Attachment> {
  const subject = `volume/${input.volumeId}`;
  requireAttachments(cinder, ATTACHMENTS_MICROVERSION, subject);
  const response = await cinder.request({
    method: 'POST',
    path: '/attachments',
    body: {
      attachment: {
        volume_uuid: input.volumeId,
        instance_uuid: input.serverId,
        ...(input.connector ? { connector: input.connector } : {}),
        ...(input.mode ? { mode: input.mode } : {}),
      },
    },
    subject,
  });
  return toAttachment(asWire(response.body).attachment);
}

export async function getAttachment(cinder: ServiceClient, id: string): Promise<Attachment> {
  requireAttachments(cinder, ATTACHMENTS_MICROVERSION, `attachment/${id}`);
  const response = await cinder.request({
    method: 'GET',
    path: `/attachments/${segment(id)}`,
    subject: `attachment/${id}`,
  });
  return toAttachment(asWire(response.body).attachment);
}

export async function listAttachments(cinder: ServiceClient, volumeId?: string): Promise<Attachment[]> {
  requireAttachments(cinder, ATTACHMENTS_MICROVERSION, `volume/${volumeId ?? '*'}`);
  const items = await cinder.listAll<unknown>('/attachments', 'attachments', { volume_id: volumeId });
  return items.map(toAttachment);
}

/** os-complete (3.44): the attachment is live and the volume `in-use`. */
export async function completeAttachment(cinder: ServiceClient, id: string): Promise<void> {
  requireAttachments(cinder, '3.44', `attachment/${id}`);
  await cinder.request({
    method: 'POST',
    path: `/attachments/${segment(id)}/action`,
    body: { 'os-complete': null },
    subject: `attachment/${id}`,
  });
}

/** DELETE: detaches; the volume is `available` again once no attachment is left. */
export async function deleteAttachment(cinder: ServiceClient, id: string): Promise<void> {
  requireAttachments(cinder, ATTACHMENTS_MICROVERSION, `attachment/${id}`);
  await cinder.request({
    method: 'DELETE',
    path: `/attachments/${segment(id)}`,
    subject: `attachment/${id}`,
  });
}
