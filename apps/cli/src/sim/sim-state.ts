import { resolve } from 'node:path';

/**
 * Where sim state lives: `explicit` (`--state`), else `HUBFLEET_SIM_DIR` (relative to the working
 * directory), else `.hubfleet/sim` in `baseDirectory`: the config file's directory for the cloud
 * commands, so every command run on one config sees the same simulated cloud wherever it runs from.
 */
export function simStateDirectory(
  explicit: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
  baseDirectory: string = process.cwd(),
): string {
  if (explicit !== undefined) return resolve(explicit);
  if (env.HUBFLEET_SIM_DIR !== undefined && env.HUBFLEET_SIM_DIR !== '') return resolve(env.HUBFLEET_SIM_DIR);
  return resolve(baseDirectory, '.hubfleet', 'sim');
}
