import { createHash } from 'node:crypto';
import { rfc3339 } from '../google-ids.js';
import { GoogleRawResponse, type GoogleRequest } from '../google-protocol.js';
import { findBucket } from './storage-buckets.js';
import { conditionNotMet, noSuchObject, storageInvalid } from './storage-errors.js';
import type { StorageContext } from './storage-settings.js';
import type { GcsObjectRecord } from './storage-state.js';

const keyOf = (bucket: string, name: string) => `${bucket}/${name}`;

function renderObject(object: GcsObjectRecord): Record<string, unknown> {
  const md5 = createHash('md5').update(object.data).digest('base64');
  const path = `b/${object.bucket}/o/${encodeURIComponent(object.name)}`;
  return {
    kind: 'storage#object',
    id: `${object.bucket}/${object.name}/${object.generation}`,
    selfLink: `https://www.googleapis.com/storage/v1/${path}`,
    mediaLink: `https://storage.googleapis.com/download/storage/v1/${path}?generation=${object.generation}&alt=media`,
    name: object.name,
    bucket: object.bucket,
    generation: object.generation,
    metageneration: String(object.metageneration),
    contentType: object.contentType,
    storageClass: 'STANDARD',
    size: String(Buffer.byteLength(object.data)),
    md5Hash: md5,
    etag: `${Buffer.from(object.generation).toString('base64')}`,
    timeCreated: rfc3339(object.timeCreated),
    updated: rfc3339(object.updated),
    ...(object.timeDeleted === undefined ? {} : { timeDeleted: rfc3339(object.timeDeleted) }),
  };
}

/**
 * The generation preconditions GCS takes as query parameters: `ifGenerationMatch` (0: only when no
 * live object exists) and `ifGenerationNotMatch`, `ifMetagenerationMatch`. 412 when one does not hold.
 */
function checkPreconditions(request: GoogleRequest, live: GcsObjectRecord | undefined): void {
  const query = request.query;
  const generation = live?.generation ?? '0';
  const match = query.get('ifGenerationMatch');
  if (match !== null && match !== generation) throw conditionNotMet();
  const notMatch = query.get('ifGenerationNotMatch');
  if (notMatch !== null && notMatch === generation) throw conditionNotMet();
  const metageneration = query.get('ifMetagenerationMatch');
  if (metageneration !== null && (live === undefined || Number(metageneration) !== live.metageneration)) {
    throw conditionNotMet();
  }
}

/** The live object leaves: kept as a noncurrent version when the bucket is versioned. */
function retire(context: StorageContext, live: GcsObjectRecord, versioned: boolean): void {
  delete context.state.objects[keyOf(live.bucket, live.name)];
  if (versioned) context.state.noncurrent.push({ ...live, timeDeleted: context.now });
}

/**
 * objects.insert, simple upload: `POST /upload/storage/v1/b/{bucket}/o?uploadType=media&name=…`
 * with the content as the body. Each write is a new generation (microseconds, unique).
 */
export function uploadObject(context: StorageContext, request: GoogleRequest): unknown {
  const bucket = findBucket(context, request.labels.bucket ?? '');
  const uploadType = request.query.get('uploadType');
  if (uploadType !== 'media') {
    throw storageInvalid(`Upload type ${uploadType ?? '(none)'} is not served here; use uploadType=media`);
  }
  const name = request.query.get('name') ?? '';
  if (name === '') throw storageInvalid('Required parameter: name');
  const live = context.state.objects[keyOf(bucket.name, name)];
  checkPreconditions(request, live);
  if (live !== undefined) retire(context, live, bucket.versioning);
  context.state.writes += 1;
  const object: GcsObjectRecord = {
    bucket: bucket.name,
    name,
    generation: String(context.now * 1000 + (context.state.writes % 1000)),
    metageneration: 1,
    contentType: String(request.headers['content-type'] ?? 'application/octet-stream'),
    data: request.raw,
    timeCreated: context.now,
    updated: context.now,
  };
  context.state.objects[keyOf(bucket.name, name)] = object;
  return renderObject(object);
}

function liveObject(context: StorageContext, request: GoogleRequest): GcsObjectRecord {
  const bucket = findBucket(context, request.labels.bucket ?? '');
  const name = request.labels.object ?? '';
  const live = context.state.objects[keyOf(bucket.name, name)];
  if (live === undefined) throw noSuchObject(bucket.name, name);
  return live;
}

