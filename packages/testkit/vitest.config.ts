import { mergeConfig } from 'vitest/config';
import shared from '../../vitest.shared.ts';

/**
 * Its slow files wait on real sshd VMs and simulated clouds more than they compute: on 2 cores
 * vitest's default of one worker ran them one after another (provider-nectar: 677 s of a CI run at
 * 1.1 cores busy on average). Three at a time overlap the waits; tests wait on conditions, never on
 * wall time, so a busier machine only makes each one slower.
 */
export default mergeConfig(shared, { test: { maxWorkers: 3 } });
