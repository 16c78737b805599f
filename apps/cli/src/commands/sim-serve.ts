import { ExitCode } from '@hubfleet/core';
import { handleInterrupts } from '../safety/interrupt.js';
import { parseSpeed } from '../sim/parse-speed.js';
import { simStateDirectory } from '../sim/sim-state.js';
import { loadSimCloudFactories, simFactoryFor, startSimCloud } from '../sim/start-sim.js';

export interface SimServeOptions {
  provider: string;
  region?: string;
  state?: string;
  speed: string;
}

/**
 * Run the simulated cloud of `--provider` in the foreground and print one JSON line:
 * `{"formatVersion", "provider", "region", "endpoints", "credentials"}` (the credentials are the simulation's fixed
 * test values, which a client needs to sign its calls). A provider with no simulated cloud is
 * refused (exit 2).
 */
export async function simServeCommand(options: SimServeOptions): Promise<number> {
  const speed = parseSpeed(options.speed);
  const factory = simFactoryFor(options.provider, await loadSimCloudFactories(), 'sim-serve');
  const cloud = await startSimCloud({
    factory,
    stateDirectory: simStateDirectory(factory.provider, options.state),
    speed,
    ...(options.region === undefined ? {} : { region: options.region }),
  });
  const { provider, region, endpoints, credentials } = cloud;
  process.stdout.write(`${JSON.stringify({ formatVersion: 1, provider, region, endpoints, credentials })}\n`);
  // stdout stays one JSON line for scripts; the human summary goes to stderr.
  process.stderr.write(`simulating ${provider} (${factory.description}) in ${region}; Ctrl-C stops it\n`);
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
