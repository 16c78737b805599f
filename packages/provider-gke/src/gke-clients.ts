// Each client from its own module, not the packages' entry points: `@google-cloud/compute`'s index
// loads every client of three API versions and a 30 MB generated `protos.js` (container's, 12 MB)
// that only its types need, about 3.5 s of CPU per `hubfleet` process against 1 s for these
// (measured with `process.cpuUsage()` around the imports). The packages have no `exports` map, so
// these paths are theirs to load; `import type { protos }` from the entry points stays type-only.
import { AddressesClient } from '@google-cloud/compute/build/src/v1/addresses_client.js';
import { DisksClient } from '@google-cloud/compute/build/src/v1/disks_client.js';
import { GlobalOperationsClient } from '@google-cloud/compute/build/src/v1/global_operations_client.js';
import { MachineTypesClient } from '@google-cloud/compute/build/src/v1/machine_types_client.js';
import { RegionOperationsClient } from '@google-cloud/compute/build/src/v1/region_operations_client.js';
import { SnapshotsClient } from '@google-cloud/compute/build/src/v1/snapshots_client.js';
import { ZoneOperationsClient } from '@google-cloud/compute/build/src/v1/zone_operations_client.js';
import { ClusterManagerClient } from '@google-cloud/container/build/src/v1/cluster_manager_client.js';
import { HubfleetError } from '@hubfleet/core';
import type { AuthClient } from 'google-auth-library';

/** The SDK clients of one session. */
export interface GkeClients {
  clusters: ClusterManagerClient;
  disks: DisksClient;
  snapshots: SnapshotsClient;
  addresses: AddressesClient;
  machineTypes: MachineTypesClient;
  zoneOperations: ZoneOperationsClient;
  regionOperations: RegionOperationsClient;
  globalOperations: GlobalOperationsClient;
  auth: AuthClient;
  /**
   * Where the REST APIs hubfleet calls with authorized requests (no SDK on Node 20 fits) are:
   * Cloud Storage's JSON API, IAM and Cloud Resource Manager (`https://storage.googleapis.com`,
   * `https://iam.googleapis.com`, `https://cloudresourcemanager.googleapis.com`).
   */
  rest: Record<GoogleRestService, string>;
  /** The simulated cluster API, which stands in for the cluster's endpoint in sim mode. */
  simulatedKubernetes?: string;
  simulated: boolean;
  close(): Promise<void>;
}

/** The Google REST APIs hubfleet calls without an SDK (see `gke-rest.ts`). */
export type GoogleRestService = 'storage' | 'iam' | 'resourcemanager';

const SIMULATED_SERVICES = [
  'container',
  'compute',
  'oauth2',
  'kubernetes',
  'storage',
  'iam',
  'resourcemanager',
] as const;

const GOOGLE_REST: Readonly<Record<GoogleRestService, string>> = {
  storage: 'https://storage.googleapis.com',
  iam: 'https://iam.googleapis.com',
  resourcemanager: 'https://cloudresourcemanager.googleapis.com',
};

/** The base URL of a REST API: Google's, or the simulated project's. */
function restBase(service: GoogleRestService, simulated?: Readonly<Record<string, string>>): string {
  if (simulated === undefined) return GOOGLE_REST[service];
  const { protocol } = at(simulated, service);
  return `${protocol}://${new URL(simulated[service] as string).host}`;
}

/** Where a simulated service listens, as the SDKs' REST mode takes it (plain HTTP on loopback). */
function at(endpoints: Readonly<Record<string, string>>, service: (typeof SIMULATED_SERVICES)[number]) {
  const url = endpoints[service];
  if (url === undefined) {
    throw new HubfleetError({
      kind: 'internal',
      message: `the simulated Google Cloud project has no ${service} endpoint`,
      hint: `the simulation's endpoints need ${SIMULATED_SERVICES.join(', ')} (startGkeSimCloud gives them all)`,
    });
  }
  const { hostname, port } = new URL(url);
  return { protocol: 'http', apiEndpoint: hostname, port: Number(port) };
}

/**
 * Clients for Google Cloud, or for the simulated project at `simulated`. GKE in REST fallback mode
 * (HTTP/1.1 JSON, numeric enums); compute is REST-only. `universeDomain` and `authClient` are
 * always given, so no client goes looking for default credentials or the metadata server.
 */
export function createGkeClients(auth: AuthClient, simulated?: Readonly<Record<string, string>>): GkeClients {
  // google-gax pins its own google-auth-library (10.5.0) next to ours (^10.9): the classes are the
  // same at run time, but TypeScript compares their protected members nominally.
  const authClient = auth as unknown as NonNullable<
    ConstructorParameters<typeof DisksClient>[0]
  >['authClient'];
  const common = { authClient, universeDomain: 'googleapis.com' };
  const gke = simulated === undefined ? common : { ...common, ...at(simulated, 'container') };
  const compute = simulated === undefined ? common : { ...common, ...at(simulated, 'compute') };
  // Each client is made on first use: making one hashes the API's whole proto JSON (compute's is
  // 12 MB) to find its cached definitions, and a run rarely needs all eight.
  const made: { close(): Promise<void> }[] = [];
  const lazily = <T extends { close(): Promise<void> }>(make: () => T): (() => T) => {
    let client: T | undefined;
    return () => {
      if (client === undefined) {
        client = make();
        made.push(client);
      }
      return client;
    };
  };
  const clusters = lazily(() => new ClusterManagerClient({ ...gke, fallback: true }));
  const disks = lazily(() => new DisksClient(compute));
  const snapshots = lazily(() => new SnapshotsClient(compute));
  const addresses = lazily(() => new AddressesClient(compute));
  const machineTypes = lazily(() => new MachineTypesClient(compute));
  const zoneOperations = lazily(() => new ZoneOperationsClient(compute));
  const regionOperations = lazily(() => new RegionOperationsClient(compute));
  const globalOperations = lazily(() => new GlobalOperationsClient(compute));
  return {
    get clusters() {
      return clusters();
    },
    get disks() {
      return disks();
    },
    get snapshots() {
      return snapshots();
    },
    get addresses() {
      return addresses();
    },
    get machineTypes() {
      return machineTypes();
    },
    get zoneOperations() {
      return zoneOperations();
    },
    get regionOperations() {
      return regionOperations();
    },
    get globalOperations() {
      return globalOperations();
    },
    auth,
    rest: {
      storage: restBase('storage', simulated),
      iam: restBase('iam', simulated),
      resourcemanager: restBase('resourcemanager', simulated),
    },
    simulated: simulated !== undefined,
    ...(simulated?.kubernetes === undefined ? {} : { simulatedKubernetes: simulated.kubernetes }),
    close: async () => {
      await Promise.all(made.map((client) => client.close()));
    },
  };
}
