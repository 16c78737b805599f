import type { RunningService } from '../../framework/http-service.js';
import { type StartFakeOptions, startFake } from '../../framework/start-fake.js';
import { createEc2Fake, type Ec2Fake, type Ec2FakeOptions } from './ec2-fake.js';
import { createEc2State } from './ec2-state.js';

export interface StartEc2FakeOptions
  extends Omit<Ec2FakeOptions, 'state' | 'onMutation' | 'clock'>,
    StartFakeOptions {}

export interface RunningEc2Fake extends RunningService {
  readonly fake: Ec2Fake;
}

/** Serve the EC2 fake on 127.0.0.1; point `new EC2Client({ endpoint: url, … })` at `url`. */
export async function startEc2Fake(options: StartEc2FakeOptions): Promise<RunningEc2Fake> {
  return startFake(options, createEc2State, (state, save) =>
    createEc2Fake({ ...options, state, onMutation: save }),
  );
}
