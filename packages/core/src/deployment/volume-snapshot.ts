import type { StepContext } from '../engine/resource.js';
import { HubfleetError } from '../errors/index.js';
import type { ObservedVolumeV1 } from '../provider/v1/session.js';
import type { DeploymentContext } from './deployment-context.js';
import { waitUntil } from './wait-until.js';

/** Snapshots taken in this run, by volume id, so a retried delete waits for the same one. */
export type SnapshotMemory = Map<string, string>;

function failed(volume: ObservedVolumeV1, snapshotId: string): HubfleetError {
  return new HubfleetError({
    kind: 'unavailable',
    retryable: false,
    message: `snapshot ${snapshotId} of hub ${volume.hub}'s volume ${volume.id} failed, so the volume was not deleted`,
    hint: 'look at the snapshot in the cloud console; run `hubfleet down --delete-data` again to take a new one',
    subject: `volume/${volume.hub}`,
  });
}

function vanished(volume: ObservedVolumeV1, snapshotId: string): HubfleetError {
  return new HubfleetError({
    kind: 'conflict',
    retryable: true,
    message: `snapshot ${snapshotId} of hub ${volume.hub}'s volume ${volume.id} is gone before it completed; taking another`,
    hint: 'the volume is kept until a snapshot of it completes',
    subject: `volume/${volume.hub}`,
  });
}

/** The snapshot to wait for: this run's, else one an earlier run took (unless it failed), else a new one. */
async function snapshotToWaitFor(
  context: DeploymentContext,
  volume: ObservedVolumeV1,
  memory: SnapshotMemory,
): Promise<string> {
  const { volumes } = context.session;
  const remembered = memory.get(volume.id);
  if (remembered !== undefined) return remembered;
  const earlier = await volumes.findSnapshot?.(volume);
  const snapshotId =
    earlier !== undefined && earlier.status !== 'error'
      ? earlier.id
      : (await volumes.snapshot(volume)).snapshotId;
  memory.set(volume.id, snapshotId);
  context.notices.push(
    `Snapshot ${snapshotId} of hub ${volume.hub}'s volume ${volume.id} (storage.onDelete: snapshot) holds its data; the volume is deleted once it has completed.`,
  );
  return snapshotId;
}

/**
 * `storage.onDelete: snapshot`: make sure a snapshot of `volume` exists and, when the provider can
 * report it (`snapshotStatus`), wait until it has completed. Only then may the volume be deleted. A
 * retry or a re-run reuses the snapshot already taken; a failed snapshot stops the step with the
 * volume kept.
 */
export async function snapshotBeforeDelete(
  context: DeploymentContext,
  volume: ObservedVolumeV1,
  memory: SnapshotMemory,
  step: StepContext,
): Promise<void> {
  const snapshotId = await snapshotToWaitFor(context, volume, memory);
  const { snapshotStatus } = context.session.volumes;
  if (snapshotStatus === undefined) return;
  await waitUntil(
    async () => {
      const status = await snapshotStatus.call(context.session.volumes, snapshotId);
      if (status === 'error' || status === undefined) {
        memory.delete(volume.id);
        throw status === 'error' ? failed(volume, snapshotId) : vanished(volume, snapshotId);
      }
      return {
        done: status === 'completed',
        waitingFor: `snapshot ${snapshotId} of volume ${volume.id} to complete`,
      };
    },
    { signal: step.signal, intervalMs: context.pollIntervalMs, sleep: context.sleep },
  );
}
