import type { PolicyRecord } from '../iam-policy.js';

/** A Cloud Storage bucket as the fake keeps it (plain JSON). */
export interface GcsBucketRecord {
  name: string;
  id: string;
  /** The project that owns it; bucket names are global, so another project's name is taken. */
  project: string;
  projectNumber: string;
  /** Upper case, as GCS reports it: `US-CENTRAL1`, `US`. */
  location: string;
  locationType: 'region' | 'multi-region';
  storageClass: string;
  labels: Record<string, string>;
  versioning: boolean;
  uniformBucketLevelAccess: boolean;
  /** When uniform bucket-level access was turned on: it can be turned off for 90 days after. */
  uniformSince?: number;
  publicAccessPrevention: 'inherited' | 'enforced';
  metageneration: number;
  timeCreated: number;
  updated: number;
  iam: PolicyRecord;
}

/** One object generation. `data` is the content as UTF-8 text (hubfleet stores JSON). */
export interface GcsObjectRecord {
  bucket: string;
  name: string;
  generation: string;
  metageneration: number;
  contentType: string;
  data: string;
  timeCreated: number;
  updated: number;
  /** Set on a noncurrent version (kept by a versioned bucket when overwritten or deleted). */
  timeDeleted?: number;
}

export interface StorageState {
  buckets: Record<string, GcsBucketRecord>;
  /** Live objects by `bucket/name`. */
  objects: Record<string, GcsObjectRecord>;
  /** Noncurrent versions a versioned bucket kept. */
  noncurrent: GcsObjectRecord[];
  /** Makes generations unique even within one millisecond. */
  writes: number;
  /**
   * At most this many items on a page of objects.list, whatever `maxResults` asks (GCS may return
   * fewer, with a `nextPageToken`): lets a test page through a few objects. Absent: 1,000.
   */
  listPageLimit?: number;
}

export function createStorageState(): StorageState {
  return { buckets: {}, objects: {}, noncurrent: [], writes: 0 };
}
