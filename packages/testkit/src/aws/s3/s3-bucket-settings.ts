import { XmlList } from '../shared/xml.js';
import { requireBucket } from './s3-buckets.js';
import { S3_ERRORS, s3Error } from './s3-errors.js';
import type { S3Operation } from './s3-operation.js';
import type { PublicAccessBlockRecord } from './s3-state.js';
import { childOf, emptyResponse, nodesOf, parseXmlBody, textOf, xmlDocument } from './s3-xml.js';

const MAX_BUCKET_TAGS = 50;
const SSE_ALGORITHMS = new Set(['AES256', 'aws:kms', 'aws:kms:dsse']);

function invalidTag(message: string) {
  return s3Error('InvalidTag', 400, message);
}

/** `<Tagging><TagSet><Tag><Key/><Value/></Tag>…</TagSet></Tagging>`, validated as S3 does. */
function parseTagging(body: string): Record<string, string> {
  const tags: Record<string, string> = {};
  for (const tag of nodesOf(childOf(parseXmlBody(body, 'Tagging'), 'TagSet'), 'Tag')) {
    const key = textOf(tag, 'Key');
    const value = textOf(tag, 'Value') ?? '';
    if (key === undefined || key === '') throw S3_ERRORS.malformedXml();
    if (key in tags) throw invalidTag('Cannot provide multiple Tags with the same key');
    if (key.length > 128) throw invalidTag('The TagKey you have provided is too long, max 128');
    if (value.length > 256) throw invalidTag('The TagValue you have provided is too long, max 256');
    if (key.toLowerCase().startsWith('aws:'))
      throw invalidTag('System tags cannot be added/updated by requester');
    tags[key] = value;
  }
  if (Object.keys(tags).length > MAX_BUCKET_TAGS)
    throw invalidTag('Bucket tag count cannot be greater than 50');
  return tags;
}

function parseBoolean(text: string | undefined): boolean {
  return text === 'true';
}

export const BUCKET_SETTING_OPERATIONS = {
  PutBucketTagging: {
    name: 'PutBucketTagging',
    mutating: true,
    handle: (call, context) => {
      const bucket = requireBucket(call, context);
      bucket.tags = parseTagging(call.request.body);
      return emptyResponse(call.requestId);
    },
  },

  GetBucketTagging: {
    name: 'GetBucketTagging',
    mutating: false,
    handle: (call, context) => {
      const { tags } = requireBucket(call, context);
      if (!tags) throw s3Error('NoSuchTagSet', 404, 'The TagSet does not exist', { BucketName: call.bucket });
      const tagList = Object.entries(tags).map(([Key, Value]) => ({ Key, Value }));
      return xmlDocument('Tagging', { TagSet: new XmlList(tagList, 'Tag') }, call.requestId);
    },
  },

  DeleteBucketTagging: {
    name: 'DeleteBucketTagging',
    mutating: true,
    handle: (call, context) => {
      delete requireBucket(call, context).tags;
      return emptyResponse(call.requestId);
    },
  },

  PutBucketEncryption: {
    name: 'PutBucketEncryption',
    mutating: true,
    handle: (call, context) => {
      const bucket = requireBucket(call, context);
      const [rule] = nodesOf(parseXmlBody(call.request.body, 'ServerSideEncryptionConfiguration'), 'Rule');
      if (!rule) throw S3_ERRORS.malformedXml();
      const defaults = childOf(rule, 'ApplyServerSideEncryptionByDefault');
      const sseAlgorithm = textOf(defaults, 'SSEAlgorithm') ?? '';
      if (!SSE_ALGORITHMS.has(sseAlgorithm)) throw S3_ERRORS.malformedXml();
      const kmsMasterKeyId = textOf(defaults, 'KMSMasterKeyID');
      if (kmsMasterKeyId !== undefined && !sseAlgorithm.startsWith('aws:kms')) {
        throw s3Error(
          'InvalidArgument',
          400,
          'a KMSMasterKeyID is not applicable if the default sse algorithm is not aws:kms or aws:kms:dsse',
        );
      }
      bucket.encryption = {
        sseAlgorithm,
        ...(kmsMasterKeyId === undefined ? {} : { kmsMasterKeyId }),
        bucketKeyEnabled: parseBoolean(textOf(rule, 'BucketKeyEnabled')),
      };
      return emptyResponse(call.requestId, 200);
    },
  },

  /** Every bucket is encrypted (SSE-S3 by default since January 2023). */
  GetBucketEncryption: {
    name: 'GetBucketEncryption',
    mutating: false,
    handle: (call, context) => {
      const { encryption } = requireBucket(call, context);
      return xmlDocument(
        'ServerSideEncryptionConfiguration',
        {
          Rule: {
            ApplyServerSideEncryptionByDefault: {
              SSEAlgorithm: encryption.sseAlgorithm,
              KMSMasterKeyID: encryption.kmsMasterKeyId,
            },
            BucketKeyEnabled: encryption.bucketKeyEnabled,
          },
        },
        call.requestId,
      );
    },
  },

  PutPublicAccessBlock: {
    name: 'PutPublicAccessBlock',
    mutating: true,
    handle: (call, context) => {
      const bucket = requireBucket(call, context);
      const configuration = parseXmlBody(call.request.body, 'PublicAccessBlockConfiguration');
      bucket.publicAccessBlock = {
        blockPublicAcls: parseBoolean(textOf(configuration, 'BlockPublicAcls')),
        ignorePublicAcls: parseBoolean(textOf(configuration, 'IgnorePublicAcls')),
        blockPublicPolicy: parseBoolean(textOf(configuration, 'BlockPublicPolicy')),
        restrictPublicBuckets: parseBoolean(textOf(configuration, 'RestrictPublicBuckets')),
      };
      return emptyResponse(call.requestId, 200);
    },
  },

  GetPublicAccessBlock: {
    name: 'GetPublicAccessBlock',
    mutating: false,
    handle: (call, context) => {
      const block: PublicAccessBlockRecord | undefined = requireBucket(call, context).publicAccessBlock;
      if (!block) {
        throw s3Error(
          'NoSuchPublicAccessBlockConfiguration',
          404,
          'The public access block configuration was not found',
          { BucketName: call.bucket },
        );
      }
      return xmlDocument(
        'PublicAccessBlockConfiguration',
        {
          BlockPublicAcls: block.blockPublicAcls,
          IgnorePublicAcls: block.ignorePublicAcls,
          BlockPublicPolicy: block.blockPublicPolicy,
          RestrictPublicBuckets: block.restrictPublicBuckets,
        },
        call.requestId,
      );
    },
  },

  DeletePublicAccessBlock: {
    name: 'DeletePublicAccessBlock',
    mutating: true,
    handle: (call, context) => {
      delete requireBucket(call, context).publicAccessBlock;
      return emptyResponse(call.requestId);
    },
  },
} as const satisfies Record<string, S3Operation>;
