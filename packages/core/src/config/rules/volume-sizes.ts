import type { HubfleetConfig } from '../deployment.js';
import { type ConfigIssue, error, warning } from '../issues.js';
import { quantityToBytes } from '../primitives.js';

/** What one cloud's volumes can be: the size range of the volume type its provider creates. */
export interface VolumeSizeLimits {
  /** E.g. `EBS gp3`, `GCE persistent disk (pd-balanced)`, `Cinder volume`. */
  volumeType: string;
  minGiB: number;
  /** Absent when the cloud sets no per-volume maximum (Cinder: the project's quota decides). */
  maxGiB?: number;
  /** The cloud sizes volumes in whole GiB and rounds a fraction up. */
  wholeGiB?: boolean;
}

const GIB = 2 ** 30;

function describeGiB(gib: number): string {
  return gib >= 1024 && gib % 1024 === 0 ? `${gib / 1024} TiB` : `${gib} GiB`;
}

/**
 * Every hub's `storage.size` within the volume type's range: a hub disk (shared-nfs) or each user's
 * volume (per-user-volume) is one cloud volume either way. A provider's `validate` calls this with
 * its own limits, so `validate` refuses what `up` would fail on half-way, after creating the cluster.
 */
export function checkVolumeSizes(config: HubfleetConfig, limits: VolumeSizeLimits): ConfigIssue[] {
  return config.hubs.flatMap((hub, index) => {
    const path = ['hubs', index, 'storage', 'size'];
    const size = hub.storage.size;
    const gib = quantityToBytes(size) / GIB;
    const range = `${describeGiB(limits.minGiB)} to ${limits.maxGiB === undefined ? 'the project quota' : describeGiB(limits.maxGiB)}`;
    if (gib <= 0) return []; // refused for every cloud by checkHubs
    if (gib < limits.minGiB && hub.storage.home === 'per-user-volume') {
      // Users' volumes are claims the cluster's storage class provisions: it may round a small
      // claim up (GKE's 1Gi home claims, 003) instead of refusing it, as hubfleet's own disk would be.
      return [
        warning(
          path,
          `${size} is below a ${limits.volumeType}'s minimum (${describeGiB(limits.minGiB)}): the storage class may round each user's volume up, or refuse it`,
          `write ${describeGiB(limits.minGiB).replace(' GiB', 'Gi').replace(' TiB', 'Ti')} to get what you pay for`,
        ),
      ];
    }
    if (gib < limits.minGiB || (limits.maxGiB !== undefined && gib > limits.maxGiB)) {
      return [
        error(
          path,
          `${size} is outside what a ${limits.volumeType} can be (${range})`,
          `give a size from ${range}`,
        ),
      ];
    }
    if (limits.wholeGiB === true && !Number.isInteger(gib)) {
      return [
        warning(
          path,
          `${size} is not a whole number of GiB: the ${limits.volumeType} will be ${Math.ceil(gib)} GiB`,
          `write ${Math.ceil(gib)}Gi`,
        ),
      ];
    }
    return [];
  });
}
