import { applyTransition } from '../../framework/lifecycle.js';
import type { ComputeState } from './compute-state.js';

/** Apply every due transition: disks and addresses become ready or vanish; snapshots upload then finish. */
export function settleCompute(state: ComputeState, now: number): void {
  for (const table of [state.disks, state.addresses] as const) {
    for (const [key, record] of Object.entries(table)) {
      if (applyTransition(record, now)) delete table[key];
    }
  }
  for (const [key, snapshot] of Object.entries(state.snapshots)) {
    if (snapshot.status === 'CREATING' && now >= snapshot.uploadingAt) snapshot.status = 'UPLOADING';
    if (applyTransition(snapshot, now)) delete state.snapshots[key];
  }
}
