import { CreateSubnetCommand, CreateVpcCommand, EC2Client } from '@aws-sdk/client-ec2';
import type { NodeGroupConfig } from '@hubfleet/core';
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
import {
  type AwsConfig,
  TEST_CREDENTIALS as CREDENTIALS,
  quickstartConfig as quickstart,
} from '../test/aws-fake-world.js';
import { connectAws } from './aws-connect.js';
import type { AwsProviderSession } from './aws-session.js';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

/**
 * The same names, new resources: a nodegroup replaced under its name, a cluster made again after
 * `down` on the same subnets. Each create is a new request with its own token (the SDK's), so EKS,
 * which keeps tokens after deletion, takes it as new rather than refusing or replaying the old one.
 */
describe('creates of a new resource under an old name', () => {
  const clock = createManualClock(Date.now());
  let eks: RunningEksFake;
  let closers: (() => Promise<void>)[] = [];
  let config: AwsConfig;
  let endpoints: Record<string, string>;

  beforeEach(async () => {
    const common = { clock, faults: createFaultInjector(), callLog: createCallLog() };
    const region = 'us-west-2';
    const ec2 = await startEc2Fake({ ...common, region });
    eks = await startEksFake({ ...common, region });
    const fakes = [ec2, eks, await startIamFake(common), await startStsFake(common)];
    closers = fakes.map((fake) => () => fake.close());
    endpoints = Object.fromEntries(fakes.map((fake) => [fake.name, fake.url]));
    const client = new EC2Client({ endpoint: ec2.url, region, credentials: CREDENTIALS });
    const { Vpc } = await client.send(new CreateVpcCommand({ CidrBlock: '10.0.0.0/16' }));
    const subnetIds: string[] = [];
    for (const [index, zone] of ['a', 'b'].entries()) {
      const { Subnet } = await client.send(
        new CreateSubnetCommand({
          VpcId: Vpc?.VpcId,
          CidrBlock: `10.0.${index}.0/24`,
          AvailabilityZone: `${region}${zone}`,
        }),
      );
      subnetIds.push(Subnet?.SubnetId ?? '');
    }
    client.destroy();
    const base = quickstart('again');
    config = { ...base, provider: { ...base.provider, region, network: { subnetIds } } };
  });

  afterEach(async () => {
    await Promise.all(closers.map((close) => close()));
  });

  const settle = () => clock.advance(60 * 60_000);

  async function connect(): Promise<AwsProviderSession> {
    const session = await connectAws(
      config,
      { configDirectory: process.cwd(), simulatedEndpoints: endpoints },
      { credentials: CREDENTIALS, retryStrategy: new ConfiguredRetryStrategy(3, 1), retryDelayMs: 1 },
    );
    closers.push(() => session.close());
    return session;
  }

  it('replaces a nodegroup under its name with the new parameters', async () => {
    const session = await connect();
    await session.cluster.create();
    settle();
    const users = config.cluster.nodeGroups.find((group) => group.role === 'users') as NodeGroupConfig;
    await session.nodeGroups.create(users);
    const first = eks.state.clusters.again?.nodegroups[`again-${users.name}`];
    settle();
    const replacement = { ...users, instanceType: 'm6i.2xlarge' };
    expect(session.nodeGroups.requiresReplacement(replacement, (await session.nodeGroups.list())[0]!)).toBe(
      true,
    );
    await session.nodeGroups.delete(users.name);
    settle();
    await session.nodeGroups.create(replacement);
    const second = eks.state.clusters.again?.nodegroups[`again-${users.name}`];
    expect(second?.instanceTypes).toEqual(['m6i.2xlarge']);
    expect(second?.clientRequestToken).toBeDefined();
    expect(second?.clientRequestToken).not.toBe(first?.clientRequestToken);
  });

  it('creates the cluster again after down', async () => {
    const session = await connect();
    await session.cluster.create();
    const first = eks.state.clusters.again?.clientRequestToken;
    settle();
    await session.cluster.delete();
    settle();
    await session.cluster.delete();
    expect(eks.state.clusters).toEqual({});
    await session.cluster.create();
    expect(eks.state.clusters.again?.status).toBe('CREATING');
    expect(eks.state.clusters.again?.clientRequestToken).not.toBe(first);
  });
});
