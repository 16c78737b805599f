import { readCallLog } from '../framework/call-log.js';
import type { FaultInjector, FaultPlan } from '../framework/faults.js';
import type { RunningService } from '../framework/http-service.js';
import { createCertificateAuthority } from '../framework/pki.js';
import { createStateStore } from '../framework/state-store.js';
import { startComputeFake } from '../gke/compute/compute-fake.js';
import { startContainerFake } from '../gke/container/container-fake.js';
import { settleContainer } from '../gke/container/container-operations.js';
import type { ContainerState } from '../gke/container/container-state.js';
import { startGoogleIamFake } from '../gke/iam/iam-fake.js';
import { DEFAULT_MACHINE_TYPES, type MachineTypeRecord } from '../gke/machine-types.js';
import { googleApiAuthenticator } from '../gke/oauth2/oauth2-authenticate.js';
import { startOAuth2Fake } from '../gke/oauth2/oauth2-fake.js';
import {
  createServiceAccountKey,
  isValidAccessToken,
  type ServiceAccountKey,
} from '../gke/oauth2/oauth2-state.js';
import { startResourceManagerFake } from '../gke/resource-manager/resource-manager-fake.js';
import { startStorageFake } from '../gke/storage/storage-fake.js';
import { clusterIncarnation } from './cluster-incarnation.js';
import { addressUsersIn, diskUsersIn, requestedAddress, reservedAddressNamed } from './gke-cloud-users.js';
import { nodeGroupsFromGke } from './gke-node-pools.js';
import { gkeSimInventory } from './gke-sim-inventory.js';
import type { SimCloud, SimCloudStartOptions } from './sim-cloud.js';
import { simCloudBase, simCloudRecord, simKubernetesStore, startSimKubernetes } from './sim-cloud-base.js';

export const GKE_SIM_PROJECT = 'hubfleet-sim';
/** GKE's Service range for new clusters (Standard 1.29+): the simulated clusters report it and their API serves it. */
export const GKE_SERVICES_CIDR = '34.118.224.0/20';
export const GKE_SIM_SERVICE_ACCOUNT = `hubfleet@${GKE_SIM_PROJECT}.iam.gserviceaccount.com`;

/** Where the simulated project is when neither the options nor the config say. */
export const DEFAULT_SIM_GKE_LOCATION = 'us-central1-a';

export interface GkeSimCloudOptions extends SimCloudStartOptions {
  /** The project the simulated credentials hold a role on; else the config's `provider.project`, else hubfleet-sim. */
  project?: string;
  /** Faults to inject, scripted ones included; `faultRate`/`faultSeed` fill its rate and seed when it has none. */
  faults?: FaultPlan;
  /** Machine types the project offers. @default DEFAULT_MACHINE_TYPES */
  machineTypes?: readonly MachineTypeRecord[];
}

export interface GkeSimCloud extends SimCloud {
  readonly provider: 'gke';
  readonly endpoints: Record<
    'container' | 'compute' | 'oauth2' | 'kubernetes' | 'storage' | 'iam' | 'resourcemanager',
    string
  >;
  readonly project: string;
  /**
   * A service-account key of the project, field by field as the key file has them (`client_email`,
   * `private_key`, `token_uri`, …): what `GOOGLE_APPLICATION_CREDENTIALS` would name. Made for this
   * state directory, valid only against this sim.
   */
  readonly credentials: ServiceAccountKey & Readonly<Record<string, string>>;
  readonly faults: FaultInjector;
}

function settingOf(options: GkeSimCloudOptions, key: 'project' | 'location'): string | undefined {
  const value = (options.settings as Record<string, unknown> | undefined)?.[key];
  return typeof value === 'string' ? value : undefined;
}

/** Which clusters exist, by name and creation time: a re-created cluster gets a fresh Kubernetes API. */
function incarnationOf(state: ContainerState, now: number): string {
  settleContainer(state, now);
  return clusterIncarnation(
    Object.values(state.clusters).map(({ name, createTime }) => ({ name, created: createTime })),
  );
}

