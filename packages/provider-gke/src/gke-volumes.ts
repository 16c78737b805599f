import type { protos } from '@google-cloud/compute';
import {
  type HubConfig,
  HubfleetError,
  type ObservedSnapshotV1,
  type ObservedVolumeV1,
  OwnershipTag,
  quantityToGiB,
  type SnapshotStatusV1,
  type VolumeApiV1,
} from '@hubfleet/core';
import { type GkeDeployment, unlessNotFound } from './gke-deployment.js';
import { googleStatusOf, isGoogleAlreadyExists } from './gke-errors.js';
import { fromGoogleLabels, googleLabelValue, ownershipFilter, ownershipLabels } from './gke-labels.js';
import { computeOperationOf, waitForCompute } from './gke-operations.js';

type Disk = protos.google.cloud.compute.v1.IDisk;

/** The PD CSI driver, which the NFS server's PersistentVolume names. */
export const PD_CSI_DRIVER = 'pd.csi.storage.gke.io';
/** pd-balanced's smallest disk. */
const MIN_DISK_GB = 10;
const SOURCE_LABEL = 'hubfleet-source-disk';

const DISK_STATUS: Readonly<Record<string, ObservedVolumeV1['status']>> = {
  CREATING: 'creating',
  RESTORING: 'creating',
  READY: 'available',
  DELETING: 'deleting',
  FAILED: 'error',
};

function lastSegment(url: string | null | undefined): string {
  return (url ?? '').split('/').filter(Boolean).pop() ?? '';
}

function observedDisk(disk: Disk): ObservedVolumeV1 | undefined {
  const tags = fromGoogleLabels(disk.labels);
  const hub = tags[OwnershipTag.hub];
  const status = DISK_STATUS[String(disk.status)];
  if (hub === undefined || status === undefined) return undefined;
  return {
    id: disk.name ?? '',
    hub,
    sizeGiB: Number(disk.sizeGb ?? 0),
    zone: lastSegment(disk.zone),
    status: status === 'available' && (disk.users?.length ?? 0) > 0 ? 'in-use' : status,
    tags,
  };
}

/**
 * Hubs' data volumes on GKE. Per-user homes are PD CSI disks made by the StorageClass (see
 * `gke-addons.ts`); a `shared-nfs` hub gets one zonal persistent disk here, `<deployment>-<hub>`, in
 * the zone of the core pool (the NFS server runs there), labelled with deployment, component and
 * hub. Retained disks keep their labels, so the next `up` adopts them.
 */
