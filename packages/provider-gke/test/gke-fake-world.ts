import { readFileSync } from 'node:fs';
import { createProviderRegistry, type HubfleetConfig, validateConfigText } from '@hubfleet/core';
import {
  type Clock,
  createCallLog,
  createClock,
  createFaultInjector,
  type createManualClock,
  createServiceAccountKey,
  googleApiAuthenticator,
  startComputeFake,
  startContainerFake,
  startGoogleIamFake,
  startOAuth2Fake,
  startResourceManagerFake,
  startStorageFake,
} from '@hubfleet/testkit';
import { JWT } from 'google-auth-library';
import type { GkeProviderSettings } from '../src/gke-config.js';
import { gkeProvider } from '../src/gke-provider.js';

/**
 * The Rhodes example (default-pool core, user-pool users, one hub) in the simulated project, renamed;
 * `sharedHome` turns the hub's storage into one shared-nfs disk (what the volume stages need);
 * `backupBucket` turns velero on, writing there.
 */
export function rhodesConfig(
  name: string,
  project: string,
  options: { sharedHome?: boolean; location?: string; backupBucket?: string } = {},
): HubfleetConfig<GkeProviderSettings> {
  const text = readFileSync(new URL('../../../examples/gke-rhodes.yaml', import.meta.url), 'utf8');
  const registry = createProviderRegistry([gkeProvider]);
  const { config } = validateConfigText(text, { registry, file: 'gke-rhodes.yaml', checkSecrets: false });
  if (config === undefined) throw new Error('examples/gke-rhodes.yaml should validate');
  const rhodes = config as HubfleetConfig<GkeProviderSettings>;
  return {
    ...rhodes,
    name,
    provider: { ...rhodes.provider, project, ...(options.location ? { location: options.location } : {}) },
    ...(options.backupBucket === undefined
      ? {}
      : {
          tools: {
            ...rhodes.tools,
            backups: { enabled: true, bucket: options.backupBucket, schedule: '0 3 * * *', retain: '720h' },
          },
        }),
    hubs: rhodes.hubs.map((hub) =>
      options.sharedHome ? { ...hub, storage: { ...hub.storage, home: 'shared-nfs', size: '10Gi' } } : hub,
    ),
  };
}

/** A bucket the operator made by hand in `project`: not labelled as a deployment's, unversioned. */
export function operatorBucket(name: string, project: string) {
  return {
    name,
    id: name,
    project,
    projectNumber: '1234',
    location: 'US',
    locationType: 'multi-region' as const,
    storageClass: 'STANDARD',
    labels: { team: 'cs' },
    versioning: false,
    uniformBucketLevelAccess: true,
    uniformSince: 0,
    publicAccessPrevention: 'inherited' as const,
    metageneration: 1,
    timeCreated: 0,
    updated: 0,
    iam: { bindings: [], revision: 1 },
  };
}

/** The container, compute, Cloud Storage, IAM and OAuth2 fakes on a fast real clock, with a service-account key of `project`. */
export async function startGoogleFakes(
  project: string,
  options: {
    projects?: string[];
    clock?: Clock;
    /** Forwarding rules holding an address (by IP), as a load balancer would. */
    addressUsers?: (address: string) => string[];
  } = {},
) {
  const clock = options.clock ?? createClock(200_000);
  const faults = createFaultInjector();
  const callLog = createCallLog();
  const common = { clock, faults, callLog };
  const oauth2 = await startOAuth2Fake(common);
  const key = createServiceAccountKey(oauth2.state, project, `hubfleet@${project}.iam.gserviceaccount.com`);
  const authenticate = googleApiAuthenticator(oauth2.state, clock.now);
  const projects = options.projects ?? [project];
  const container = await startContainerFake({ ...common, authenticate, projects });
  const compute = await startComputeFake({
    ...common,
    authenticate,
    projects,
    ...(options.addressUsers === undefined ? {} : { addressUsers: options.addressUsers }),
  });
  const iam = await startGoogleIamFake({
    ...common,
    authenticate,
    projects,
    workloadPoolExists: (pool) =>
      Object.values(container.state.clusters).some((cluster) => cluster.workloadPool === pool),
  });
  const resourcemanager = await startResourceManagerFake({ ...common, authenticate, projects });
  const storage = await startStorageFake({
    ...common,
    authenticate,
    projects,
    serviceAccountExists: (email) => iam.state.serviceAccounts[email] !== undefined,
  });
  return {
    clock,
    faults,
    callLog,
    key,
    container,
    compute,
    iam,
    resourcemanager,
    storage,
    endpoints: {
      container: container.url,
      compute: compute.url,
      oauth2: oauth2.url,
      storage: storage.url,
      iam: iam.url,
      resourcemanager: resourcemanager.url,
    },
    close: () =>
      Promise.all(
        [oauth2, container, compute, iam, resourcemanager, storage].map((fake) => fake.close()),
      ).then(() => undefined),
  };
}

/**
 * Credentials another tool (gcloud, the console) would hold for the fakes' project: the project's
 * service-account key, its token requests sent to the simulated token endpoint, never to Google.
 */
export function otherToolAuth(fakes: Awaited<ReturnType<typeof startGoogleFakes>>): JWT {
  const auth = new JWT({
    email: fakes.key.client_email,
    key: fakes.key.private_key,
    scopes: ['https://www.googleapis.com/auth/cloud-platform'],
  });
  auth.transporter.interceptors.request.add({
    resolved: async (options) => {
      if (new URL(String(options.url)).hostname === 'oauth2.googleapis.com') {
        options.url = new URL(`${fakes.endpoints.oauth2}/token`);
      }
      return options;
    },
  });
  return auth;
}

/** Move a manual clock on until `work` settles (the provider polls operations until DONE). */
export async function driving<T>(clock: ReturnType<typeof createManualClock>, work: Promise<T>): Promise<T> {
  let settled = false;
  const done = work.finally(() => {
    settled = true;
  });
  while (!settled) {
    clock.advance(60_000);
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
  return done;
}
