import { createHash } from 'node:crypto';
import { XmlList } from '../shared/xml.js';
import { requireBucket } from './s3-buckets.js';
import { decodeAwsChunked, isAwsChunked } from './s3-chunked.js';
import { checkPreconditions, countKeyWrite } from './s3-conditions.js';
import { S3_ERRORS, s3Error } from './s3-errors.js';
import { recordWrite, removeVersion } from './s3-object-versions.js';
import type { S3Call, S3Operation } from './s3-operation.js';
import type { S3Context } from './s3-settings.js';
import type { S3ObjectRecord } from './s3-state.js';
import { emptyResponse, xmlDocument } from './s3-xml.js';

const MAX_KEY_BYTES = 1024;

function objectKey(call: S3Call): string {
  return call.key ?? '';
}

function requireObject(call: S3Call, context: S3Context): S3ObjectRecord {
  const object = requireBucket(call, context).objects[objectKey(call)];
  if (!object) throw S3_ERRORS.noSuchKey(objectKey(call));
  return object;
}

function objectHeaders(object: S3ObjectRecord): Record<string, string> {
  return {
    etag: object.etag,
    'content-type': object.contentType,
    'content-length': String(object.size),
    'last-modified': new Date(object.lastModified).toUTCString(),
    'accept-ranges': 'bytes',
    'x-amz-server-side-encryption': 'AES256',
    ...(object.versionId === undefined ? {} : { 'x-amz-version-id': object.versionId }),
  };
}

/** The checksum headers the client sent, which S3 echoes back. */
function checksumHeaders(call: S3Call): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(call.request.headers)) {
    if (name.startsWith('x-amz-checksum-') && typeof value === 'string') headers[name] = value;
  }
  return headers;
}

function putObject(call: S3Call, context: S3Context) {
  const bucket = requireBucket(call, context);
  const key = objectKey(call);
  if (Buffer.byteLength(key) > MAX_KEY_BYTES) {
    throw s3Error('KeyTooLongError', 400, 'Your key is too long', {
      Size: String(Buffer.byteLength(key)),
      MaxSizeAllowed: '1024',
    });
  }
  checkPreconditions(call.request, bucket, key, 'PutObject');
  const raw = Buffer.from(call.request.body, 'utf8');
  const payload = isAwsChunked(call.request.headers) ? decodeAwsChunked(raw) : raw;
  const etag = `"${createHash('md5').update(payload).digest('hex')}"`;
  const contentType = call.request.headers['content-type'];
  const now = context.clock.now();
  const versionId = recordWrite(
    bucket,
    key,
    {
      key,
      body: payload.toString('utf8'),
      size: payload.length,
      etag,
      contentType: typeof contentType === 'string' ? contentType : 'binary/octet-stream',
      lastModified: now,
    },
    now,
  );
  countKeyWrite(bucket, key);
  return emptyResponse(call.requestId, 200, {
    etag,
    'x-amz-server-side-encryption': 'AES256',
    ...(versionId === undefined ? {} : { 'x-amz-version-id': versionId }),
    ...checksumHeaders(call),
  });
}

/** ListObjectsV2 with `encoding-type=url` percent-encodes keys and prefixes (but not `/`). */
function encoder(call: S3Call): (text: string) => string {
  return call.request.query.get('encoding-type') === 'url'
    ? (text) => encodeURIComponent(text).replace(/%2F/g, '/')
    : (text) => text;
}

interface Listing {
  contents: S3ObjectRecord[];
  commonPrefixes: string[];
  /** Where the next page starts (exclusive), when the listing is truncated. */
  resumeAfter: string | undefined;
}

/** Keys in UTF-8 order after `startAfter`, rolled up at the delimiter; max-keys counts both kinds. */
function listKeys(
  objects: readonly S3ObjectRecord[],
  prefix: string,
  delimiter: string,
  startAfter: string,
  maxKeys: number,
): Listing {
  const listing: Listing = { contents: [], commonPrefixes: [], resumeAfter: undefined };
  const sorted = objects
    .filter((object) => object.key.startsWith(prefix) && object.key > startAfter)
    .sort((a, b) => Buffer.compare(Buffer.from(a.key), Buffer.from(b.key)));
  for (const object of sorted) {
    const cut = delimiter === '' ? -1 : object.key.indexOf(delimiter, prefix.length);
    const commonPrefix = cut < 0 ? undefined : object.key.slice(0, cut + delimiter.length);
    if (commonPrefix !== undefined && listing.commonPrefixes.at(-1) === commonPrefix) continue;
    if (listing.contents.length + listing.commonPrefixes.length >= maxKeys) {
      const last = listing.commonPrefixes.at(-1);
      const lastKey = listing.contents.at(-1)?.key;
      listing.resumeAfter =
        last !== undefined && (lastKey === undefined || last > lastKey) ? `${last}\uffff` : lastKey;
      break;
    }
    if (commonPrefix === undefined) listing.contents.push(object);
    else listing.commonPrefixes.push(commonPrefix);
  }
  return listing;
}

