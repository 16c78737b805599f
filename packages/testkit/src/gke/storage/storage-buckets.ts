import {
  booleanField,
  type JsonObject,
  objectField,
  stringField,
  stringMapField,
} from '../../framework/json-body.js';
import { GoogleApiError, permissionDenied } from '../google-errors.js';
import { invalidLabel, numericId, rfc3339 } from '../google-ids.js';
import { GoogleRawResponse, type GoogleRequest } from '../google-protocol.js';
import { bucketConflict, conditionNotMet, noSuchBucket, storageInvalid } from './storage-errors.js';
import type { StorageContext } from './storage-settings.js';
import type { GcsBucketRecord } from './storage-state.js';

/** GCS keeps uniform bucket-level access reversible for 90 days after it is turned on. */
const UNIFORM_LOCK_MS = 90 * 24 * 3_600_000;
/** Multi-regions; any other location is a region. */
const MULTI_REGIONS = ['US', 'EU', 'ASIA'];
/** Names: 3-63 characters of lowercase letters, digits, `-`, `_` and `.`, starting and ending with a letter or digit. */
const BUCKET_NAME = /^[a-z0-9][a-z0-9._-]{1,61}[a-z0-9]$/;

export function renderBucket(bucket: GcsBucketRecord): Record<string, unknown> {
  return {
    kind: 'storage#bucket',
    selfLink: `https://www.googleapis.com/storage/v1/b/${bucket.name}`,
    id: bucket.name,
    name: bucket.name,
    projectNumber: bucket.projectNumber,
    metageneration: String(bucket.metageneration),
    location: bucket.location,
    storageClass: bucket.storageClass,
    etag: Buffer.from([0x08, bucket.metageneration & 0x7f]).toString('base64'),
    timeCreated: rfc3339(bucket.timeCreated),
    updated: rfc3339(bucket.updated),
    ...(Object.keys(bucket.labels).length === 0 ? {} : { labels: { ...bucket.labels } }),
    versioning: { enabled: bucket.versioning },
    iamConfiguration: {
      bucketPolicyOnly: { enabled: bucket.uniformBucketLevelAccess },
      uniformBucketLevelAccess: {
        enabled: bucket.uniformBucketLevelAccess,
        ...(bucket.uniformSince === undefined
          ? {}
          : { lockedTime: rfc3339(bucket.uniformSince + UNIFORM_LOCK_MS) }),
      },
      publicAccessPrevention: bucket.publicAccessPrevention,
    },
    locationType: bucket.locationType,
  };
}

/**
 * The bucket, if the caller may see it: another project's bucket answers 403, as GCS answers a
 * caller with no role on it.
 */
export function findBucket(
  context: StorageContext,
  name: string,
  permission = 'storage.buckets.get',
): GcsBucketRecord {
  const bucket = context.state.buckets[name];
  if (bucket === undefined) throw noSuchBucket();
  const { projects } = context.options;
  if (projects !== undefined && !projects.includes(bucket.project)) {
    throw new GoogleApiError(
      'PERMISSION_DENIED',
      `The caller does not have ${permission} access to the Google Cloud Storage bucket. Permission '${permission}' denied on resource (or it may not exist).`,
      undefined,
      {},
      undefined,
      'forbidden',
    );
  }
  return bucket;
}

function checkLabels(labels: Record<string, string>): void {
  const bad = invalidLabel(labels);
  if (bad !== undefined) throw storageInvalid(`Invalid argument: label ${bad} is not valid.`);
}

/** What a bucket resource in a request says about the settings hubfleet uses; absent fields untouched. */
function applySettings(context: StorageContext, bucket: GcsBucketRecord, body: JsonObject): void {
  const labels = stringMapField(body, 'labels');
  if (labels !== undefined) {
    checkLabels(labels);
    bucket.labels = labels;
  }
  const versioning = booleanField(objectField(body, 'versioning'), 'enabled');
  if (versioning !== undefined) bucket.versioning = versioning;
  const iam = objectField(body, 'iamConfiguration');
  const uniform = booleanField(objectField(iam, 'uniformBucketLevelAccess'), 'enabled');
  if (uniform !== undefined && uniform !== bucket.uniformBucketLevelAccess) {
    if (
      !uniform &&
      bucket.uniformSince !== undefined &&
      context.now > bucket.uniformSince + UNIFORM_LOCK_MS
    ) {
      throw storageInvalid('Cannot disable uniform bucket-level access after the 90-day window.');
    }
    bucket.uniformBucketLevelAccess = uniform;
    if (uniform) bucket.uniformSince = context.now;
    else delete bucket.uniformSince;
  }
  const prevention = stringField(iam, 'publicAccessPrevention');
  if (prevention !== undefined) {
    if (prevention !== 'inherited' && prevention !== 'enforced' && prevention !== 'unspecified') {
      throw storageInvalid(`Invalid value for publicAccessPrevention: ${prevention}`);
    }
    bucket.publicAccessPrevention = prevention === 'enforced' ? 'enforced' : 'inherited';
  }
}

