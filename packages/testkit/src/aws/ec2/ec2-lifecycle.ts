import type { Ec2State, VolumeRecord } from './ec2-state.js';

/**
 * Apply every state change whose time has come: creating → available, deleting → gone,
 * attaching → attached, detaching → available, pending → completed/available. Idempotent, so a
 * process that loads persisted state reaches the same answer.
 */
export function settle(state: Ec2State, now: number): void {
  for (const volume of Object.values(state.volumes)) settleVolume(state, volume, now);
  for (const snapshot of Object.values(state.snapshots)) {
    if (snapshot.state === 'pending' && now >= snapshot.completesAt) snapshot.state = 'completed';
  }
  for (const vpc of Object.values(state.vpcs)) {
    if (vpc.state === 'pending' && now >= vpc.availableAt) vpc.state = 'available';
  }
  for (const subnet of Object.values(state.subnets)) {
    if (subnet.state === 'pending' && now >= subnet.availableAt) subnet.state = 'available';
  }
}

function settleVolume(state: Ec2State, volume: VolumeRecord, now: number): void {
  if (volume.state === 'creating' && now >= volume.availableAt) volume.state = 'available';
  if (volume.state === 'deleting' && volume.goneAt !== undefined && now >= volume.goneAt) {
    delete state.volumes[volume.volumeId];
    return;
  }
  const attachment = volume.attachment;
  if (!attachment || now < attachment.settlesAt) return;
  if (attachment.state === 'attaching') attachment.state = 'attached';
  if (attachment.state === 'detaching') {
    delete volume.attachment;
    volume.state = 'available';
  }
}

/** Snapshot progress as EC2 reports it: a percentage string. */
export function snapshotProgress(startTime: number, completesAt: number, now: number): string {
  if (now >= completesAt) return '100%';
  const span = Math.max(1, completesAt - startTime);
  return `${Math.min(99, Math.floor(((now - startTime) / span) * 100))}%`;
}
