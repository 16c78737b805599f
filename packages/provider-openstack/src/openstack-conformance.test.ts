import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startOpenStackSimCloud } from '@hubfleet/testkit';
import { runProviderConformance } from '@hubfleet/testkit/conformance';
import { expect, vi } from 'vitest';
import { stfcConfig } from '../test/stfc-config.js';
import { connectOpenstack } from './openstack-connect.js';
import { openstackProvider } from './openstack-provider.js';

// Starting a sim (the cluster CA, RSA keys for client certificates) takes seconds on a loaded 2-core machine.
vi.setConfig({ hookTimeout: 180_000, testTimeout: 180_000 });

/** Calls the fakes answered with a throttle or a server error, from the sim's call log. */
function faultedCalls(callLogFile: string): number {
  return readFileSync(callLogFile, 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as { status: number })
    .filter((call) => call.status === 429 || call.status >= 500).length;
}

for (const { name, magnum } of [
  { name: 'container-infra 1.14', magnum: undefined },
  { name: 'container-infra 1.10, no nodegroup labels', magnum: '1.10' },
]) {
  const config = stfcConfig(`conformance-${magnum === undefined ? 'new' : 'old'}`);
  // The whole simulated STFC project (Keystone, Magnum, Cinder, Neutron, Octavia and the Magnum
  // cluster's Kubernetes API over TLS) on a fast real clock, with 5% of all calls failing
  // transiently; the suite scripts more throttles, server errors and Magnum's quota error.
  runProviderConformance({
    name: `openstack (${name}) on startOpenStackSimCloud, 5% transient faults`,
    provider: openstackProvider,
    kubernetes: true,
    config,
    quotaFault: { operation: 'magnum.CreateCluster' },
    poll: { attempts: 400, intervalMs: 10 },
    async setup() {
      const stateDirectory = mkdtempSync(join(tmpdir(), 'hubfleet-openstack-conformance-'));
      const cloud = await startOpenStackSimCloud({
        stateDirectory,
        speed: 100_000,
        faults: { rate: 0.05, seed: 11 },
        settings: config.provider,
      });
      const session = await connectOpenstack(
        config,
        {
          configDirectory: process.cwd(),
          simulation: { endpoints: cloud.endpoints, credentials: cloud.credentials },
        },
        {
          pollIntervalMs: 5,
          retryDelayMs: 2,
          ...(magnum === undefined ? {} : { microversionCaps: { 'container-infra': magnum } }),
        },
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