function listObjectsV2(call: S3Call, context: S3Context) {
  const bucket = requireBucket(call, context);
  const query = call.request.query;
  const prefix = query.get('prefix') ?? '';
  const delimiter = query.get('delimiter') ?? '';
  const maxKeys = Math.min(1000, Number(query.get('max-keys') ?? 1000));
  const continuationToken = query.get('continuation-token') ?? undefined;
  const startAfter = query.get('start-after') ?? undefined;
  let resumeFrom = startAfter ?? '';
  if (continuationToken !== undefined) {
    resumeFrom = Buffer.from(continuationToken, 'base64url').toString('utf8');
    if (resumeFrom === '')
      throw s3Error('InvalidArgument', 400, 'The continuation token provided is incorrect');
  }
  const listing = listKeys(Object.values(bucket.objects), prefix, delimiter, resumeFrom, maxKeys);
  const encode = encoder(call);
  return xmlDocument(
    'ListBucketResult',
    {
      Name: bucket.name,
      Prefix: encode(prefix),
      Delimiter: delimiter === '' ? undefined : encode(delimiter),
      MaxKeys: maxKeys,
      KeyCount: listing.contents.length + listing.commonPrefixes.length,
      IsTruncated: listing.resumeAfter !== undefined,
      ContinuationToken: continuationToken,
      NextContinuationToken:
        listing.resumeAfter === undefined
          ? undefined
          : Buffer.from(listing.resumeAfter, 'utf8').toString('base64url'),
      StartAfter: startAfter === undefined ? undefined : encode(startAfter),
      EncodingType: query.get('encoding-type') ?? undefined,
      Contents: new XmlList(
        listing.contents.map((object) => ({
          Key: encode(object.key),
          LastModified: new Date(object.lastModified),
          ETag: object.etag,
          Size: object.size,
          StorageClass: 'STANDARD',
        })),
        null,
      ),
      CommonPrefixes: new XmlList(
        listing.commonPrefixes.map((commonPrefix) => ({ Prefix: encode(commonPrefix) })),
        null,
      ),
    },
    call.requestId,
  );
}

export const OBJECT_OPERATIONS = {
  PutObject: { name: 'PutObject', mutating: true, handle: putObject },

  GetObject: {
    name: 'GetObject',
    mutating: false,
    handle: (call, context) => {
      const object = requireObject(call, context);
      return {
        status: 200,
        headers: { ...emptyResponse(call.requestId).headers, ...objectHeaders(object) },
        body: object.body,
      };
    },
  },

  HeadObject: {
    name: 'HeadObject',
    mutating: false,
    handle: (call, context) =>
      emptyResponse(call.requestId, 200, objectHeaders(requireObject(call, context))),
  },

  /**
   * Deleting a key that does not exist succeeds, as in S3, unless `If-Match` asks for it to exist. In
   * a versioned bucket it adds a delete marker; `?versionId=` removes that version for good.
   */
  DeleteObject: {
    name: 'DeleteObject',
    mutating: true,
    handle: (call, context) => {
      const bucket = requireBucket(call, context);
      const key = objectKey(call);
      const versionId = call.request.query.get('versionId');
      if (versionId !== null) {
        const removed = removeVersion(bucket, key, versionId);
        if (removed !== undefined) countKeyWrite(bucket, key);
        return emptyResponse(call.requestId, 204, {
          'x-amz-version-id': versionId,
          ...(removed !== undefined && removed.object === undefined ? { 'x-amz-delete-marker': 'true' } : {}),
        });
      }
      checkPreconditions(call.request, bucket, key, 'DeleteObject');
      if (bucket.objects[key] !== undefined || bucket.versioning !== undefined) countKeyWrite(bucket, key);
      const marker = recordWrite(bucket, key, undefined, context.clock.now());
      return emptyResponse(
        call.requestId,
        204,
        marker === undefined ? {} : { 'x-amz-delete-marker': 'true', 'x-amz-version-id': marker },
      );
    },
  },

  ListObjectsV2: { name: 'ListObjectsV2', mutating: false, handle: listObjectsV2 },
} as const satisfies Record<string, S3Operation>;
