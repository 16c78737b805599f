import { createHash } from 'node:crypto';
import type { FakeResponse } from '../../framework/http-service.js';
import { AwsServiceError } from '../shared/aws-errors.js';
import { renderXmlDocument } from '../shared/xml.js';

/** An S3 error: extra body elements (BucketName, Key, Endpoint…) and, for redirects, headers. */
export class S3ServiceError extends AwsServiceError {
  constructor(
    code: string,
    status: number,
    message: string,
    fields: Readonly<Record<string, string>> = {},
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(code, status, message, fields);
  }
}

export function s3Error(
  code: string,
  status: number,
  message: string,
  fields: Record<string, string> = {},
): S3ServiceError {
  return new S3ServiceError(code, status, message, fields);
}

export const S3_ERRORS = {
  noSuchBucket: (bucket: string) =>
    s3Error('NoSuchBucket', 404, 'The specified bucket does not exist', { BucketName: bucket }),
  noSuchKey: (key: string) => s3Error('NoSuchKey', 404, 'The specified key does not exist.', { Key: key }),
  accessDenied: () => s3Error('AccessDenied', 403, 'Access Denied'),
  malformedXml: () =>
    s3Error(
      'MalformedXML',
      400,
      'The XML you provided was not well-formed or did not validate against our published schema',
    ),
} as const;

/** A host id in the shape of `x-amz-id-2`: base64 of random-looking bytes, derived from the request id. */
export function hostId(requestId: string): string {
  return createHash('sha256').update(requestId).digest('base64');
}

export function s3Headers(requestId: string): Record<string, string> {
  return { 'x-amz-request-id': requestId, 'x-amz-id-2': hostId(requestId) };
}

/**
 * `<Error><Code/><Message/>…<RequestId/><HostId/></Error>`; a HEAD answer has the status and no body,
 * which the SDK reports as NotFound / Forbidden.
 */
export function s3ErrorResponse(error: AwsServiceError, requestId: string, method: string): FakeResponse {
  const headers = { ...s3Headers(requestId), ...(error instanceof S3ServiceError ? error.headers : {}) };
  if (method === 'HEAD') return { status: error.status, headers };
  const body = renderXmlDocument('Error', undefined, {
    Code: error.code,
    Message: error.message,
    ...error.fields,
    RequestId: requestId,
    HostId: hostId(requestId),
  });
  return { status: error.status, headers: { ...headers, 'content-type': 'application/xml' }, body };
}
