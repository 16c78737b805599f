import { CreateSubnetCommand, CreateVpcCommand, EC2Client } from '@aws-sdk/client-ec2';
import type { HubConfig } from '@hubfleet/core';
import {
  createCallLog,
  createFaultInjector,
  createManualClock,
  type RunningEksFake,
  startEc2Fake,
  startEksFake,
  startIamFake,
  startStsFake,
} from '@hubfleet/testkit';
import { ConfiguredRetryStrategy } from '@smithy/util-retry';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TEST_CREDENTIALS as CREDENTIALS, quickstartConfig as quickstart } from '../test/aws-fake-world.js';
import { connectAws } from './aws-connect.js';
import type { AwsProviderSession } from './aws-session.js';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

const REGION = 'us-west-2';

describe("hub volumes follow the core nodegroup's zone", () => {
  const clock = createManualClock(Date.now());
  let eks: RunningEksFake;
  let ec2: EC2Client;
  let closers: (() => Promise<void>)[] = [];
  let endpoints: Record<string, string>;
  let vpcId: string;

  beforeEach(async () => {
    const common = { clock, faults: createFaultInjector(), callLog: createCallLog() };
    const ec2Fake = await startEc2Fake({ ...common, region: REGION });
    eks = await startEksFake({ ...common, region: REGION });
    const fakes = [ec2Fake, eks, await startIamFake(common), await startStsFake(common)];
    closers = fakes.map((fake) => () => fake.close());
    endpoints = Object.fromEntries(fakes.map((fake) => [fake.name, fake.url]));
    ec2 = new EC2Client({ endpoint: ec2Fake.url, region: REGION, credentials: CREDENTIALS });
    vpcId = (await ec2.send(new CreateVpcCommand({ CidrBlock: '10.0.0.0/16' }))).Vpc?.VpcId ?? '';
  });

  afterEach(async () => {
    ec2.destroy();
    await Promise.all(closers.map((close) => close()));
  });

  const settle = () => clock.advance(60 * 60_000);

  async function subnetIn(zone: string, index: number): Promise<string> {
    const { Subnet } = await ec2.send(
      new CreateSubnetCommand({
        VpcId: vpcId,
        CidrBlock: `10.0.${index}.0/24`,
        AvailabilityZone: `${REGION}${zone}`,
      }),
    );
    return Subnet?.SubnetId ?? '';
  }

  async function connect(subnetIds: string[]): Promise<AwsProviderSession> {
    const base = quickstart('zones');
    const config = { ...base, provider: { ...base.provider, region: REGION, network: { subnetIds } } };
    const session = await connectAws(
      config,
      { configDirectory: process.cwd(), simulatedEndpoints: endpoints },
      { credentials: CREDENTIALS, retryStrategy: new ConfiguredRetryStrategy(3, 1), retryDelayMs: 1 },
    );
    closers.push(() => session.close());
    return session;
  }

  it('a subnet added later in an earlier zone moves no new volume away from the core nodes', async () => {
    const inB = await subnetIn('b', 1);
    const inC = await subnetIn('c', 2);
    const config = quickstart('zones');
    const first = await connect([inB, inC]);
    await first.cluster.create();
    settle();
    for (const group of config.cluster.nodeGroups) await first.nodeGroups.create(group);
    settle();
    const core = config.cluster.nodeGroups.find((group) => group.role === 'core');
    expect(eks.state.clusters.zones?.nodegroups[`zones-${core?.name}`]?.subnets).toEqual([inB]);
    const hub = config.hubs[0] as HubConfig;
    expect((await first.volumes.create(hub)).zone).toBe(`${REGION}b`);

    const inA = await subnetIn('a', 0);
    const second = await connect([inA, inB, inC]);
    const another: HubConfig = { ...hub, name: 'another' };
    expect((await second.volumes.create(another)).zone, 'where the core nodes are, not the first zone').toBe(
      `${REGION}b`,
    );
  });

  it('before the core nodegroup exists, takes the zone it will be pinned to', async () => {
    const inB = await subnetIn('b', 1);
    const inA = await subnetIn('a', 0);
    const session = await connect([inB, inA]);
    const hub = quickstart('zones').hubs[0] as HubConfig;
    expect((await session.volumes.create(hub)).zone).toBe(`${REGION}a`);
  });
});
