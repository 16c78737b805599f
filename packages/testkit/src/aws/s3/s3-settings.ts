import { createHash } from 'node:crypto';
import type { Clock } from '../../framework/clock.js';
import type { S3State } from './s3-state.js';

export interface S3Settings {
  /** The region requests are taken to come from when unsigned. */
  region: string;
  accountId: string;
  /** The account's canonical user id, as ListBuckets reports the owner. */
  canonicalUserId: string;
  /** Bucket names owned by another account: creating them is BucketAlreadyExists, using them AccessDenied. */
  foreignBuckets: ReadonlySet<string>;
  /** Buckets per account (S3 default 10,000 since November 2024). */
  bucketQuota: number;
  /** Answer a request signed for another region than the bucket's with 301 PermanentRedirect, as S3 does. */
  enforceBucketRegion: boolean;
}

export interface S3Context {
  state: S3State;
  clock: Clock;
  settings: S3Settings;
}

export function canonicalUserIdOf(accountId: string): string {
  return createHash('sha256').update(`canonical:${accountId}`).digest('hex');
}
