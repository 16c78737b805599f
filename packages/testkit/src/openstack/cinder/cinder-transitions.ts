import type { Transitioning } from '../../framework/lifecycle.js';
import type { CinderState, VolumeRecord } from './cinder-state.js';

function settleVolume(state: CinderState, volume: VolumeRecord, at: number): void {
  const to = volume.transition?.to;
  const from = volume.status;
  volume.transition = undefined;
  if (to === null || to === undefined) {
    if (to === null) delete state.volumes[volume.id];
    return;
  }
  volume.status = to;
  volume.updatedAt = at;
  if (from === 'extending' && to === 'available' && volume.pendingSize !== undefined)
    volume.size = volume.pendingSize;
  volume.pendingSize = undefined;
  if (from === 'backing-up') volume.previousStatus = undefined;
  if (from === 'attaching' && to === 'in-use') {
    for (const attachment of volume.attachments)
      if (attachment.status === 'attaching')
        Object.assign(attachment, { status: 'attached', attachedAt: at });
  }
  if (from === 'detaching')
    volume.attachments = volume.attachments.filter((attachment) => attachment.status !== 'detaching');
}

/** A snapshot's or a backup's due transition: a new status, or gone. */
function settleCopies<Status extends string>(
  records: Record<string, Transitioning<Status> & { id: string; updatedAt: number | null }>,
  now: number,
): void {
  for (const record of Object.values(records)) {
    const transition = record.transition;
    if (!transition || transition.at > now) continue;
    record.transition = undefined;
    if (transition.to === null) delete records[record.id];
    else {
      record.status = transition.to;
      record.updatedAt = transition.at;
    }
  }
}

/** Applies every due transition (before each request). */
export function settleCinder(state: CinderState, now: number): void {
  for (const volume of Object.values(state.volumes)) {
    const due = volume.transition?.at;
    if (due !== undefined && due <= now) settleVolume(state, volume, due);
  }
  settleCopies(state.backups, now);
  settleCopies(state.snapshots, now);
}
