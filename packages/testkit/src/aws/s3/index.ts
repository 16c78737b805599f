export type { S3Fake, S3FakeOptions } from './s3-fake.js';
export { createS3Fake } from './s3-fake.js';
export type { RunningS3Fake, StartS3FakeOptions } from './s3-service.js';
export { startS3Fake } from './s3-service.js';
export type { BucketRecord, S3ObjectRecord, S3State } from './s3-state.js';
export { createS3State } from './s3-state.js';
