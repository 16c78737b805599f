import { createHash } from 'node:crypto';
import { crc32 } from 'node:zlib';
import { renderXmlChildren, renderXmlElement, XmlList, type XmlValue } from '../shared/xml.js';
import { requireBucket } from './s3-buckets.js';
import { countKeyWrite } from './s3-conditions.js';
import { S3_ERRORS, s3Error, s3Headers } from './s3-errors.js';
import { allVersions, type ListedVersion, recordWrite, removeVersion } from './s3-object-versions.js';
import type { S3Call, S3Operation } from './s3-operation.js';
import type { S3Context } from './s3-settings.js';
import { nodesOf, parseXmlBody, S3_XML_NAMESPACE, textOf, xmlDocument } from './s3-xml.js';

const MAX_KEYS = 1000;

function header(call: S3Call, name: string): string | undefined {
  const value = call.request.headers[name];
  return typeof value === 'string' ? value : undefined;
}

/** Where a page of ListObjectVersions starts: after `key-marker` (and, with it, `version-id-marker`). */
function startIndex(entries: readonly ListedVersion[], keyMarker: string, versionIdMarker: string): number {
  if (keyMarker === '') return 0;
  if (versionIdMarker !== '') {
    const at = entries.findIndex(
      (entry) => entry.key === keyMarker && entry.version.versionId === versionIdMarker,
    );
    if (at >= 0) return at + 1;
  }
  const after = entries.findIndex(
    (entry) => Buffer.compare(Buffer.from(entry.key), Buffer.from(keyMarker)) > 0,
  );
  return after < 0 ? entries.length : after;
}

function entryXml(entry: ListedVersion, owner: XmlValue): string {
  const { key, version, isLatest } = entry;
  const common = {
    Key: key,
    VersionId: version.versionId,
    IsLatest: isLatest,
    LastModified: new Date(version.lastModified),
  };
  if (version.object === undefined) return renderXmlElement('DeleteMarker', { Owner: owner, ...common });
  return renderXmlElement('Version', {
    ...common,
    ETag: version.object.etag,
    Size: version.object.size,
    Owner: owner,
    StorageClass: 'STANDARD',
  });
}

/**
 * GET `/<bucket>?versions`: every version and delete marker, keys in UTF-8 binary order and each key's
 * newest first, at most `max-keys` (1,000) a page; a truncated page names where the next starts
 * (`NextKeyMarker`, `NextVersionIdMarker`). `delimiter` is not modelled (501).
 */
function listObjectVersions(call: S3Call, context: S3Context) {
  const bucket = requireBucket(call, context);
  const query = call.request.query;
  if (query.has('delimiter')) {
    throw s3Error(
      'NotImplemented',
      501,
      'A header you provided implies functionality that is not implemented',
    );
  }
  const prefix = query.get('prefix') ?? '';
  const keyMarker = query.get('key-marker') ?? '';
  const versionIdMarker = query.get('version-id-marker') ?? '';
  if (versionIdMarker !== '' && keyMarker === '') {
    throw s3Error('InvalidArgument', 400, 'A version-id marker cannot be specified without a key marker.', {
      ArgumentName: 'version-id-marker',
      ArgumentValue: versionIdMarker,
    });
  }
  const maxKeys = Math.min(MAX_KEYS, Number(query.get('max-keys') ?? MAX_KEYS));
  const entries = allVersions(bucket, prefix);
  const from = startIndex(entries, keyMarker, versionIdMarker);
  const page = entries.slice(from, from + maxKeys);
  const truncated = from + maxKeys < entries.length;
  const last = page.at(-1);
  const head = renderXmlChildren({
    Name: bucket.name,
    Prefix: prefix,
    KeyMarker: keyMarker,
    VersionIdMarker: versionIdMarker,
    MaxKeys: maxKeys,
    IsTruncated: truncated,
    NextKeyMarker: truncated ? last?.key : undefined,
    NextVersionIdMarker: truncated ? last?.version.versionId : undefined,
  });
  const owner = {
    ID: context.settings.canonicalUserId,
    DisplayName: `account-${context.settings.accountId}`,
  };
  return {
    status: 200,
    headers: { ...s3Headers(call.requestId), 'content-type': 'application/xml' },
    body: `<?xml version="1.0" encoding="UTF-8"?>\n<ListVersionsResult xmlns="${S3_XML_NAMESPACE}">${head}${page.map((entry) => entryXml(entry, owner)).join('')}</ListVersionsResult>`,
  };
}

