import { mergeConfig } from 'vitest/config';
import shared from '../../vitest.shared.ts';

/**
 * The CLI's end-to-end files spend their time in the `hubfleet` processes they start and in waits on
 * the simulated clouds (sshd VMs, operations at --sim-speed), not in the test worker: with three at
 * once a CI run kept only 1.1 of 2 cores busy on average while this project was its critical path
 * (test-sim: 890 s). Four at once overlap those waits (vitest's default is one worker on two cores).
 * The heaviest files start first (`vitest.sequencer.ts`).
 */
export default mergeConfig(shared, { test: { maxWorkers: 4 } });
