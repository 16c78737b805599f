import type { CallLog } from '../../framework/call-log.js';
import type { FaultInjector } from '../../framework/faults.js';
import { type RunningService, startService } from '../../framework/http-service.js';
import { createStateStore } from '../../framework/state-store.js';
import { createEc2Fake, type Ec2Fake, type Ec2FakeOptions } from './ec2-fake.js';
import { createEc2State } from './ec2-state.js';

export interface StartEc2FakeOptions extends Omit<Ec2FakeOptions, 'state' | 'onMutation'> {
  faults: FaultInjector;
  callLog: CallLog;
  /** Persist the state here after every mutation (sim mode); loaded from it when it exists. */
  stateFile?: string;
  /** Default: an ephemeral port. */
  port?: number;
}

export interface RunningEc2Fake extends RunningService {
  readonly fake: Ec2Fake;
}

/** Serve the EC2 fake on 127.0.0.1; point `new EC2Client({ endpoint: url, … })` at `url`. */
export async function startEc2Fake(options: StartEc2FakeOptions): Promise<RunningEc2Fake> {
  const { faults, callLog, stateFile, port, ...fakeOptions } = options;
  const store = createStateStore(createEc2State, stateFile);
  const save = () => store.save();
  const fake = createEc2Fake({ ...fakeOptions, state: store.state, onMutation: save });
  const service = await startService(
    fake.protocol,
    { clock: options.clock, faults, callLog, afterMutation: save },
    port,
  );
  return { ...service, fake };
}
