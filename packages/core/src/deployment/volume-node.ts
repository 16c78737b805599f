import type { HubConfig } from '../config/hub.js';
import type { ResourceDiff, ResourceNode, StepContext, VolumeOnDelete } from '../engine/resource.js';
import type { ObservedVolumeV1 } from '../provider/v1/session.js';
import { type DeploymentContext, typicalDurationMs, volumeNodeId } from './deployment-context.js';
import { type SnapshotMemory, snapshotBeforeDelete } from './volume-snapshot.js';
import { waitUntil } from './wait-until.js';

export interface VolumeNodeOptions {
  hub: string;
  /** The hub's config; absent for a hub the config no longer has (its volume is then retained). */
  config?: HubConfig;
  /** Why a volume without `config` is kept, for the plan (else its hub's `onDelete: retain`). */
  retainedBecause?: string;
}

function pick(volumes: readonly ObservedVolumeV1[], hub: string): ObservedVolumeV1 | undefined {
  const own = volumes.filter((volume) => volume.hub === hub);
  return own.find((volume) => volume.status !== 'deleting') ?? own[0];
}

/**
 * A shared-nfs hub's data volume. Found in one `volumes.list()` (by ownership tags) per plan; whatever
 * is found is recorded as the hub's provisioned fact, so the NFS server release renders with the real
 * volume. Deleted only as the hub's `storage.onDelete` says, and only with `--delete-data` (with
 * `snapshot`, once its snapshot has completed: `snapshotBeforeDelete`); a hub no longer in the config
 * keeps its volume (its `onDelete` is gone with it), tagged with the hub so a later hub of that name
 * finds it again.
 */
export function volumeNode(
  context: DeploymentContext,
  options: VolumeNodeOptions,
): ResourceNode<ObservedVolumeV1> {
  const { session } = context;
  const { hub, config } = options;
  const onDelete: VolumeOnDelete = config?.storage.onDelete ?? 'retain';
  const record = (volume: ObservedVolumeV1 | undefined) => {
    if (config !== undefined) {
      context.facts.setVolume(hub, volume === undefined ? undefined : session.volumes.attachment(volume));
    }
    return volume;
  };
  const fresh = async () => pick(await session.volumes.list(), hub);
  let deleting: string | undefined;
  const snapshots: SnapshotMemory = new Map();
  const waitFor = (step: StepContext, done: (volume: ObservedVolumeV1 | undefined) => boolean) =>
    waitUntil(async () => ({ done: done(record(await fresh())) }), {
      signal: step.signal,
      intervalMs: context.pollIntervalMs,
      sleep: context.sleep,
    });

  return {
    id: volumeNodeId(hub),
    kind: 'volume',
    layer: 'hubs',
    dependsOn: [],
    typicalDurationMs: typicalDurationMs(context, 'volume'),
    waitingOn: `the data volume of hub ${hub}`,
    observe: async () => record(pick(await context.cache.read('volumes', () => session.volumes.list()), hub)),
    diff(observed): ResourceDiff {
      if (observed === undefined) {
        const adopt = config?.storage.adoptVolume;
        return {
          action: 'create',
          reason: adopt === undefined ? 'does not exist' : `adopts volume ${adopt}`,
          changes: [],
        };
      }
      if (observed.status === 'creating') {
        return {
          action: 'update',
          reason: 'still creating after an earlier run: wait until it is available',
          changes: [{ field: 'status', from: 'creating', to: 'available' }],
        };
      }
      return { action: 'noop', reason: `volume ${observed.id}`, changes: [] };
    },
    async apply(action, observed, step) {
      if (action === 'delete') {
        if (observed === undefined) return;
        deleting = observed.id;
        // A volume already being deleted was snapshotted by the run that started deleting it.
        if (onDelete === 'snapshot' && observed.status !== 'deleting') {
          await snapshotBeforeDelete(context, observed, snapshots, step);
        }
        return session.volumes.delete(observed);
      }
      if (config !== undefined && action === 'create') record(await session.volumes.create(config));
    },
    async waitReady(action, step) {
      if (action === 'delete') {
        const gone = async () => !(await session.volumes.list()).some((volume) => volume.id === deleting);
        return waitUntil(async () => ({ done: await gone() }), {
          signal: step.signal,
          intervalMs: context.pollIntervalMs,
          sleep: context.sleep,
        });
      }
      await waitFor(step, (volume) => volume !== undefined && volume.status !== 'creating');
    },
    safetyFacts: () => ({
      dataVolume: {
        hub,
        onDelete,
        ...(options.retainedBecause === undefined ? {} : { retainedBecause: options.retainedBecause }),
      },
    }),
  };
}