/**
 * A simulated Google Cloud project on loopback: GKE (container v1), Compute Engine, Cloud Storage
 * (JSON API), IAM (service accounts), Cloud Resource Manager (the project's IAM policy), the OAuth2 token endpoint and the Kubernetes API of its
 * cluster. The Kubernetes API accepts only access tokens the token endpoint issued (as GKE does);
 * Nodes follow the node pools; a LoadBalancer Service asking for a reserved address gets it (and the
 * address shows IN_USE); a disk mounted by a pod is attached.
 */
export async function startGkeSimCloud(options: GkeSimCloudOptions): Promise<GkeSimCloud> {
  const base = simCloudBase(options);
  const { clock, common, stateFile } = base;
  const project = options.project ?? settingOf(options, 'project') ?? GKE_SIM_PROJECT;
  const location = options.region ?? settingOf(options, 'location') ?? DEFAULT_SIM_GKE_LOCATION;
  const machineTypes = options.machineTypes ?? DEFAULT_MACHINE_TYPES;

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
  const kubernetesStore = simKubernetesStore(base);
  const container = await startContainerFake({
    ...common,
    stateFile: stateFile('container'),
    projects: [project],
    authenticate,
    machineTypes,
    clusterCaPem: caStore.state.certificatePem,
    servicesIpv4Cidr: GKE_SERVICES_CIDR,
  });
  // IAM knows a project's Workload Identity pool once a cluster of the project has it on.
  const iam = await startGoogleIamFake({
    ...common,
    stateFile: stateFile('iam'),
    projects: [project],
    authenticate,
    workloadPoolExists: (pool) => {
      settleContainer(container.state, clock.now());
      return Object.values(container.state.clusters).some((cluster) => cluster.workloadPool === pool);
    },
  });
  // Cloud Resource Manager: the project's own IAM policy (velero's role for disk snapshots).
  const resourcemanager = await startResourceManagerFake({
    ...common,
    stateFile: stateFile('resourcemanager'),
    projects: [project],
    authenticate,
  });
  // Cloud Storage holds the deployment lock: shared by every process on this state, as one real bucket is.
  const storage = await startStorageFake({
    ...common,
    stateFile: stateFile('storage'),
    shareState: true,
    projects: [project],
    authenticate,
    serviceAccountExists: (email) => iam.state.serviceAccounts[email] !== undefined,
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
      const named = (name: string) => reservedAddressNamed(compute.state, project, name);
      return [...regions].flatMap((each) =>
        addressUsersIn(kubernetesStore.state, project, each, address, named),
      );
    },
  });
  const kubernetes = await startSimKubernetes(
    base,
    kubernetesStore,
    {
      // The cluster's API server allocates Service IPs from the range its GKE cluster reports.
      serviceCidr: GKE_SERVICES_CIDR,
      nodeGroups: () => {
        settleContainer(container.state, clock.now());
        return nodeGroupsFromGke(container.state, machineTypes, options.capacityOf);
      },
      // GKE gives a Service the reserved address it asks for (by name in the annotation, or by IP),
      // else an ephemeral one.
      loadBalancerIngress: (service, index) => {
        const asked = requestedAddress(service, (name) => reservedAddressNamed(compute.state, project, name));
        return { ip: asked ?? `34.72.${Math.floor(index / 250)}.${10 + (index % 250)}` };
      },
      // The cluster's API server takes Google OAuth access tokens (what gke-gcloud-auth-plugin gets).
      authenticate: (token) => isValidAccessToken(oauth2.state, token, clock.now()),
    },
    () => incarnationOf(container.state, clock.now()),
  );
  const services: RunningService[] = [
    oauth2,
    container,
    compute,
    iam,
    resourcemanager,
    storage,
    kubernetes.service,
  ];
  return {
    provider: 'gke',
    region: location,
    endpoints: {
      container: container.url,
      compute: compute.url,
      oauth2: oauth2.url,
      kubernetes: kubernetes.service.url,
      storage: storage.url,
      iam: iam.url,
      resourcemanager: resourcemanager.url,
    },
    project,
    credentials: { ...credentials },
    ...simCloudRecord(base, services),
    inventory: async () => {
      kubernetes.sync();
      return gkeSimInventory({
        region: location,
        container: container.state,
        compute: compute.state,
        iam: iam.state,
        kubernetes: kubernetesStore.state,
        calls: readCallLog(base.callLogFile),
        now: clock.now(),
      });
    },
  };
}