/**
 * The body's integrity header, which Multi-Object Delete requires (API reference: `Content-MD5` or an
 * `x-amz-checksum-*` header): missing is InvalidRequest, a mismatch BadDigest.
 */
function checkIntegrity(call: S3Call): void {
  const body = Buffer.from(call.request.body, 'utf8');
  const md5 = header(call, 'content-md5');
  const crc = header(call, 'x-amz-checksum-crc32');
  const other = Object.keys(call.request.headers).some(
    (name) =>
      name.startsWith('x-amz-checksum-') && name !== 'x-amz-checksum-crc32' && name !== 'x-amz-checksum-type',
  );
  if (md5 === undefined && crc === undefined && !other) {
    throw s3Error('InvalidRequest', 400, 'Missing required header for this request: Content-MD5');
  }
  if (md5 !== undefined && md5 !== createHash('md5').update(body).digest('base64')) {
    throw s3Error('BadDigest', 400, 'The Content-MD5 you specified did not match what we received.');
  }
  if (crc !== undefined) {
    const expected = Buffer.alloc(4);
    expected.writeUInt32BE(crc32(body));
    if (crc !== expected.toString('base64')) {
      throw s3Error('BadDigest', 400, 'The CRC32 you specified did not match the calculated checksum.');
    }
  }
}

/**
 * POST `/<bucket>?delete`: up to 1,000 keys, each with an optional version id. Without one, a
 * versioned bucket gets a delete marker; with one, that version goes for good. A key or version not
 * found counts as deleted. `Quiet` leaves the successes out of the answer.
 */
function deleteObjects(call: S3Call, context: S3Context) {
  const bucket = requireBucket(call, context);
  checkIntegrity(call);
  const request = parseXmlBody(call.request.body, 'Delete');
  const objects = nodesOf(request, 'Object');
  if (objects.length === 0 || objects.length > MAX_KEYS) throw S3_ERRORS.malformedXml();
  const quiet = textOf(request, 'Quiet') === 'true';
  const deleted = objects.map((object) => {
    const key = textOf(object, 'Key');
    if (key === undefined) throw S3_ERRORS.malformedXml();
    const versionId = textOf(object, 'VersionId');
    if (versionId !== undefined) {
      const removed = removeVersion(bucket, key, versionId);
      if (removed !== undefined) countKeyWrite(bucket, key);
      const marker = removed !== undefined && removed.object === undefined;
      return {
        Key: key,
        VersionId: versionId,
        ...(marker ? { DeleteMarker: true, DeleteMarkerVersionId: versionId } : {}),
      };
    }
    if (bucket.objects[key] !== undefined || bucket.versioning !== undefined) countKeyWrite(bucket, key);
    const marker = recordWrite(bucket, key, undefined, context.clock.now());
    return {
      Key: key,
      ...(marker === undefined ? {} : { DeleteMarker: true, DeleteMarkerVersionId: marker }),
    };
  });
  return xmlDocument('DeleteResult', quiet ? {} : { Deleted: new XmlList(deleted, null) }, call.requestId);
}

export const OBJECT_VERSION_OPERATIONS = {
  ListObjectVersions: { name: 'ListObjectVersions', mutating: false, handle: listObjectVersions },
  DeleteObjects: { name: 'DeleteObjects', mutating: true, handle: deleteObjects },
} as const satisfies Record<string, S3Operation>;
