import type { FakeRequest, FakeResponse } from '../../framework/http-service.js';
import type { S3Context } from './s3-settings.js';

/** One addressed S3 request: path-style `/<bucket>/<key>`, decoded. */
export interface S3Call {
  request: FakeRequest;
  bucket: string;
  /** Absent for bucket-level operations. */
  key?: string;
  /** The region the request was signed for, or the fake's default. */
  region: string;
  requestId: string;
}

export interface S3Operation {
  name: string;
  mutating: boolean;
  handle(call: S3Call, context: S3Context): FakeResponse;
}
