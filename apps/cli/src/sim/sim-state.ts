import { join, resolve } from 'node:path';

/**
 * Where a provider's simulated cloud keeps its state: `explicit` (`--state`) exactly; else
 * `<HUBFLEET_SIM_DIR>/<kind>` (relative to the working directory); else `.hubfleet/sim/<kind>` in
 * `baseDirectory` (the config file's directory for the cloud commands, so every command run on one
 * config sees the same simulated cloud wherever it runs from). One directory per provider kind:
 * configs for two clouds side by side (as in `examples/`) rehearse in two clouds, and two configs of
 * one kind share one simulated account, as they would share a real one.
 */
export function simStateDirectory(
  kind: string,
  explicit: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
  baseDirectory: string = process.cwd(),
): string {
  if (explicit !== undefined) return resolve(explicit);
  if (env.HUBFLEET_SIM_DIR !== undefined && env.HUBFLEET_SIM_DIR !== '')
    return join(resolve(env.HUBFLEET_SIM_DIR), kind);
  return resolve(baseDirectory, '.hubfleet', 'sim', kind);
}
