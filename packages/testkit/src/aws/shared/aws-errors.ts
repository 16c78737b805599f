import type { FakeResponse } from '../../framework/http-service.js';
import { renderXmlDocument, xmlResponse } from './xml.js';

/**
 * An error a fake answers with, independent of the wire: each protocol renders it in its own shape
 * (restJson header + JSON body, awsQuery `<ErrorResponse>`, EC2 `<Response><Errors>`). Handlers throw
 * it; the protocol catches and renders it.
 */
export class AwsServiceError extends Error {
  constructor(
    /** The error code the SDK maps to an exception class, e.g. `ResourceNotFoundException`, `NoSuchEntity`. */
    readonly code: string,
    readonly status: number,
    message: string,
    /** Extra members of a restJson error body, e.g. `clusterName`, `nodegroupName`. */
    readonly fields: Readonly<Record<string, string>> = {},
  ) {
    super(message);
    this.name = code;
  }

  /** awsQuery's `<Type>`: who is at fault. */
  get fault(): 'Sender' | 'Receiver' {
    return this.status >= 500 ? 'Receiver' : 'Sender';
  }
}

/** restJson1 (EKS): status, `x-amzn-errortype`, and `{"message": …, …fields}`. */
export function restJsonErrorResponse(error: AwsServiceError, requestId: string): FakeResponse {
  return {
    status: error.status,
    headers: {
      'content-type': 'application/json',
      'x-amzn-errortype': error.code,
      'x-amzn-requestid': requestId,
    },
    body: JSON.stringify({ message: error.message, ...error.fields }),
  };
}

/** awsQuery (IAM, STS): `<ErrorResponse><Error><Type/><Code/><Message/></Error><RequestId/></ErrorResponse>`. */
export function awsQueryErrorResponse(
  error: AwsServiceError,
  namespace: string,
  requestId: string,
): FakeResponse {
  const body = renderXmlDocument('ErrorResponse', namespace, {
    Error: { Type: error.fault, Code: error.code, Message: error.message },
    RequestId: requestId,
  });
  return xmlResponse(body, requestId, error.status);
}

/** EC2 query: `<Response><Errors><Error><Code/><Message/></Error></Errors><RequestID/></Response>`. */
export function ec2ErrorResponse(error: AwsServiceError, requestId: string): FakeResponse {
  const body = renderXmlDocument('Response', undefined, {
    Errors: { Error: { Code: error.code, Message: error.message } },
    RequestID: requestId,
  });
  return xmlResponse(body, requestId, error.status);
}
