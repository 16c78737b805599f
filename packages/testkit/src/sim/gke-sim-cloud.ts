import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createCallLog } from '../framework/call-log.js';
import { createClock } from '../framework/clock.js';
import { createFaultInjector, type FaultInjector, type FaultPlan } from '../framework/faults.js';
import { type RunningService, startService } from '../framework/http-service.js';
import { createCertificateAuthority } from '../framework/pki.js';
import { createStateStore } from '../framework/state-store.js';
import { startComputeFake } from '../gke/compute/compute-fake.js';
import { startContainerFake } from '../gke/container/container-fake.js';
import { settleContainer } from '../gke/container/container-operations.js';
import type { ContainerState } from '../gke/container/container-state.js';
import { DEFAULT_MACHINE_TYPES, type MachineTypeRecord } from '../gke/machine-types.js';
import { googleApiAuthenticator } from '../gke/oauth2/oauth2-authenticate.js';
import { startOAuth2Fake } from '../gke/oauth2/oauth2-fake.js';
import {
  createServiceAccountKey,
  isValidAccessToken,
  type ServiceAccountKey,
} from '../gke/oauth2/oauth2-state.js';
import { createKubernetesFake, emptyKubernetesState, type KubernetesState } from '../kubernetes/index.js';
import { tieKubernetesToCloud } from './cluster-incarnation.js';
import { addressUsersIn, diskUsersIn } from './gke-cloud-users.js';
import { nodeGroupsFromGke } from './gke-node-pools.js';

export const GKE_SIM_PROJECT = 'hubfleet-sim';
export const GKE_SIM_SERVICE_ACCOUNT = `hubfleet@${GKE_SIM_PROJECT}.iam.gserviceaccount.com`;

export interface GkeSimCloudOptions {
  stateDirectory: string;
  /** Modelled durations are divided by this. @default 1 */
  speed?: number;
  /** The project the simulated credentials hold a role on. @default hubfleet-sim */
  project?: string;
  faults?: FaultPlan;
  machineTypes?: readonly MachineTypeRecord[];
}

export interface GkeSimCloud {
  endpoints: Record<'container' | 'compute' | 'oauth2' | 'kubernetes', string>;
  project: string;
  /** A service-account key file for the project, as `GOOGLE_APPLICATION_CREDENTIALS` names one. */
  credentials: ServiceAccountKey;
  callLogFile: string;
  faults: FaultInjector;
  close(): Promise<void>;
}

/** Which clusters exist, by name and creation time: a re-created cluster gets a fresh Kubernetes API. */
function incarnationOf(state: ContainerState, now: number): string {
  settleContainer(state, now);
  return Object.values(state.clusters)
    .map((cluster) => `${cluster.name}@${cluster.createTime}`)
    .sort()
    .join(',');
}

/**
 * A simulated Google Cloud project on loopback: GKE (container v1), Compute Engine, the OAuth2
 * token endpoint and the Kubernetes API of its cluster. The Kubernetes API accepts only access tokens
 * the token endpoint issued (as GKE does); Nodes follow the node pools; a LoadBalancer Service asking
 * for a reserved address gets it (and the address shows IN_USE); a disk mounted by a pod is attached.
 */
export async function startGkeSimCloud(options: GkeSimCloudOptions): Promise<GkeSimCloud> {
  const directory = options.stateDirectory;
  mkdirSync(directory, { recursive: true });
  const clock = createClock(options.speed ?? 1);
  const faults = createFaultInjector(options.faults);
  const callLogFile = join(directory, 'calls.jsonl');
  const callLog = createCallLog(callLogFile);
  const project = options.project ?? GKE_SIM_PROJECT;
  const machineTypes = options.machineTypes ?? DEFAULT_MACHINE_TYPES;
  const common = { clock, faults, callLog };
  const stateFile = (name: string) => join(directory, `${name}.json`);

  const oauth2 = await startOAuth2Fake({ ...common, stateFile: stateFile('oauth2') });
  const keyStore = createStateStore<{ key?: ServiceAccountKey }>(
    () => ({}),
    stateFile('service-account-key'),
  );
  keyStore.state.key ??= createServiceAccountKey(
    oauth2.state,
    project,
    GKE_SIM_SERVICE_ACCOUNT,
    `${oauth2.url}/token`,
  );
  keyStore.state.key.token_uri = `${oauth2.url}/token`;
  keyStore.save();
  oauth2.fake.save();
  const credentials = keyStore.state.key;
  const authenticate = googleApiAuthenticator(oauth2.state, clock.now);
  // The clusters' CA outlives the process, as a real cluster's does (and making one takes a while).
  const caStore = createStateStore<{ certificatePem?: string }>(() => ({}), stateFile('cluster-ca'));
  caStore.state.certificatePem ??= (await createCertificateAuthority('gke-cluster')).certificatePem;
  caStore.save();
  const kubernetesStore = createStateStore<KubernetesState>(emptyKubernetesState, stateFile('kubernetes'));
  const container = await startContainerFake({
    ...common,
    stateFile: stateFile('container'),
    projects: [project],
    authenticate,
    machineTypes,
    clusterCaPem: caStore.state.certificatePem,
  });
  const region = (location: string) => /^([a-z]+-[a-z]+\d+)/.exec(location)?.[1] ?? location;
  const compute = await startComputeFake({
    ...common,
    stateFile: stateFile('compute'),
    projects: [project],
    authenticate,
    machineTypes,
    diskUsers: (path) => diskUsersIn(kubernetesStore.state, project, path),
    addressUsers: (address) => {
      const regions = new Set(
        Object.values(container.state.clusters).map((cluster) => region(cluster.location)),
      );
      return [...regions].flatMap((each) => addressUsersIn(kubernetesStore.state, project, each, address));
    },
  });
  const kubernetesFake = createKubernetesFake({
    clock,
    state: kubernetesStore.state,
    onStateChange: () => kubernetesStore.save(),
    nodeGroups: () => {
      settleContainer(container.state, clock.now());
      return nodeGroupsFromGke(container.state, machineTypes);
    },
    // GKE gives a Service the reserved address it asks for, else an ephemeral one.
    loadBalancerIngress: (service, index) => {
      const asked = (service.spec as { loadBalancerIP?: unknown } | undefined)?.loadBalancerIP;
      return {
        ip:
          typeof asked === 'string' && asked !== ''
            ? asked
            : `34.72.${Math.floor(index / 250)}.${10 + (index % 250)}`,
      };
    },
    // The cluster's API server takes Google OAuth access tokens (what gke-gcloud-auth-plugin gets).
    authenticate: (token) => isValidAccessToken(oauth2.state, token, clock.now()),
  });
  kubernetesStore.save();
  const protocol = tieKubernetesToCloud(
    kubernetesFake.protocol,
    kubernetesFake,
    () => incarnationOf(container.state, clock.now()),
    stateFile('kubernetes-incarnation'),
  );
  const kubernetes = await startService(protocol, { clock, faults, callLog });
  const services: RunningService[] = [oauth2, container, compute, kubernetes];
  return {
    endpoints: {
      container: container.url,
      compute: compute.url,
      oauth2: oauth2.url,
      kubernetes: kubernetes.url,
    },
    project,
    credentials,
    callLogFile,
    faults,
    close: async () => {
      await Promise.all(services.map((service) => service.close()));
    },
  };
}
