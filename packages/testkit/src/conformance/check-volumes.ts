import type { ObservedVolumeV1 } from '@hubfleet/core';
import { expect } from 'vitest';
import { hubWithSharedStorage } from './config-picks.js';
import type { ConformanceContext } from './conformance-context.js';
import { expectOwnershipTags } from './ownership-expectations.js';
import { waitFor } from './wait-for.js';

/** The listed volume with this id, or undefined. */
export async function findVolume(
  context: ConformanceContext,
  id: string,
): Promise<ObservedVolumeV1 | undefined> {
  return (await context.session.volumes.list()).find((volume) => volume.id === id);
}

/**
 * Stage 5: the shared-nfs hub's volume is created and then listed by ownership, `available`, with
 * its hub and the ownership tags. Returns it as listed.
 */
export async function checkCreateVolume(context: ConformanceContext): Promise<ObservedVolumeV1> {
  const hub = hubWithSharedStorage(context.config);
  const created = await context.session.volumes.create(hub);
  expect(created.id, `hub ${hub.name}: volumes.create() returns the volume's id`).toBeTruthy();
  const volume = await waitFor(
    context,
    `volume ${created.id} is listed and available`,
    () => findVolume(context, created.id),
    (listed) => listed?.status === 'available',
  );
  expect(volume?.hub, `volume ${created.id}: hub`).toBe(hub.name);
  expectOwnershipTags(`volume ${created.id}`, volume?.tags, context.config.name, 'volume', { hub: hub.name });
  return volume as ObservedVolumeV1;
}

/** The NFS server chart can mount the volume: a CSI driver and handle, or an NFS export. */
export function checkVolumeAttachment(context: ConformanceContext, volume: ObservedVolumeV1): void {
  const attachment = context.session.volumes.attachment(volume);
  const byCsi = Boolean(attachment.csiDriver) && Boolean(attachment.volumeHandle);
  const byNfs = Boolean(attachment.nfsExport?.server) && Boolean(attachment.nfsExport?.path);
  expect(
    byCsi || byNfs,
    `volume ${volume.id}: attachment() gives csiDriver and volumeHandle, or nfsExport server and path (got ${JSON.stringify(attachment)})`,
  ).toBe(true);
}

/**
 * Where `capabilities.volumeSnapshots`: snapshotting the hub's volume returns a snapshot id; where
 * the provider reports snapshots (`snapshotStatus`, `findSnapshot`), that snapshot completes and is
 * found as the volume's, as `onDelete: snapshot` needs before it deletes the volume.
 */
export async function checkVolumeSnapshot(
  context: ConformanceContext,
  volume: ObservedVolumeV1,
): Promise<string> {
  const { volumes } = context.session;
  const { snapshotId } = await volumes.snapshot(volume);
  expect(snapshotId, `volume ${volume.id}: snapshot id`).toBeTruthy();
  if (volumes.snapshotStatus !== undefined) {
    await waitFor(
      context,
      `snapshot ${snapshotId} of volume ${volume.id} completes`,
      () => volumes.snapshotStatus?.(snapshotId) ?? Promise.resolve(undefined),
      (status) => status === 'completed',
    );
  }
  if (volumes.findSnapshot !== undefined) {
    const found = await volumes.findSnapshot(volume);
    expect(found?.id, `volume ${volume.id}: findSnapshot() finds snapshot ${snapshotId}`).toBe(snapshotId);
  }
  return snapshotId;
}

/** Stage 6, last step: a data volume is deleted on request, and is then no longer listed. */
export async function checkDeleteVolume(
  context: ConformanceContext,
  volume: ObservedVolumeV1,
): Promise<void> {
  await context.session.volumes.delete(volume);
  await waitFor(
    context,
    `volume ${volume.id} is gone`,
    () => findVolume(context, volume.id),
    (listed) => listed === undefined,
  );
}