export function gkeVolumes(gke: GkeDeployment): VolumeApiV1 {
  const { disks, snapshots } = gke.clients;
  const subjectOf = (hub: string) => `volume/${hub}`;
  const diskName = (hub: string) => `${gke.deployment}-${hub}`;

  async function list(): Promise<ObservedVolumeV1[]> {
    const found: ObservedVolumeV1[] = [];
    const filter = ownershipFilter(gke.deployment, 'volume');
    await gke.call('compute.disks.aggregatedList', 'volumes', async () => {
      found.length = 0;
      // Async iteration pages by itself; autoPaginate off silences gax's warning that says so.
      for await (const [, scoped] of disks.aggregatedListAsync(
        { project: gke.project, filter },
        { autoPaginate: false },
      )) {
        for (const disk of scoped.disks ?? []) {
          const observed = observedDisk(disk);
          if (observed !== undefined) found.push(observed);
        }
      }
    });
    return found;
  }

  async function get(zone: string, name: string, subject: string): Promise<Disk | undefined> {
    const answer = await unlessNotFound(
      gke.call('compute.disks.get', subject, () => disks.get({ project: gke.project, zone, disk: name })),
    );
    return answer?.[0];
  }

  function labelsFor(hub: string): Record<string, string> {
    return ownershipLabels(gke.deployment, 'volume', { hub });
  }

  /** `storage.adoptVolume`: a disk in the primary zone is labelled as the hub's instead of creating one. */
  async function adopt(hub: HubConfig, name: string): Promise<ObservedVolumeV1> {
    const subject = subjectOf(hub.name);
    const disk = await get(gke.primaryZone, name, subject);
    const refuse = (why: string, hint: string): never => {
      throw new HubfleetError({
        kind: 'invalid-config',
        message: `hub ${hub.name} cannot adopt disk ${name}: ${why}`,
        hint,
        subject: `hubs.${hub.name}.storage.adoptVolume`,
      });
    };
    if (disk === undefined) {
      return refuse(
        `it does not exist in ${gke.primaryZone}`,
        `check with \`gcloud compute disks list --project ${gke.project}\``,
      );
    }
    const tags = fromGoogleLabels(disk.labels);
    const owner = tags[OwnershipTag.deployment];
    if (
      (owner !== undefined && owner !== googleLabelValue(gke.deployment)) ||
      (tags[OwnershipTag.hub] ?? hub.name) !== hub.name
    ) {
      refuse(
        `it belongs to deployment ${owner}, hub ${tags[OwnershipTag.hub] ?? '(none)'}`,
        'adopt a disk no other hub owns',
      );
    }
    const wanted = labelsFor(hub.name);
    if (Object.entries(wanted).some(([key, value]) => disk.labels?.[key] !== value)) {
      const answer = await gke.call('compute.disks.setLabels', subject, () =>
        disks.setLabels({
          project: gke.project,
          zone: gke.primaryZone,
          resource: name,
          zoneSetLabelsRequestResource: {
            labels: { ...(disk.labels ?? {}), ...wanted },
            labelFingerprint: disk.labelFingerprint ?? '',
          },
        }),
      );
      await waitForCompute(gke, { zone: gke.primaryZone }, computeOperationOf(answer), subject);
    }
    const adopted = observedDisk({ ...disk, labels: { ...(disk.labels ?? {}), ...wanted } });
    if (adopted === undefined) return refuse(`it is ${String(disk.status)}`, 'adopt a READY disk');
    return adopted;
  }

  async function create(hub: HubConfig): Promise<ObservedVolumeV1> {
    if (hub.storage.adoptVolume !== undefined) return adopt(hub, hub.storage.adoptVolume);
    const subject = subjectOf(hub.name);
    const existing = (await list()).find((volume) => volume.hub === hub.name && volume.status !== 'deleting');
    if (existing !== undefined) return existing;
    const name = diskName(hub.name);
    const zone = gke.primaryZone;
    try {
      const answer = await gke.call('compute.disks.insert', subject, () =>
        disks.insert({
          project: gke.project,
          zone,
          diskResource: {
            name,
            sizeGb: String(Math.max(MIN_DISK_GB, quantityToGiB(hub.storage.size))),
            type: `zones/${zone}/diskTypes/pd-balanced`,
            description: `hubfleet: hub ${hub.name} of deployment ${gke.deployment}`,
            labels: labelsFor(hub.name),
          },
        }),
      );
      await waitForCompute(gke, { zone }, computeOperationOf(answer), subject);
    } catch (error) {
      if (!isGoogleAlreadyExists(error)) throw error;
    }
    const disk = await get(zone, name, subject);
    const observed = disk === undefined ? undefined : observedDisk(disk);
    if (observed === undefined) {
      throw new HubfleetError({
        kind: 'conflict',
        message: `a disk named ${name} exists in ${zone} but is not labelled as hub ${hub.name}'s`,
        hint: 'delete or rename that disk, or adopt it with storage.adoptVolume',
        subject,
      });
    }
    return observed;
  }

  async function findSnapshot(volume: ObservedVolumeV1): Promise<ObservedSnapshotV1 | undefined> {
    const [found] = await gke.call('compute.snapshots.list', subjectOf(volume.hub), () =>
      snapshots.list({
        project: gke.project,
        filter: `labels.${SOURCE_LABEL} = "${googleLabelValue(volume.id)}"`,
      }),
    );
    const newest = [...found].sort((a, b) =>
      String(b.creationTimestamp).localeCompare(String(a.creationTimestamp)),
    )[0];
    if (newest?.name === undefined || newest.name === null) return undefined;
    return { id: newest.name, volumeId: volume.id, status: snapshotStatus(String(newest.status)) };
  }

  function snapshotStatus(status: string): SnapshotStatusV1 {
    if (status === 'READY') return 'completed';
    return status === 'FAILED' ? 'error' : 'pending';
  }

  /** Starts a snapshot named after the disk and the time, labelled with its source; waits until it is READY. */
  async function snapshot(volume: ObservedVolumeV1): Promise<{ snapshotId: string }> {
    const subject = subjectOf(volume.hub);
    const zone = volume.zone ?? gke.primaryZone;
    const name = `${volume.id}-${new Date()
      .toISOString()
      .replace(/[^0-9]/g, '')
      .slice(0, 14)}`;
    const answer = await gke.call('compute.disks.createSnapshot', subject, () =>
      disks.createSnapshot({
        project: gke.project,
        zone,
        disk: volume.id,
        snapshotResource: {
          name,
          description: `hubfleet: hub ${volume.hub} of deployment ${gke.deployment}`,
          labels: { ...labelsFor(volume.hub), [SOURCE_LABEL]: googleLabelValue(volume.id) },
        },
      }),
    );
    await waitForCompute(gke, { zone }, computeOperationOf(answer), subject);
    return { snapshotId: name };
  }

  async function remove(volume: ObservedVolumeV1): Promise<void> {
    const subject = subjectOf(volume.hub);
    const zone = volume.zone ?? gke.primaryZone;
    try {
      const answer = await unlessNotFound(
        gke.call('compute.disks.delete', subject, () =>
          disks.delete({ project: gke.project, zone, disk: volume.id }),
        ),
      );
      if (answer !== undefined) await waitForCompute(gke, { zone }, computeOperationOf(answer), subject);
    } catch (error) {
      if (
        googleStatusOf(error).reason !== 'RESOURCE_IN_USE_BY_ANOTHER_RESOURCE' &&
        googleStatusOf(error).reason !== 'resourceInUseByAnotherResource'
      )
        throw error;
      throw new HubfleetError({
        kind: 'conflict',
        retryable: true,
        message: `disk ${volume.id} of hub ${volume.hub} is still attached to a node`,
        hint: 'the NFS server that mounts it is still being removed; hubfleet retries',
        subject,
        cause: error,
      });
    }
  }

  return {
    list,
    create,
    snapshot,
    findSnapshot,
    snapshotStatus: async (snapshotId) => {
      const answer = await unlessNotFound(
        gke.call('compute.snapshots.get', `snapshot/${snapshotId}`, () =>
          snapshots.get({ project: gke.project, snapshot: snapshotId }),
        ),
      );
      return answer === undefined ? undefined : snapshotStatus(String(answer[0].status));
    },
    delete: remove,
    attachment: (volume) => ({
      csiDriver: PD_CSI_DRIVER,
      volumeHandle: `projects/${gke.project}/zones/${volume.zone ?? gke.primaryZone}/disks/${volume.id}`,
      zone: volume.zone ?? gke.primaryZone,
    }),
  };
}
