import { randomBytes } from 'node:crypto';
import type { BucketRecord, S3ObjectRecord, S3VersionRecord } from './s3-state.js';

// Object versions (S3 user guide "Using versioning in S3 buckets"; DeleteObject API reference): with
// versioning Enabled every write adds a version with a new id and a delete without a version id adds
// a delete marker; while Suspended both replace the `null` version; a delete naming a version id
// removes that version (or delete marker) for good, and the newest remaining one becomes current.
// A bucket whose versioning was never set keeps one unversioned object per key.

export const NULL_VERSION = 'null';

/** An opaque version id, in the shape S3 hands out (32 URL-safe characters). */
function newVersionId(): string {
  return randomBytes(24).toString('base64url');
}

/** The versions of `key`, newest first; an object written before versioning was set is the null version. */
export function versionsOf(bucket: BucketRecord, key: string): S3VersionRecord[] {
  const recorded = bucket.versions?.[key];
  if (recorded !== undefined) return recorded;
  const object = bucket.objects[key];
  return object === undefined ? [] : [{ versionId: NULL_VERSION, object, lastModified: object.lastModified }];
}

function store(bucket: BucketRecord, key: string, versions: S3VersionRecord[]): void {
  const { [key]: _, ...others } = bucket.versions ?? {};
  bucket.versions = versions.length === 0 ? others : { ...others, [key]: versions };
  const current = versions[0]?.object;
  if (current === undefined) delete bucket.objects[key];
  else bucket.objects[key] = current;
}

/**
 * A write (`object`) or a delete without a version id (`undefined`: a delete marker) of `key`. Returns
 * the id of the version or delete marker it made, or undefined in a bucket never versioned.
 */
export function recordWrite(
  bucket: BucketRecord,
  key: string,
  object: S3ObjectRecord | undefined,
  now: number,
): string | undefined {
  if (bucket.versioning === undefined) {
    if (object === undefined) delete bucket.objects[key];
    else bucket.objects[key] = object;
    return undefined;
  }
  const versionId = bucket.versioning === 'Enabled' ? newVersionId() : NULL_VERSION;
  const kept = versionsOf(bucket, key).filter((version) => version.versionId !== versionId);
  const version: S3VersionRecord = {
    versionId,
    lastModified: now,
    ...(object === undefined ? {} : { object: { ...object, versionId } }),
  };
  store(bucket, key, [version, ...kept]);
  return versionId;
}

/** Remove one version of `key` for good; what it was, or undefined when there is no such version. */
export function removeVersion(
  bucket: BucketRecord,
  key: string,
  versionId: string,
): S3VersionRecord | undefined {
  const versions = versionsOf(bucket, key);
  const removed = versions.find((version) => version.versionId === versionId);
  if (removed === undefined) return undefined;
  store(
    bucket,
    key,
    versions.filter((version) => version !== removed),
  );
  return removed;
}

/** Whether the bucket holds anything at all: an object, a version or a delete marker (DeleteBucket). */
export function holdsAnything(bucket: BucketRecord): boolean {
  return (
    Object.keys(bucket.objects).length > 0 ||
    Object.values(bucket.versions ?? {}).some((versions) => versions.length > 0)
  );
}

/** One entry of ListObjectVersions: a version or a delete marker, with whether it is the key's current one. */
export interface ListedVersion {
  key: string;
  version: S3VersionRecord;
  isLatest: boolean;
}

/** Every version of every key under `prefix`, keys in UTF-8 binary order, each key's newest first. */
export function allVersions(bucket: BucketRecord, prefix: string): ListedVersion[] {
  const keys = new Set([...Object.keys(bucket.objects), ...Object.keys(bucket.versions ?? {})]);
  return [...keys]
    .filter((key) => key.startsWith(prefix))
    .sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)))
    .flatMap((key) =>
      versionsOf(bucket, key).map((version, index) => ({ key, version, isLatest: index === 0 })),
    );
}