/** objects.get: the metadata, or with `alt=media` the content and its generation in `x-goog-generation`. */
export function getObject(context: StorageContext, request: GoogleRequest): unknown {
  const live = liveObject(context, request);
  checkPreconditions(request, live);
  if (request.query.get('alt') !== 'media') return renderObject(live);
  return new GoogleRawResponse({
    status: 200,
    headers: {
      'content-type': live.contentType,
      'x-goog-generation': live.generation,
      'x-goog-metageneration': String(live.metageneration),
      'x-goog-stored-content-length': String(Buffer.byteLength(live.data)),
      'last-modified': new Date(live.updated).toUTCString(),
    },
    body: live.data,
  });
}

/**
 * objects.delete: 204; 404 when gone; 412 when `ifGenerationMatch` names another generation. Without
 * `generation` the live object goes (kept as a noncurrent version in a versioned bucket); with it,
 * that generation, live or noncurrent, is deleted for good.
 */
export function deleteObject(context: StorageContext, request: GoogleRequest): unknown {
  const generation = request.query.get('generation');
  if (generation === null) {
    const live = liveObject(context, request);
    checkPreconditions(request, live);
    retire(context, live, findBucket(context, live.bucket).versioning);
    return new GoogleRawResponse({ status: 204 });
  }
  const bucket = findBucket(context, request.labels.bucket ?? '');
  const name = request.labels.object ?? '';
  if (!/^[0-9]+$/.test(generation)) throw storageInvalid(`Invalid value for generation: ${generation}`);
  const key = keyOf(bucket.name, name);
  const live = context.state.objects[key];
  if (live?.generation === generation) {
    checkPreconditions(request, live);
    delete context.state.objects[key];
    return new GoogleRawResponse({ status: 204 });
  }
  const index = context.state.noncurrent.findIndex(
    (object) => object.bucket === bucket.name && object.name === name && object.generation === generation,
  );
  if (index === -1) throw noSuchObject(bucket.name, name);
  context.state.noncurrent.splice(index, 1);
  return new GoogleRawResponse({ status: 204 });
}

/** Listing order: by name, then by generation (oldest first), as GCS lists versions. */
function byNameAndGeneration(a: GcsObjectRecord, b: GcsObjectRecord): number {
  if (a.name !== b.name) return a.name < b.name ? -1 : 1;
  return BigInt(a.generation) < BigInt(b.generation) ? -1 : 1;
}

const tokenOf = (object: GcsObjectRecord) =>
  Buffer.from(`${object.name}#${object.generation}`).toString('base64url');

/**
 * objects.list: `GET /storage/v1/b/{bucket}/o`, live objects, and with `versions=true` noncurrent
 * versions too; `prefix`, `maxResults` (at most 1,000, the default) and `pageToken` (opaque, from
 * the previous page's `nextPageToken`). An empty listing has no `items` field, as GCS sends it.
 */
export function listObjects(context: StorageContext, request: GoogleRequest): unknown {
  const bucket = findBucket(context, request.labels.bucket ?? '', 'storage.objects.list');
  const prefix = request.query.get('prefix') ?? '';
  const versions = request.query.get('versions') === 'true';
  const max = Number(request.query.get('maxResults') ?? '1000');
  if (!Number.isInteger(max) || max < 1) throw storageInvalid(`Invalid value for maxResults: ${max}`);
  const all = [...Object.values(context.state.objects), ...(versions ? context.state.noncurrent : [])]
    .filter((object) => object.bucket === bucket.name && object.name.startsWith(prefix))
    .sort(byNameAndGeneration);
  const token = request.query.get('pageToken');
  let start = 0;
  if (token !== null) {
    start = all.findIndex((object) => tokenOf(object) === token) + 1;
    if (start === 0 && !/^[A-Za-z0-9_-]+$/.test(token)) throw storageInvalid('Invalid pageToken');
    // A token whose object has gone since: continue after where it would sort.
    if (start === 0) {
      const [name, generation] = Buffer.from(token, 'base64url').toString().split('#');
      const after = { name: name ?? '', generation: generation ?? '0' } as GcsObjectRecord;
      start = all.findIndex((object) => byNameAndGeneration(after, object) < 0);
      if (start === -1) start = all.length;
    }
  }
  const page = all.slice(start, start + Math.min(max, context.state.listPageLimit ?? 1000));
  const last = page.at(-1);
  return {
    kind: 'storage#objects',
    ...(page.length === 0 ? {} : { items: page.map(renderObject) }),
    ...(last !== undefined && start + page.length < all.length ? { nextPageToken: tokenOf(last) } : {}),
  };
}
