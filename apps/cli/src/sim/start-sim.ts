import { HubfleetError } from '@hubfleet/core';
import { awsProvider } from '@hubfleet/provider-aws';
import { type AwsSimCloud, type FaultPlan, startAwsSimCloud } from '@hubfleet/testkit';

/** `--sim`'s default: a 12-minute EKS cluster takes 0.36 s, so a whole `up` takes seconds. */
export const DEFAULT_SIM_SPEED = 2000;

export function faultPlan(env: NodeJS.ProcessEnv): FaultPlan | undefined {
  const text = env.HUBFLEET_SIM_FAULT_RATE;
  if (text === undefined || text === '') return undefined;
  const rate = Number(text);
  if (!Number.isFinite(rate) || rate < 0 || rate >= 1) {
    throw new HubfleetError({
      kind: 'invalid-config',
      message: `HUBFLEET_SIM_FAULT_RATE must be a number from 0 up to (not including) 1, not "${text}"`,
      hint: 'e.g. HUBFLEET_SIM_FAULT_RATE=0.1 fails one simulated cloud call in ten with a transient error',
    });
  }
  const seed = Number(env.HUBFLEET_SIM_FAULT_SEED ?? '1');
  return { rate, seed: Number.isInteger(seed) ? seed : 1 };
}

/**
 * The simulated AWS account, in this process, with its state in `stateDirectory`. Node capacity comes
 * from the AWS catalog. `HUBFLEET_SIM_FAULT_RATE` (and `HUBFLEET_SIM_FAULT_SEED`) make a share of its
 * calls fail with throttling, 5xx and dropped connections, as a rehearsal of a bad day.
 */
export function startSimCloud(
  stateDirectory: string,
  speed: number,
  env = process.env,
): Promise<AwsSimCloud> {
  const faults = faultPlan(env);
  return startAwsSimCloud({
    stateDirectory,
    speed,
    ...(faults === undefined ? {} : { faults }),
    capacityOf: (instanceType) => {
      const machine = awsProvider.catalog.machines.find((candidate) => candidate.name === instanceType);
      return machine && { cpu: machine.cpu, memoryGiB: machine.memoryGiB, gpu: machine.gpu?.count };
    },
  });
}
