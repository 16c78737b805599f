/** The S3 fake's state: plain JSON, persisted by a StateStore in sim mode. */

export interface S3ObjectRecord {
  key: string;
  /** The body as text: the fakes carry configuration and manifests, not binary data. */
  body: string;
  size: number;
  etag: string;
  contentType: string;
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
  objects: Record<string, S3ObjectRecord>;
  /** Completed writes and deletes per key, for conditional requests in flight (`s3-conditions.ts`). */
  keyVersions?: Record<string, number>;
}

export interface S3State {
  buckets: Record<string, BucketRecord>;
}

export function createS3State(): S3State {
  return { buckets: {} };
}
