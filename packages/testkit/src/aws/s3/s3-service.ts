import type { CallLog } from '../../framework/call-log.js';
import type { FaultInjector } from '../../framework/faults.js';
import { type RunningService, startService } from '../../framework/http-service.js';
import { createStateStore } from '../../framework/state-store.js';
import { createS3Fake, type S3Fake, type S3FakeOptions } from './s3-fake.js';
import { createS3State } from './s3-state.js';

export interface StartS3FakeOptions extends Omit<S3FakeOptions, 'state'> {
  faults: FaultInjector;
  callLog: CallLog;
  /** Persist the state here after every mutation (sim mode); loaded from it when it exists. */
  stateFile?: string;
  /** Default: an ephemeral port. */
  port?: number;
}

export interface RunningS3Fake extends RunningService {
  readonly fake: S3Fake;
}

/** Serve the S3 fake on 127.0.0.1; use `new S3Client({ endpoint: url, forcePathStyle: true, … })`. */
export async function startS3Fake(options: StartS3FakeOptions): Promise<RunningS3Fake> {
  const { faults, callLog, stateFile, port, ...fakeOptions } = options;
  const store = createStateStore(createS3State, stateFile);
  const fake = createS3Fake({ ...fakeOptions, state: store.state });
  const service = await startService(
    fake.protocol,
    { clock: options.clock, faults, callLog, afterMutation: () => store.save() },
    port,
  );
  return { ...service, fake };
}
