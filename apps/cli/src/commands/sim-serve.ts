import { resolve } from 'node:path';
import { ExitCode, HubfleetError } from '@hubfleet/core';
import { awsProvider } from '@hubfleet/provider-aws';
import { startAwsSimCloud } from '@hubfleet/testkit';
import { handleInterrupts } from '../safety/interrupt.js';

export interface SimServeOptions {
  state?: string;
  speed: string;
}

/** Where sim state lives: `--state`, else `HUBFLEET_SIM_DIR`, else `.hubfleet/sim` here. */
export function simStateDirectory(
  explicit: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
): string {
  return resolve(explicit ?? env.HUBFLEET_SIM_DIR ?? '.hubfleet/sim');
}

function parseSpeed(text: string): number {
  const speed = Number(text);
  if (!Number.isFinite(speed) || speed <= 0) {
    throw new HubfleetError({
      kind: 'invalid-config',
      message: `--speed must be a positive number, not "${text}"`,
      hint: 'e.g. --speed 1000 makes a 12-minute cluster take 0.7 s',
    });
  }
  return speed;
}

/** Run the simulated cloud in the foreground and print its endpoints as one JSON line. */
export async function simServeCommand(options: SimServeOptions): Promise<number> {
  const speed = parseSpeed(options.speed);
  const cloud = await startAwsSimCloud({
    stateDirectory: simStateDirectory(options.state),
    speed,
    capacityOf: (instanceType) => {
      const machine = awsProvider.catalog.machines.find((candidate) => candidate.name === instanceType);
      return machine && { cpu: machine.cpu, memoryGiB: machine.memoryGiB, gpu: machine.gpu?.count };
    },
  });
  process.stdout.write(
    `${JSON.stringify({ endpoints: cloud.endpoints, region: cloud.region, credentials: { accessKeyId: cloud.credentials.accessKeyId } })}\n`,
  );
  const interrupts = handleInterrupts({
    notify: (message) => process.stderr.write(`${message.split(':')[0]}: stopping the simulated cloud\n`),
  });
  await new Promise<void>((resolveStop) =>
    interrupts.signal.addEventListener('abort', () => resolveStop(), { once: true }),
  );
  interrupts.dispose();
  await cloud.close();
  return ExitCode.ok;
}
