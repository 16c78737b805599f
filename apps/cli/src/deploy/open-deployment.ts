import type {
  DeploymentGraph,
  HubfleetConfig,
  ProviderSessionV1,
  ProviderV1,
  RetryPolicy,
} from '@hubfleet/core';
import { buildDeploymentGraph } from '@hubfleet/core/deployment';
import { helmInstaller, simulatedInstaller } from '@hubfleet/core/kubernetes';
import type { SimCloud, SimCloudFactory } from '@hubfleet/testkit/sim-registry';
import { REPOSITORY_ROOT } from '../cli-package.js';
import { parseSpeed } from '../sim/parse-speed.js';
import { simStateDirectory } from '../sim/sim-state.js';
import {
  DEFAULT_SIM_SPEED,
  loadSimCloudFactories,
  simFactoryFor,
  simulationOfCloud,
  startSimCloud,
} from '../sim/start-sim.js';
import { loadDeploymentConfig } from './load-deployment-config.js';

/** The flags every cloud command shares. */
export interface CloudCommandOptions {
  config: string;
  sim?: boolean;
  simSpeed?: string;
}

/** A config connected to its cloud (real or simulated), as a resource graph. */
export interface OpenDeployment {
  config: HubfleetConfig;
  provider: ProviderV1;
  session: ProviderSessionV1;
  graph: DeploymentGraph;
  /** The engine's retries: the default against a real cloud, quicker against the simulated one. */
  retry?: RetryPolicy;
  /** The simulated cloud, with `--sim`. */
  sim?: { cloud: SimCloud; stateDirectory: string };
  close(): Promise<void>;
}

/** Waiting steps look again this often against the simulated cloud (it moves at --sim-speed). */
const SIM_POLL_MS = 10;
const SIM_RETRY: RetryPolicy = { maxAttempts: 8, baseDelayMs: 100, maxDelayMs: 2_000 };

/**
 * Load the config, connect to its cloud (with `--sim`, the simulated cloud of the config's
 * `provider.kind` from testkit's registry, started in this process in the configured region, its
 * state in `.hubfleet/sim/<kind>/` next to the config or `$HUBFLEET_SIM_DIR`) and build the deployment's
 * resource graph with the matching installer (real helm, or the simulated one). A provider with no
 * simulated cloud is refused (exit 2) before anything is contacted.
 */
export async function openDeployment(options: CloudCommandOptions): Promise<OpenDeployment> {
  // The SDK's notice about Node versions it will drop in the future is for SDK maintainers, not for
  // someone running `hubfleet up`; an explicit setting still wins.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const sim = options.sim === true;
  const speed = parseSpeed(options.simSpeed ?? String(DEFAULT_SIM_SPEED), '--sim-speed');
  const factories = sim ? await loadSimCloudFactories() : undefined;
  let factory: SimCloudFactory | undefined;
  const loaded = loadDeploymentConfig(
    options.config,
    sim,
    factories &&
      ((provider) => {
        factory = simFactoryFor(provider.id, factories);
      }),
  );
  const { config, provider, configDirectory } = loaded;
  const stateDirectory = simStateDirectory(config.provider.kind, undefined, process.env, configDirectory);
  const cloud =
    factory === undefined
      ? undefined
      : await startSimCloud({ factory, stateDirectory, speed, settings: config.provider });
  try {
    const session = await loaded.connect({
      configDirectory,
      ...(cloud === undefined ? {} : { simulation: simulationOfCloud(cloud) }),
    });
    const installer = sim
      ? simulatedInstaller({ chartsDirectory: REPOSITORY_ROOT })
      : helmInstaller({ chartsDirectory: REPOSITORY_ROOT });
    const graph = buildDeploymentGraph({
      config,
      provider,
      session,
      installer,
      resolveSecret: loaded.resolveSecret,
      ...(sim
        ? { pollIntervalMs: SIM_POLL_MS, retry: SIM_RETRY, kubeRetry: { baseDelayMs: 20, maxDelayMs: 100 } }
        : {}),
    });
    return {
      config,
      provider,
      session,
      graph,
      ...(sim ? { retry: SIM_RETRY } : {}),
      ...(cloud === undefined ? {} : { sim: { cloud, stateDirectory } }),
      async close() {
        await session.close();
        await cloud?.close();
      },
    };
  } catch (error) {
    await cloud?.close();
    throw error;
  }
}
