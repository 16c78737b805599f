import { type HubfleetConfig, HubfleetError } from '@hubfleet/core';
import { startGkeSim } from './start-gke-sim.js';
import { faultPlan, startSimCloud } from './start-sim.js';

/** A simulated cloud running in this process, as `--sim` hands it to the provider. */
export interface SimCloudHandle {
  /** Service name → URL, plus the credentials the provider signs with in sim mode. */
  simulatedEndpoints: Record<string, string>;
  callLogFile: string;
  close(): Promise<void>;
}

type SimCloudStarter = (
  config: HubfleetConfig,
  stateDirectory: string,
  speed: number,
  env: NodeJS.ProcessEnv,
) => Promise<SimCloudHandle>;

/** The simulated clouds, by provider kind. */
const SIM_CLOUDS: Readonly<Record<string, SimCloudStarter>> = {
  aws: async (_config, stateDirectory, speed, env) => {
    const cloud = await startSimCloud(stateDirectory, speed, env);
    return {
      simulatedEndpoints: {
        ...cloud.endpoints,
        accessKeyId: cloud.credentials.accessKeyId,
        secretAccessKey: cloud.credentials.secretAccessKey,
      },
      callLogFile: cloud.callLogFile,
      close: () => cloud.close(),
    };
  },
  gke: async (config, stateDirectory, speed, env) => {
    // The simulated project is the config's, so names and error messages read as they would.
    const project = (config.provider as { project?: string }).project ?? 'hubfleet-sim';
    const { cloud, simulatedEndpoints } = await startGkeSim(stateDirectory, speed, faultPlan(env), project);
    return { simulatedEndpoints, callLogFile: cloud.callLogFile, close: () => cloud.close() };
  },
};

/** Start the simulated cloud of the config's provider, or say clearly that there is none. */
export function openSimCloud(
  config: HubfleetConfig,
  stateDirectory: string,
  speed: number,
  env: NodeJS.ProcessEnv = process.env,
): Promise<SimCloudHandle> {
  const start = SIM_CLOUDS[config.provider.kind];
  if (start === undefined) {
    throw new HubfleetError({
      kind: 'invalid-config',
      message: `--sim has no simulated cloud for provider ${config.provider.kind} (it simulates ${Object.keys(SIM_CLOUDS).join(', ')})`,
      hint: 'rehearse with an AWS or GKE config (examples/quickstart.yaml, examples/gke-rhodes.yaml), or drop --sim',
      subject: 'provider.kind',
    });
  }
  return start(config, stateDirectory, speed, env);
}
