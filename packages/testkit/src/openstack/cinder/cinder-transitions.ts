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

/** Applies every due transition (before each request). */
export function settleCinder(state: CinderState, now: number): void {
  for (const volume of Object.values(state.volumes)) {
    const due = volume.transition?.at;
    if (due !== undefined && due <= now) settleVolume(state, volume, due);
  }
  for (const backup of Object.values(state.backups)) {
    const transition = backup.transition;
    if (!transition || transition.at > now) continue;
    backup.transition = undefined;
    if (transition.to === null) delete state.backups[backup.id];
    else {
      backup.status = transition.to;
      backup.updatedAt = transition.at;
    }
  }
  for (const snapshot of Object.values(state.snapshots)) {
    const transition = snapshot.transition;
    if (!transition || transition.at > now) continue;
    snapshot.transition = undefined;
    if (transition.to === null) delete state.snapshots[snapshot.id];
    else {
      snapshot.status = transition.to;
      snapshot.updatedAt = transition.at;
    }
  }
}
