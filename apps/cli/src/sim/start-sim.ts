import {
  HubfleetError,
  type MachineCatalogV1,
  type ProviderSettingsV1,
  type SimulationV1,
} from '@hubfleet/core';
import type { CapacityOf, SimCloud, SimCloudFactory } from '@hubfleet/testkit/sim-registry';
import { registry } from '../providers.js';

/** `--sim`'s default: a 12-minute EKS cluster takes 0.36 s, so a whole `up` takes seconds. */
export const DEFAULT_SIM_SPEED = 2000;

/** `HUBFLEET_SIM_FAULT_RATE` and `HUBFLEET_SIM_FAULT_SEED`, checked. */
function faultOptions(env: NodeJS.ProcessEnv): { faultRate?: number; faultSeed?: number } {
  const text = env.HUBFLEET_SIM_FAULT_RATE;
  if (text === undefined || text === '') return {};
  const rate = Number(text);
  if (!Number.isFinite(rate) || rate < 0 || rate >= 1) {
    throw new HubfleetError({
      kind: 'invalid-config',
      message: `HUBFLEET_SIM_FAULT_RATE must be a number from 0 up to (not including) 1, not "${text}"`,
      hint: 'e.g. HUBFLEET_SIM_FAULT_RATE=0.1 fails one simulated cloud call in ten with a transient error',
    });
  }
  const seed = Number(env.HUBFLEET_SIM_FAULT_SEED ?? '1');
  return { faultRate: rate, faultSeed: Number.isInteger(seed) ? seed : 1 };
}

/** Node capacity of a machine type, from the provider's own catalog. */
function capacityFrom(catalog: MachineCatalogV1 | undefined): CapacityOf {
  return (machineType) => {
    const machine = catalog?.machines.find((candidate) => candidate.name === machineType);
    return machine && { cpu: machine.cpu, memoryGiB: machine.memoryGiB, gpu: machine.gpu?.count };
  };
}

/** The simulated clouds there are (the registry lives in testkit, loaded only when a sim is wanted). */
export async function loadSimCloudFactories(): Promise<readonly SimCloudFactory[]> {
  const { simCloudFactories } = await import('@hubfleet/testkit/sim-registry');
  return simCloudFactories;
}

/** Where a provider's simulated cloud was asked for: a config's `provider.kind`, or `--provider`. */
export type SimRequest = 'config' | 'sim-serve';

/**
 * The factory simulating `kind`, or the `invalid-config` error (exit 2) saying that this provider
 * has none: `--sim` never falls through to the real cloud.
 */
export function simFactoryFor(
  kind: string,
  factories: readonly SimCloudFactory[],
  from: SimRequest = 'config',
): SimCloudFactory {
  const factory = factories.find((candidate) => candidate.provider === kind);
  if (factory !== undefined) return factory;
  const simulated = factories.map((candidate) => candidate.provider).join(', ');
  const known = registry().get(kind) !== undefined;
  const instead =
    from === 'config'
      ? `rehearse with a config for ${simulated} (e.g. examples/quickstart.yaml), or drop --sim to use the real ${kind} cloud`
      : `simulate one of: ${simulated}, e.g. hubfleet sim serve --provider ${factories[0]?.provider ?? 'aws'}`;
  throw new HubfleetError({
    kind: 'invalid-config',
    message: known
      ? `provider ${kind} has no simulated cloud yet; simulated providers: ${simulated}`
      : `there is no provider ${kind}; simulated providers: ${simulated}`,
    hint: instead,
    subject: from === 'config' ? 'provider.kind' : '--provider',
  });
}

export interface StartSimOptions {
  factory: SimCloudFactory;
  stateDirectory: string;
  speed: number;
  /** The config's `provider:` section, when there is a config (its region, for one). */
  settings?: ProviderSettingsV1;
  region?: string;
  env?: NodeJS.ProcessEnv;
}

/**
 * A simulated cloud in this process, with its state in `stateDirectory`. Node capacity comes from
 * the provider's catalog. `HUBFLEET_SIM_FAULT_RATE` (and `HUBFLEET_SIM_FAULT_SEED`) make a share of
 * its calls fail with throttling, 5xx and dropped connections, as a rehearsal of a bad day.
 */
export function startSimCloud(options: StartSimOptions): Promise<SimCloud> {
  const { factory } = options;
  return factory.start({
    stateDirectory: options.stateDirectory,
    speed: options.speed,
    ...faultOptions(options.env ?? process.env),
    ...(options.settings === undefined ? {} : { settings: options.settings }),
    ...(options.region === undefined ? {} : { region: options.region }),
    capacityOf: capacityFrom(registry().get(factory.provider)?.catalog),
  });
}

/** What a provider's connect gets to talk to the simulated cloud. */
export function simulationOfCloud(cloud: SimCloud): SimulationV1 {
  return { endpoints: cloud.endpoints, credentials: cloud.credentials };
}
