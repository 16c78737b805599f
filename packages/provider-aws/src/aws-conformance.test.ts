import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createProviderRegistry, type HubfleetConfig, validateConfigText } from '@hubfleet/core';
import {
  createCallLog,
  createFaultInjector,
  createManualClock,
  startAwsSimCloud,
  startEc2Fake,
  startEksFake,
  startIamFake,
  startS3Fake,
  startStsFake,
} from '@hubfleet/testkit';
import { runProviderConformance } from '@hubfleet/testkit/conformance';
import { ConfiguredRetryStrategy } from '@smithy/util-retry';
import { expect } from 'vitest';
import type { AwsProviderSettings } from './aws-config.js';
import { connectAws } from './aws-connect.js';
import { awsProvider } from './aws-provider.js';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

/** The quickstart example (tools, core and users nodegroups, one shared-nfs hub, a new VPC), renamed. */
function conformanceConfig(name: string): HubfleetConfig<AwsProviderSettings> {
  const text = readFileSync(new URL('../../../examples/quickstart.yaml', import.meta.url), 'utf8');
  const registry = createProviderRegistry([awsProvider]);
  const { config } = validateConfigText(text, { registry, file: 'quickstart.yaml', checkSecrets: false });
  if (config === undefined) throw new Error('examples/quickstart.yaml should validate');
  return { ...(config as HubfleetConfig<AwsProviderSettings>), name };
}

/** SDK retries in milliseconds, so injected faults cost no time. */
const fastRetries = () => new ConfiguredRetryStrategy(3, 1);

const simConfig = conformanceConfig('conformance-sim');

/** Calls the fakes answered with a throttle or a server error, from the sim's call log. */
function faultedCalls(callLogFile: string): number {
  return readFileSync(callLogFile, 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as { status: number })
    .filter((call) => call.status === 429 || call.status >= 500).length;
}

// The whole simulated account, as `hubfleet --sim` runs it: real clock at a high speed, so settling
// is a short real wait, and 5% of all calls fail with a transient fault (the sim's FaultPlan), which
// the SDK's retries absorb; the suite scripts further throttles, server errors and the quota error
// through the sim's FaultInjector.
runProviderConformance({
  name: 'aws on startAwsSimCloud, 5% transient faults',
  provider: awsProvider,
  // The sim's Kubernetes API serves the cluster (EKS token kubeconfig), its Nodes following the EKS
  // nodegroups. The fakes one by one below serve none: their suite has no stage reading it.
  kubernetes: true,
  config: simConfig,
  quotaFault: { operation: 'eks.CreateCluster' },
  poll: { attempts: 200, intervalMs: 5 },
  async setup() {
    const stateDirectory = mkdtempSync(join(tmpdir(), 'hubfleet-aws-conformance-'));
    const cloud = await startAwsSimCloud({ stateDirectory, speed: 100_000, faults: { rate: 0.05, seed: 7 } });
    const session = await connectAws(
      simConfig,
      {
        configDirectory: process.cwd(),
        simulation: { endpoints: cloud.endpoints, credentials: cloud.credentials },
      },
      { retryStrategy: new ConfiguredRetryStrategy(8, 1) },
    );
    return {
      session,
      faults: cloud.faults,
      settle: () => new Promise((resolve) => setTimeout(resolve, 5)),
      teardown: async () => {
        await cloud.close();
        const faulted = faultedCalls(cloud.callLogFile);
        rmSync(stateDirectory, { recursive: true, force: true });
        expect(faulted, 'transient faults the sim injected and the provider rode out').toBeGreaterThan(0);
      },
    };
  },
});

const fakesConfig = conformanceConfig('conformance');

// The same fakes one by one, on a manual clock and sharing a FaultInjector and call log, so every
// stage runs, the transient-fault and quota stages included.
runProviderConformance({
  name: 'aws on the AWS fakes with a manual clock and injected faults',
  provider: awsProvider,
  config: fakesConfig,
  quotaFault: { operation: 'eks.CreateCluster' },
  async setup() {
    const clock = createManualClock(Date.now());
    const faults = createFaultInjector();
    const callLog = createCallLog();
    const common = { clock, faults, callLog };
    const region = fakesConfig.provider.region;
    const fakes = [
      await startEksFake({ ...common, region }),
      await startEc2Fake({ ...common, region }),
      await startIamFake(common),
      await startStsFake(common),
      await startS3Fake({ ...common, region }),
    ];
    const simulatedEndpoints = Object.fromEntries(fakes.map((fake) => [fake.name, fake.url]));
    const session = await connectAws(
      fakesConfig,
      { configDirectory: process.cwd(), simulatedEndpoints },
      {
        credentials: { accessKeyId: 'AKIAHUBFLEETTEST0001', secretAccessKey: 'test-secret' },
        retryStrategy: fastRetries(),
      },
    );
    return {
      session,
      faults,
      callLog,
      // Fakes apply due transitions before each request: moving the clock is enough.
      settle: async () => clock.advance(60 * 60_000),
      teardown: async () => {
        await Promise.all(fakes.map((fake) => fake.close()));
      },
    };
  },
});
