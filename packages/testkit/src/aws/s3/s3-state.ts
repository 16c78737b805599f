/** The S3 fake's state: plain JSON, persisted by a StateStore in sim mode. */

export interface S3ObjectRecord {
  key: string;
  /** The body as text: the fakes carry configuration and manifests, not binary data. */
  body: string;
  size: number;
  etag: string;
  contentType: string;
  lastModified: number;
  /** In a bucket whose versioning was ever set: this version's id (`null` for the null version). */
  versionId?: string;
}

/** One version of a key in a bucket whose versioning was ever set: an object, or a delete marker. */
export interface S3VersionRecord {
  /** `null` for the null version (written while versioning was suspended, or before it was set). */
  versionId: string;
  /** Absent for a delete marker. */
  object?: S3ObjectRecord;
  lastModified: number;
}

export interface BucketEncryptionRecord {
  sseAlgorithm: string;
  kmsMasterKeyId?: string;
  bucketKeyEnabled: boolean;
}

export interface PublicAccessBlockRecord {
  blockPublicAcls: boolean;
  ignorePublicAcls: boolean;
  blockPublicPolicy: boolean;
  restrictPublicBuckets: boolean;
}

export interface BucketRecord {
  name: string;
  region: string;
  creationDate: number;
  /** Absent until PutBucketTagging: GetBucketTagging then answers NoSuchTagSet. */
  tags?: Record<string, string>;
  encryption: BucketEncryptionRecord;
  /** New buckets block all public access (S3 default since April 2023); absent after DeletePublicAccessBlock. */
  publicAccessBlock?: PublicAccessBlockRecord;
  /** Absent until PutBucketVersioning (a bucket is never unversioned again once it is set). */
  versioning?: 'Enabled' | 'Suspended';
  /** The current version of each key (absent while a delete marker is current). */
  objects: Record<string, S3ObjectRecord>;
  /**
   * Every version and delete marker of each key, newest first, once versioning was set
   * (`s3-object-versions.ts`); an object written before that is the null version.
   */
  versions?: Record<string, S3VersionRecord[]>;
  /** Completed writes and deletes per key, for conditional requests in flight (`s3-conditions.ts`). */
  keyVersions?: Record<string, number>;
}

export interface S3State {
  buckets: Record<string, BucketRecord>;
}

export function createS3State(): S3State {
  return { buckets: {} };
}
