import { ExitCode } from '@hubfleet/core';
import { handleInterrupts } from '../safety/interrupt.js';
import { parseSpeed } from '../sim/parse-speed.js';
import { simStateDirectory } from '../sim/sim-state.js';
import { startSimCloud } from '../sim/start-sim.js';

export interface SimServeOptions {
  state?: string;
  speed: string;
}

/** Run the simulated cloud in the foreground and print its endpoints as one JSON line. */
export async function simServeCommand(options: SimServeOptions): Promise<number> {
  const speed = parseSpeed(options.speed);
  const cloud = await startSimCloud(simStateDirectory(options.state), speed);
  process.stdout.write(
    `${JSON.stringify({ formatVersion: 1, endpoints: cloud.endpoints, region: cloud.region, credentials: { accessKeyId: cloud.credentials.accessKeyId } })}\n`,
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
