import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { HubfleetConfig, ProviderSessionV1 } from '@hubfleet/core';
import { type NectarVmSim, startNectarVmSim } from '@hubfleet/testkit';
import type { NectarProviderSettings } from '../src/nectar-config.js';
import { connectNectar } from '../src/nectar-connect.js';
import { exampleConfig } from './example-config.js';

/**
 * The UniMelb example with as few VMs as its shape allows (one core and one compute VM), renamed:
 * every VM is a real sshd, so tests keep the count small.
 */
export function smallNectarConfig(name: string): HubfleetConfig<NectarProviderSettings> {
  return exampleConfig((text) =>
    text
      .replace('name: comp20003-jh ', `name: ${name} `)
      .replace(/min: 4( +# [^\n]*)?\n(\s+)max: 4/, 'min: 1\n$2max: 1')
      .replace('size: 100Gi', 'size: 1Gi'),
  );
}

/** The NeCTAR sim with VMs in a fresh directory, and a session of `config` on it. */
export async function nectarSimSession(
  config: HubfleetConfig<NectarProviderSettings>,
  options: { faultRate?: number } = {},
): Promise<{ sim: NectarVmSim; session: ProviderSessionV1; directory: string }> {
  const directory = mkdtempSync(join(tmpdir(), 'hubfleet-nectar-session-'));
  const sim = await startNectarVmSim({
    stateDirectory: directory,
    speed: 2000,
    ...(options.faultRate === undefined ? {} : { faults: { rate: options.faultRate, seed: 7 } }),
  });
  const session = await sessionOn(sim, config, directory);
  return { sim, session, directory };
}

/** Another session on a running NeCTAR sim, e.g. of the same deployment with an edited config. */
export function sessionOn(
  sim: NectarVmSim,
  config: HubfleetConfig<NectarProviderSettings>,
  directory: string,
): Promise<ProviderSessionV1> {
  return connectNectar(
    config,
    {
      configDirectory: directory,
      simulation: { endpoints: sim.cloud.endpoints, credentials: sim.cloud.credentials },
    },
    { pollIntervalMs: 20 },
  );
}