/** The project's legacy roles every new bucket's policy starts with. */
function initialBindings(projectNumber: string) {
  return [
    {
      role: 'roles/storage.legacyBucketOwner',
      members: [`projectEditor:${projectNumber}`, `projectOwner:${projectNumber}`],
    },
    { role: 'roles/storage.legacyBucketReader', members: [`projectViewer:${projectNumber}`] },
  ];
}

/** buckets.insert: `POST /storage/v1/b?project=…` with a bucket resource. */
export function insertBucket(context: StorageContext, request: GoogleRequest): unknown {
  const project = request.query.get('project') ?? '';
  if (project === '') throw storageInvalid('Required parameter: project');
  const { projects } = context.options;
  if (projects !== undefined && !projects.includes(project)) {
    throw permissionDenied('storage.buckets.create', `projects/${project}`);
  }
  const name = stringField(request.body, 'name') ?? '';
  if (!BUCKET_NAME.test(name) || name.includes('..') || name.startsWith('goog')) {
    throw storageInvalid(`Invalid bucket name: '${name}'`);
  }
  const existing = context.state.buckets[name];
  if (existing !== undefined) {
    throw bucketConflict(
      existing.project === project
        ? 'Your previous request to create the named bucket succeeded and you already own it.'
        : 'The requested bucket name is not available. The bucket namespace is shared by all users of the system. Please select a different name and try again.',
    );
  }
  const location = (stringField(request.body, 'location') ?? 'US').toUpperCase();
  const projectNumber = numericId();
  const bucket: GcsBucketRecord = {
    name,
    id: name,
    project,
    projectNumber,
    location,
    locationType: MULTI_REGIONS.includes(location) ? 'multi-region' : 'region',
    storageClass: stringField(request.body, 'storageClass') ?? 'STANDARD',
    labels: {},
    versioning: false,
    uniformBucketLevelAccess: false,
    publicAccessPrevention: 'inherited',
    metageneration: 1,
    timeCreated: context.now,
    updated: context.now,
    iam: { bindings: initialBindings(projectNumber), revision: 1 },
  };
  applySettings(context, bucket, request.body);
  context.state.buckets[name] = bucket;
  return renderBucket(bucket);
}

export function getBucket(context: StorageContext, request: GoogleRequest): unknown {
  return renderBucket(findBucket(context, request.labels.bucket ?? ''));
}

/** buckets.patch: only the fields given change; `ifMetagenerationMatch` guards a read-modify-write. */
export function patchBucket(context: StorageContext, request: GoogleRequest): unknown {
  const bucket = findBucket(context, request.labels.bucket ?? '');
  const expected = request.query.get('ifMetagenerationMatch');
  if (expected !== null && Number(expected) !== bucket.metageneration) throw conditionNotMet();
  applySettings(context, bucket, request.body);
  bucket.metageneration += 1;
  bucket.updated = context.now;
  return renderBucket(bucket);
}

/** buckets.delete: 409 while any object (noncurrent versions too) is in it; 204 otherwise. */
export function deleteBucket(context: StorageContext, request: GoogleRequest): unknown {
  const bucket = findBucket(context, request.labels.bucket ?? '');
  const { objects, noncurrent } = context.state;
  const inUse =
    Object.values(objects).some((object) => object.bucket === bucket.name) ||
    noncurrent.some((object) => object.bucket === bucket.name);
  if (inUse) throw bucketConflict('The bucket you tried to delete is not empty.');
  delete context.state.buckets[bucket.name];
  return new GoogleRawResponse({ status: 204 });
}
