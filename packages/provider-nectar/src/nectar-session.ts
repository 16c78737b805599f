import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  type ConnectContextV1,
  type HubfleetConfig,
  type ProviderSessionV1,
  type SimulationV1,
  simulationOf,
} from '@hubfleet/core';
import {
  createOpenStackSession,
  credentialsFromEnv,
  loadOpenStackCredentials,
  type OpenStackCredentials,
} from '@hubfleet/openstack-client';
import type { NectarCloud } from './cloud/nectar-cloud.js';
import { nectarCluster } from './cloud/nectar-cluster.js';
import { withRetryableCalls } from './cloud/nectar-errors.js';
import { nectarNodeGroups } from './cloud/nectar-node-groups.js';
import { nectarOperatorAccess } from './cloud/nectar-operator-access.js';
import { provisioner } from './cloud/nectar-provisioning.js';
import { simulatedPrivateKey } from './cloud/nectar-sim-key.js';
import { publicKeyOf, readPrivateKey } from './cloud/nectar-ssh-key.js';
import { nectarStorageNode } from './cloud/nectar-storage-node.js';
import type { StorageState } from './cloud/nectar-storage-state.js';
import { convergeStorage } from './cloud/nectar-storage-vm.js';
import { nectarVolumes } from './cloud/nectar-volumes.js';
import type { NectarProviderSettings } from './nectar-config.js';
import { expandHome } from './nectar-keypair-rules.js';

type Config = HubfleetConfig<NectarProviderSettings>;

/** Test and `--sim` knobs; a real deployment uses none. */
export interface NectarConnectOverrides {
  pollIntervalMs?: number;
  buildTimeoutMs?: number;
}

/**
 * The simulated cloud's credentials, by the names the NeCTAR sim hands out: its clouds.yaml auth
 * fields, and `ssh_private_key_file`, the private key of the key pair its VMs accept (used in
 * place of provider.keypair.privateKeyFile, which exists only on the operator's machine).
 */
function simulatedCredentials(simulation: SimulationV1): OpenStackCredentials {
  const c = simulation.credentials;
  return credentialsFromEnv({
    OS_AUTH_TYPE: 'v3applicationcredential',
    OS_AUTH_URL: c.auth_url ?? `${simulation.endpoints.keystone}/v3`,
    OS_APPLICATION_CREDENTIAL_ID: c.application_credential_id,
    OS_APPLICATION_CREDENTIAL_SECRET: c.application_credential_secret,
    OS_REGION_NAME: c.region_name,
  });
}

/**
 * The private key hubfleet logs in with: provider.keypair.privateKeyFile. A simulated cloud may
 * name its own (`ssh_private_key_file`); without one, and without the configured file on this
 * machine (a clean clone rehearsing with --sim), the fixed simulated key pair.
 */
async function loginKey(
  config: Config,
  configDirectory: string,
  simulation: SimulationV1 | undefined,
): Promise<string> {
  const configured = config.provider.keypair.privateKeyFile;
  if (simulation === undefined) return readPrivateKey(configured, configDirectory);
  const simFile = simulation.credentials.ssh_private_key_file;
  if (simFile !== undefined) return readPrivateKey(simFile, configDirectory);
  if (existsSync(resolve(configDirectory, expandHome(configured)))) {
    return readPrivateKey(configured, configDirectory);
  }
  return simulatedPrivateKey();
}

/** A session on the NeCTAR project (or its simulation): VMs, kubeadm over SSH, the storage node. */
export async function createNectarSession(
  config: Config,
  context: ConnectContextV1,
  overrides: NectarConnectOverrides = {},
): Promise<ProviderSessionV1> {
  const simulation = simulationOf(context);
  const credentials = simulation
    ? simulatedCredentials(simulation)
    : loadOpenStackCredentials({
        ...(config.provider.cloud ? { cloud: config.provider.cloud } : {}),
        cwd: context.configDirectory,
      });
  const openstack = createOpenStackSession({ credentials });
  const [compute, network, volume, image] = await Promise.all([
    openstack.service('compute'),
    openstack.service('network'),
    openstack.service('block-storage'),
    openstack.service('image'),
  ]);
  const privateKey = await loginKey(config, context.configDirectory, simulation);
  const cloud: NectarCloud = {
    config,
    compute,
    network,
    volume,
    image,
    privateKey,
    loginUser: 'ubuntu',
    pollIntervalMs: overrides.pollIntervalMs ?? (simulation ? 50 : 5000),
    buildTimeoutMs: overrides.buildTimeoutMs ?? 15 * 60_000,
    signal: context.signal,
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  };
  const provision = provisioner(cloud, publicKeyOf(privateKey));
  const storage: StorageState = {};
  return {
    cluster: withRetryableCalls(nectarCluster(cloud, provision)),
    nodeGroups: withRetryableCalls(nectarNodeGroups(cloud, provision)),
    volumes: withRetryableCalls(
      nectarVolumes(cloud, storage, () => convergeStorage(cloud, provision, storage)),
    ),
    addons: () => [],
    resources: () => [
      withRetryableCalls(nectarOperatorAccess(cloud)),
      withRetryableCalls(nectarStorageNode(cloud, provision, storage)),
    ],
    close: async () => undefined,
  };
}
