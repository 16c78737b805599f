import { paginate } from '../../framework/pagination.js';
import { XmlList } from '../shared/xml.js';
import { S3_ERRORS, S3ServiceError, s3Error } from './s3-errors.js';
import { holdsAnything } from './s3-object-versions.js';
import type { S3Call, S3Operation } from './s3-operation.js';
import type { S3Context } from './s3-settings.js';
import type { BucketRecord } from './s3-state.js';
import { emptyResponse, parseXmlBody, textOf, xmlDocument, xmlTextDocument } from './s3-xml.js';

const US_EAST_1 = 'us-east-1';

/** S3's general-purpose bucket naming rules. */
export function isValidBucketName(name: string): boolean {
  return (
    /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(name) &&
    !name.includes('..') &&
    !/^\d+\.\d+\.\d+\.\d+$/.test(name) &&
    !name.startsWith('xn--') &&
    !name.startsWith('sthree-') &&
    !name.endsWith('-s3alias') &&
    !name.endsWith('--ol-s3')
  );
}

/**
 * The bucket a call addresses: AccessDenied if another account owns it, NoSuchBucket if none does,
 * PermanentRedirect (301, `x-amz-bucket-region`) if the request was signed for another region.
 */
export function requireBucket(
  call: S3Call,
  context: S3Context,
  options: { anyRegion?: boolean } = {},
): BucketRecord {
  if (context.settings.foreignBuckets.has(call.bucket)) throw S3_ERRORS.accessDenied();
  const bucket = context.state.buckets[call.bucket];
  if (!bucket) throw S3_ERRORS.noSuchBucket(call.bucket);
  if (!options.anyRegion && context.settings.enforceBucketRegion && bucket.region !== call.region) {
    throw new S3ServiceError(
      'PermanentRedirect',
      301,
      'The bucket you are attempting to access must be addressed using the specified endpoint. Please send all future requests to this endpoint.',
      { Bucket: call.bucket, Endpoint: `s3.${bucket.region}.amazonaws.com` },
      { 'x-amz-bucket-region': bucket.region },
    );
  }
  return bucket;
}

/** The bucket's region from `CreateBucketConfiguration`, checked against the endpoint's region. */
function bucketRegion(call: S3Call): string {
  const configuration =
    call.request.body.trim() === ''
      ? undefined
      : parseXmlBody(call.request.body, 'CreateBucketConfiguration');
  const constraint = configuration ? textOf(configuration, 'LocationConstraint') : undefined;
  if (constraint === US_EAST_1) {
    throw s3Error('InvalidLocationConstraint', 400, 'The specified location-constraint is not valid', {
      LocationConstraint: constraint,
    });
  }
  if (constraint === undefined || constraint === '') {
    if (call.region === US_EAST_1) return US_EAST_1;
    throw s3Error(
      'IllegalLocationConstraintException',
      400,
      'The unspecified location constraint is incompatible for the region specific endpoint this request was sent to.',
    );
  }
  if (call.region !== US_EAST_1 && constraint !== call.region) {
    throw s3Error(
      'IllegalLocationConstraintException',
      400,
      `The ${constraint} location constraint is incompatible for the region specific endpoint this request was sent to.`,
    );
  }
  return constraint;
}

function createBucket(call: S3Call, context: S3Context) {
  if (!isValidBucketName(call.bucket)) {
    throw s3Error('InvalidBucketName', 400, 'The specified bucket is not valid.', {
      BucketName: call.bucket,
    });
  }
  if (context.settings.foreignBuckets.has(call.bucket)) {
    throw s3Error(
      'BucketAlreadyExists',
      409,
      'The requested bucket name is not available. The bucket namespace is shared by all users of the system. Please select a different name and try again.',
      { BucketName: call.bucket },
    );
  }
  const region = bucketRegion(call);
  const existing = context.state.buckets[call.bucket];
  // us-east-1 answers a repeated create of your own bucket with 200; every other region with 409.
  if (existing && !(existing.region === US_EAST_1 && region === US_EAST_1)) {
    throw s3Error(
      'BucketAlreadyOwnedByYou',
      409,
      'Your previous request to create the named bucket succeeded and you already own it.',
      { BucketName: call.bucket },
    );
  }
  if (!existing) {
    if (Object.keys(context.state.buckets).length >= context.settings.bucketQuota) {
      throw s3Error('TooManyBuckets', 400, 'You have attempted to create more buckets than allowed');
    }
    context.state.buckets[call.bucket] = {
      name: call.bucket,
      region,
      creationDate: context.clock.now(),
      encryption: { sseAlgorithm: 'AES256', bucketKeyEnabled: false },
      publicAccessBlock: {
        blockPublicAcls: true,
        ignorePublicAcls: true,
        blockPublicPolicy: true,
        restrictPublicBuckets: true,
      },
      objects: {},
    };
  }
  return emptyResponse(call.requestId, 200, { location: `/${call.bucket}` });
}

export const BUCKET_OPERATIONS = {
  CreateBucket: { name: 'CreateBucket', mutating: true, handle: createBucket },

  HeadBucket: {
    name: 'HeadBucket',
    mutating: false,
    handle: (call, context) => {
      const bucket = requireBucket(call, context);
      return emptyResponse(call.requestId, 200, {
        'x-amz-bucket-region': bucket.region,
        'x-amz-access-point-alias': 'false',
      });
    },
  },

  /** us-east-1 buckets answer an empty LocationConstraint, as S3 does for legacy reasons. */
  GetBucketLocation: {
    name: 'GetBucketLocation',
    mutating: false,
    handle: (call, context) => {
      const bucket = requireBucket(call, context, { anyRegion: true });
      return xmlTextDocument(
        'LocationConstraint',
        bucket.region === US_EAST_1 ? '' : bucket.region,
        call.requestId,
      );
    },
  },

  DeleteBucket: {
    name: 'DeleteBucket',
    mutating: true,
    handle: (call, context) => {
      const bucket = requireBucket(call, context);
      // Every object version and delete marker must be gone first (DeleteBucket API reference).
      if (holdsAnything(bucket)) {
        throw s3Error('BucketNotEmpty', 409, 'The bucket you tried to delete is not empty', {
          BucketName: call.bucket,
        });
      }
      delete context.state.buckets[call.bucket];
      return emptyResponse(call.requestId);
    },
  },

  ListBuckets: {
    name: 'ListBuckets',
    mutating: false,
    handle: (call, context) => {
      const query = call.request.query;
      const prefix = query.get('prefix') ?? '';
      const region = query.get('bucket-region');
      const buckets = Object.values(context.state.buckets)
        .filter((bucket) => bucket.name.startsWith(prefix) && (region === null || bucket.region === region))
        .sort((a, b) => (a.name < b.name ? -1 : 1));
      const maxBuckets = query.get('max-buckets');
      const page = paginate(
        buckets,
        maxBuckets ? Number(maxBuckets) : buckets.length || 1,
        query.get('continuation-token') ?? undefined,
      );
      return xmlDocument(
        'ListAllMyBucketsResult',
        {
          Owner: {
            ID: context.settings.canonicalUserId,
            DisplayName: `account-${context.settings.accountId}`,
          },
          Buckets: new XmlList(
            page.items.map((bucket) => ({
              Name: bucket.name,
              CreationDate: new Date(bucket.creationDate),
              BucketRegion: bucket.region,
            })),
            'Bucket',
          ),
          ContinuationToken: page.nextToken,
          Prefix: query.get('prefix') ?? undefined,
        },
        call.requestId,
      );
    },
  },
} as const satisfies Record<string, S3Operation>;
