import type { ProvisionedFacts } from '../kubernetes/provisioned.js';
import type { VolumeAttachmentV1 } from '../provider/v1/session.js';

/**
 * The provisioned facts the Kubernetes layer needs (each hub's volume, as the provider attaches it),
 * filled in as volumes are observed or created, so releases render with real values: at plan time
 * from what exists, and during `up` as soon as the volume step has run (the NFS server release
 * depends on it, so it always renders after).
 */
export interface FactsStore {
  facts(): ProvisionedFacts;
  /** Changes whenever a fact does: a render made with an older version is stale. */
  readonly version: number;
  setVolume(hub: string, attachment: VolumeAttachmentV1 | undefined): void;
}

export function createFactsStore(): FactsStore {
  const volumes: Record<string, VolumeAttachmentV1 | undefined> = {};
  let version = 0;
  return {
    facts: () => ({ volumes: { ...volumes } }),
    get version() {
      return version;
    },
    setVolume(hub, attachment) {
      if (JSON.stringify(volumes[hub]) === JSON.stringify(attachment)) return;
      if (attachment === undefined) delete volumes[hub];
      else volumes[hub] = attachment;
      version += 1;
    },
  };
}
