import { randomUUID } from 'node:crypto';
import { scheduleTransition } from '../../framework/lifecycle.js';
import type { CinderSettings } from './cinder-settings.js';
import type { VolumeAttachment, VolumeRecord } from './cinder-state.js';

/** Why a volume cannot be attached now, in Cinder's words; undefined when it can. */
export function attachRefusal(volume: VolumeRecord): string | undefined {
  const attachedElsewhere = volume.attachments.length > 0 && !volume.multiattach;
  if (
    (volume.status === 'available' || (volume.status === 'in-use' && volume.multiattach)) &&
    !attachedElsewhere
  )
    return undefined;
  return `Invalid volume: Volume ${volume.id} status must be available or in-use with multiattach, but current status is: ${volume.status}.`;
}

/**
 * Reserve and attach: with a connector (Nova's attach, or an attachment with one) the volume goes
 * `attaching` and then `in-use`; without one, it stays `reserved` until completed or removed.
 */
export function beginAttach(
  settings: CinderSettings,
  volume: VolumeRecord,
  serverId: string,
  options: { device: string | null; connected: boolean; now: number; mode?: 'rw' | 'ro' },
): VolumeAttachment {
  const attachment: VolumeAttachment = {
    attachmentId: randomUUID(),
    serverId,
    device: options.device,
    status: options.connected ? 'attaching' : 'reserved',
    attachMode: options.mode ?? 'rw',
    attachedAt: null,
  };
  volume.attachments.push(attachment);
  volume.updatedAt = options.now;
  if (!options.connected) {
    volume.status = 'reserved';
    return attachment;
  }
  volume.status = 'attaching';
  scheduleTransition(volume, 'in-use', options.now, settings.clock.scaled(settings.durations.attach));
  return attachment;
}

/** The attachment is live: `in-use` at once (os-complete). */
export function completeAttach(volume: VolumeRecord, attachment: VolumeAttachment, now: number): void {
  attachment.status = 'attached';
  attachment.attachedAt = now;
  volume.status = 'in-use';
  volume.transition = undefined;
}

/** Detach: `detaching`, then `available` once no attachment is left (or `in-use` if others remain). */
export function beginDetach(
  settings: CinderSettings,
  volume: VolumeRecord,
  attachment: VolumeAttachment,
  now: number,
): void {
  if (attachment.status === 'reserved' || attachment.status === 'attaching') {
    volume.attachments = volume.attachments.filter((other) => other !== attachment);
    volume.status = volume.attachments.some((other) => other.status === 'attached') ? 'in-use' : 'available';
    volume.transition = undefined;
    return;
  }
  attachment.status = 'detaching';
  volume.status = 'detaching';
  volume.updatedAt = now;
  const remaining = volume.attachments.some((other) => other !== attachment && other.status === 'attached');
  scheduleTransition(
    volume,
    remaining ? 'in-use' : 'available',
    now,
    settings.clock.scaled(settings.durations.detach),
  );
}
