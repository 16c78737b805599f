import type { RunningService } from '../../framework/http-service.js';
import { type StartFakeOptions, startFake } from '../../framework/start-fake.js';
import { createS3Fake, type S3Fake, type S3FakeOptions } from './s3-fake.js';
import { createS3State } from './s3-state.js';

export interface StartS3FakeOptions extends Omit<S3FakeOptions, 'state' | 'clock'>, StartFakeOptions {}

export interface RunningS3Fake extends RunningService {
  readonly fake: S3Fake;
}

/** Serve the S3 fake on 127.0.0.1; use `new S3Client({ endpoint: url, forcePathStyle: true, … })`. */
export async function startS3Fake(options: StartS3FakeOptions): Promise<RunningS3Fake> {
  return startFake(options, createS3State, (state) => createS3Fake({ ...options, state }));
}
