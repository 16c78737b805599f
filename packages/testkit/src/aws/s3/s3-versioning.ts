import { requireBucket } from './s3-buckets.js';
import { S3_ERRORS } from './s3-errors.js';
import type { S3Operation } from './s3-operation.js';
import { emptyResponse, parseXmlBody, textOf, xmlDocument } from './s3-xml.js';

const STATUSES = new Set(['Enabled', 'Suspended']);

/**
 * Bucket versioning (`?versioning`): never enabled on a new bucket, then `Enabled` or `Suspended`,
 * never back to unversioned (the S3 API reference, PutBucketVersioning). GetBucketVersioning of a
 * bucket never versioned answers an empty `VersioningConfiguration`.
 */
export const VERSIONING_OPERATIONS = {
  PutBucketVersioning: {
    name: 'PutBucketVersioning',
    mutating: true,
    handle: (call, context) => {
      const bucket = requireBucket(call, context);
      const status = textOf(parseXmlBody(call.request.body, 'VersioningConfiguration'), 'Status');
      if (status === undefined || !STATUSES.has(status)) throw S3_ERRORS.malformedXml();
      bucket.versioning = status as 'Enabled' | 'Suspended';
      return emptyResponse(call.requestId);
    },
  },
  GetBucketVersioning: {
    name: 'GetBucketVersioning',
    mutating: false,
    handle: (call, context) => {
      const { versioning } = requireBucket(call, context);
      return xmlDocument(
        'VersioningConfiguration',
        versioning === undefined ? {} : { Status: versioning },
        call.requestId,
      );
    },
  },
} satisfies Record<string, S3Operation>;
