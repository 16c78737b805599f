import type { FakeRequest } from '../../framework/http-service.js';
import { BUCKET_SETTING_OPERATIONS } from './s3-bucket-settings.js';
import { BUCKET_OPERATIONS } from './s3-buckets.js';
import { OBJECT_OPERATIONS } from './s3-objects.js';
import type { S3Operation } from './s3-operation.js';
import { OBJECT_VERSION_OPERATIONS } from './s3-version-operations.js';
import { VERSIONING_OPERATIONS } from './s3-versioning.js';

/** Path-style addressing: `/<bucket>` or `/<bucket>/<key…>`, each part percent-decoded. */
export interface S3Address {
  bucket?: string;
  key?: string;
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

export function addressOf(path: string): S3Address {
  const rest = path.replace(/^\//, '');
  if (rest === '') return {};
  const slash = rest.indexOf('/');
  if (slash < 0 || slash === rest.length - 1)
    return { bucket: decode(slash < 0 ? rest : rest.slice(0, slash)) };
  return { bucket: decode(rest.slice(0, slash)), key: decode(rest.slice(slash + 1)) };
}

/** The bucket subresource a request names (`?tagging`, `?location`…); `x-id` is the SDK's label, not one. */
function subresourceOf(query: URLSearchParams): string {
  for (const name of [
    'location',
    'tagging',
    'encryption',
    'publicAccessBlock',
    'versioning',
    'versions',
    'delete',
    'policy',
    'lifecycle',
    'acl',
    'cors',
  ]) {
    if (query.has(name)) return name;
  }
  return query.get('list-type') === '2' ? 'list-type=2' : '';
}

const BUCKET_ROUTES: Readonly<Record<string, S3Operation>> = {
  'PUT ': BUCKET_OPERATIONS.CreateBucket,
  'HEAD ': BUCKET_OPERATIONS.HeadBucket,
  'DELETE ': BUCKET_OPERATIONS.DeleteBucket,
  'GET location': BUCKET_OPERATIONS.GetBucketLocation,
  'GET list-type=2': OBJECT_OPERATIONS.ListObjectsV2,
  'PUT tagging': BUCKET_SETTING_OPERATIONS.PutBucketTagging,
  'GET tagging': BUCKET_SETTING_OPERATIONS.GetBucketTagging,
  'DELETE tagging': BUCKET_SETTING_OPERATIONS.DeleteBucketTagging,
  'PUT encryption': BUCKET_SETTING_OPERATIONS.PutBucketEncryption,
  'GET encryption': BUCKET_SETTING_OPERATIONS.GetBucketEncryption,
  'PUT publicAccessBlock': BUCKET_SETTING_OPERATIONS.PutPublicAccessBlock,
  'GET publicAccessBlock': BUCKET_SETTING_OPERATIONS.GetPublicAccessBlock,
  'DELETE publicAccessBlock': BUCKET_SETTING_OPERATIONS.DeletePublicAccessBlock,
  'PUT versioning': VERSIONING_OPERATIONS.PutBucketVersioning,
  'GET versioning': VERSIONING_OPERATIONS.GetBucketVersioning,
  'GET versions': OBJECT_VERSION_OPERATIONS.ListObjectVersions,
  'POST delete': OBJECT_VERSION_OPERATIONS.DeleteObjects,
};

const OBJECT_ROUTES: Readonly<Record<string, S3Operation>> = {
  PUT: OBJECT_OPERATIONS.PutObject,
  GET: OBJECT_OPERATIONS.GetObject,
  HEAD: OBJECT_OPERATIONS.HeadObject,
  DELETE: OBJECT_OPERATIONS.DeleteObject,
};

/** The operation a request names; undefined for what the fake does not model (CopyObject, ListObjects v1…). */
export function routeOf(request: FakeRequest, address: S3Address): S3Operation | undefined {
  if (address.bucket === undefined)
    return request.method === 'GET' ? BUCKET_OPERATIONS.ListBuckets : undefined;
  if (address.key === undefined) return BUCKET_ROUTES[`${request.method} ${subresourceOf(request.query)}`];
  // `?versionId=` is modelled on DELETE only (removing a version for good).
  const known = (name: string) => name === 'x-id' || (name === 'versionId' && request.method === 'DELETE');
  if (
    request.headers['x-amz-copy-source'] !== undefined ||
    [...request.query.keys()].some((name) => !known(name))
  ) {
    return undefined;
  }
  return OBJECT_ROUTES[request.method];
}
