import type { Clock } from '../../framework/clock.js';
import type { FakeRequest, FakeResponse, ServiceProtocol } from '../../framework/http-service.js';
import { signingRegionOf } from '../shared/aws-credentials.js';
import { AwsServiceError } from '../shared/aws-errors.js';
import { awsRequestId, DEFAULT_ACCOUNT_ID, DEFAULT_REGION } from '../shared/aws-ids.js';
import { noteConditionalArrival } from './s3-conditions.js';
import { s3Error, s3ErrorResponse } from './s3-errors.js';
import { s3FaultError } from './s3-faults.js';
import type { S3Call, S3Operation } from './s3-operation.js';
import { addressOf, routeOf } from './s3-routes.js';
import { canonicalUserIdOf, type S3Context, type S3Settings } from './s3-settings.js';
import { createS3State, type S3State } from './s3-state.js';

export interface S3FakeOptions {
  clock: Clock;
  /** Plain-JSON state to serve, e.g. a StateStore's; no buckets by default. */
  state?: S3State;
  /** The region assumed for unsigned requests; default `us-east-1`. */
  region?: string;
  accountId?: string;
  /** Bucket names another account owns. */
  foreignBuckets?: readonly string[];
  /** Default 10,000. */
  bucketQuota?: number;
  /** Default true: a request signed for another region than the bucket's gets 301 PermanentRedirect. */
  enforceBucketRegion?: boolean;
}

export interface S3Fake {
  readonly protocol: ServiceProtocol;
  readonly state: S3State;
  readonly settings: S3Settings;
}

function settingsFrom(options: S3FakeOptions): S3Settings {
  const accountId = options.accountId ?? DEFAULT_ACCOUNT_ID;
  return {
    region: options.region ?? DEFAULT_REGION,
    accountId,
    canonicalUserId: canonicalUserIdOf(accountId),
    foreignBuckets: new Set(options.foreignBuckets ?? []),
    bucketQuota: options.bucketQuota ?? 10_000,
    enforceBucketRegion: options.enforceBucketRegion ?? true,
  };
}

function answer(operation: S3Operation, call: S3Call, context: S3Context): FakeResponse {
  try {
    return operation.handle(call, context);
  } catch (problem) {
    if (problem instanceof AwsServiceError)
      return s3ErrorResponse(problem, call.requestId, call.request.method);
    throw problem;
  }
}

export function createS3Protocol(context: S3Context): ServiceProtocol {
  return {
    name: 's3',
    resolve(request: FakeRequest) {
      const address = addressOf(request.path);
      const operation = routeOf(request, address);
      if (!operation) return undefined;
      const call: S3Call = {
        request,
        bucket: address.bucket ?? '',
        ...(address.key === undefined ? {} : { key: address.key }),
        region: signingRegionOf(request) ?? context.settings.region,
        requestId: awsRequestId(),
      };
      return {
        operation: operation.name,
        mutating: operation.mutating,
        handle: () => answer(operation, call, context),
      };
    },
    arrive: (head) => noteConditionalArrival(head, context),
    fault: (kind, operation) => s3ErrorResponse(s3FaultError(kind, operation), awsRequestId(), 'GET'),
    unknown: (request) =>
      s3ErrorResponse(
        s3Error('NotImplemented', 501, 'A header you provided implies functionality that is not implemented'),
        awsRequestId(),
        request.method,
      ),
  };
}

export function createS3Fake(options: S3FakeOptions): S3Fake {
  const context: S3Context = {
    state: options.state ?? createS3State(),
    clock: options.clock,
    settings: settingsFrom(options),
  };
  return { protocol: createS3Protocol(context), state: context.state, settings: context.settings };
}
