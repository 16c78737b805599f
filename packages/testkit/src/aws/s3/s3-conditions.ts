import type { FakeRequest } from '../../framework/http-service.js';
import { S3_ERRORS, s3Error } from './s3-errors.js';
import { addressOf } from './s3-routes.js';
import type { S3Context } from './s3-settings.js';
import type { BucketRecord } from './s3-state.js';

// S3 conditional writes and deletes (user guide "Conditional requests"; PutObject and DeleteObject
// API reference): `If-None-Match: *` writes only when the key does not exist, `If-Match: <etag>`
// only while the object is unchanged; a precondition that does not hold is 412 PreconditionFailed,
// and an upload during which another write or delete of the key completed is 409
// ConditionalRequestConflict ("on a 409 failure you should retry"). The first write to finish wins.

/** What a conditional request saw of its key when its headers arrived. */
interface ConditionalArrival {
  conditional: true;
  /** The key's write count then (`BucketRecord.keyVersions`). */
  keyVersion: number;
}

function header(request: Pick<FakeRequest, 'headers'>, name: string): string | undefined {
  const value = request.headers[name];
  return typeof value === 'string' ? value : undefined;
}

function isConditional(request: Pick<FakeRequest, 'headers'>): boolean {
  return header(request, 'if-none-match') !== undefined || header(request, 'if-match') !== undefined;
}

export function keyVersion(bucket: BucketRecord, key: string): number {
  return bucket.keyVersions?.[key] ?? 0;
}

/** Every completed write or delete of a key counts, so an upload can tell that one finished meanwhile. */
export function countKeyWrite(bucket: BucketRecord, key: string): void {
  bucket.keyVersions = { ...bucket.keyVersions, [key]: keyVersion(bucket, key) + 1 };
}

/** The protocol's `arrive`: note the key's version when a conditional PUT or DELETE of an object starts. */
export function noteConditionalArrival(
  head: Omit<FakeRequest, 'body' | 'arrival'>,
  context: S3Context,
): ConditionalArrival | undefined {
  if ((head.method !== 'PUT' && head.method !== 'DELETE') || !isConditional(head)) return undefined;
  const address = addressOf(head.path);
  if (address.bucket === undefined || address.key === undefined) return undefined;
  const bucket = context.state.buckets[address.bucket];
  return { conditional: true, keyVersion: bucket === undefined ? 0 : keyVersion(bucket, address.key) };
}

function preconditionFailed(condition: 'If-Match' | 'If-None-Match') {
  return s3Error('PreconditionFailed', 412, 'At least one of the pre-conditions you specified did not hold', {
    Condition: condition,
  });
}

function conflict() {
  return s3Error(
    'ConditionalRequestConflict',
    409,
    'A conflicting conditional operation is currently in progress against this resource. Please try again.',
  );
}

function unquoted(etag: string): string {
  return etag.replace(/^W\//, '').replace(/^"|"$/g, '');
}

/**
 * Before a PUT or DELETE of `key` changes anything: the 409 when another write of the key completed
 * while this request was in flight, then its `If-None-Match` / `If-Match` against the object now.
 */
export function checkPreconditions(
  request: FakeRequest,
  bucket: BucketRecord,
  key: string,
  operation: 'PutObject' | 'DeleteObject',
): void {
  if (!isConditional(request)) return;
  const arrival = request.arrival as ConditionalArrival | undefined;
  if (arrival?.conditional === true && arrival.keyVersion !== keyVersion(bucket, key)) throw conflict();
  const object = bucket.objects[key];
  const ifNoneMatch = header(request, 'if-none-match');
  if (ifNoneMatch !== undefined) {
    if (operation !== 'PutObject' || ifNoneMatch !== '*') {
      throw s3Error(
        'NotImplemented',
        501,
        'A header you provided implies functionality that is not implemented',
        {
          Header: 'If-None-Match',
        },
      );
    }
    if (object !== undefined) throw preconditionFailed('If-None-Match');
  }
  const ifMatch = header(request, 'if-match');
  if (ifMatch !== undefined) {
    // "If there's no current object version with the same name, the operation fails with 404".
    if (object === undefined) throw S3_ERRORS.noSuchKey(key);
    if (ifMatch !== '*' && unquoted(ifMatch) !== unquoted(object.etag)) throw preconditionFailed('If-Match');
  }
}
