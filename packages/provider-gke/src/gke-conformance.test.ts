import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startGkeSimCloud } from '@hubfleet/testkit';
import { runProviderConformance } from '@hubfleet/testkit/conformance';
import { expect, vi } from 'vitest';
import { rhodesConfig } from '../test/gke-fake-world.js';
import { connectGke } from './gke-connect.js';
import { gkeProvider } from './gke-provider.js';

const PROJECT = 'hubfleet-sim';

// Starting a sim (an RSA key, a cluster CA, cold SDK imports) takes seconds on a loaded 2-core machine.
vi.setConfig({ hookTimeout: 180_000, testTimeout: 180_000 });

/** Calls the fakes answered with a throttle or a server error, from the sim's call log. */
function faultedCalls(callLogFile: string): number {
  return readFileSync(callLogFile, 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as { status: number })
    .filter((call) => call.status === 429 || call.status >= 500).length;
}

for (const { name, location } of [
  { name: 'zonal', location: 'us-central1-a' },
  { name: 'regional', location: 'us-central1' },
]) {
  const config = rhodesConfig(`conformance-${name}`, PROJECT, { sharedHome: true, location });
  // The whole simulated project (container, compute, OAuth2, Kubernetes) on a fast real clock, with
  // 5% of all calls failing transiently; the suite scripts more throttles, server errors and the quota
  // error (on CreateCluster) through the sim's FaultInjector.
  runProviderConformance({
    name: `gke (${name}) on startGkeSimCloud, 5% transient faults`,
    provider: gkeProvider,
    // The sim's Kubernetes API serves the cluster, its Nodes following the node pools.
    kubernetes: true,
    config,
    quotaFault: { operation: 'container.CreateCluster' },
    poll: { attempts: 400, intervalMs: 10 },
    async setup() {
      const stateDirectory = mkdtempSync(join(tmpdir(), 'hubfleet-gke-conformance-'));
      const cloud = await startGkeSimCloud({
        stateDirectory,
        speed: 100_000,
        faults: { rate: 0.05, seed: 11 },
      });
      const session = await connectGke(
        config,
        {
          configDirectory: process.cwd(),
          simulation: { endpoints: cloud.endpoints, credentials: cloud.credentials },
        },
        { pollIntervalMs: 5, retryDelayMs: 2 },
      );
      return {
        session,
        faults: cloud.faults,
        teardown: async () => {
          await cloud.close();
          const faulted = faultedCalls(cloud.callLogFile);
          rmSync(stateDirectory, { recursive: true, force: true });
          expect(faulted, 'transient faults the sim injected and the provider rode out').toBeGreaterThan(0);
        },
      };
    },
  });
}
