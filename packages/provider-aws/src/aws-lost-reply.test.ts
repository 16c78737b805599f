import { CreateVpcCommand, DeleteTagsCommand, EC2Client } from '@aws-sdk/client-ec2';
import { type HubConfig, OwnershipTag } from '@hubfleet/core';
import {
  type CallLog,
  createCallLog,
  createFaultInjector,
  createManualClock,
  type FaultInjector,
  type RunningEc2Fake,
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

/**
 * "Done, but the reply was lost": the fakes carry out the create, save it, and destroy the socket.
 * Whatever retries (the SDK with its idempotency token, or hubfleet after looking again by tag),
 * exactly one of each resource must result, and `down` must leave none.
 */
describe('creates whose reply is lost', () => {
  let clock: ReturnType<typeof createManualClock>;
  let faults: FaultInjector;
  let callLog: CallLog;
  let ec2: RunningEc2Fake;
  let eks: RunningEksFake;
  let closers: (() => Promise<void>)[] = [];
  let endpoints: Record<string, string> = {};
  const config = quickstart('lost');

  beforeEach(async () => {
    clock = createManualClock(Date.now());
    faults = createFaultInjector();
    callLog = createCallLog();
    const common = { clock, faults, callLog };
    const region = config.provider.region;
    ec2 = await startEc2Fake({ ...common, region });
    eks = await startEksFake({ ...common, region });
    const fakes = [ec2, eks, await startIamFake(common), await startStsFake(common)];
    endpoints = Object.fromEntries(fakes.map((fake) => [fake.name, fake.url]));
    closers = fakes.map((fake) => () => fake.close());
  });

  afterEach(async () => {
    await Promise.all(closers.map((close) => close()));
  });

  const settle = () => clock.advance(60 * 60_000);
  const lose = (operation: string) => faults.script({ operation, fault: 'lost-reply', times: 1 });
  const state = () => ec2.fake.state;
  const owned = (records: Record<string, { tags: Record<string, string> }>) =>
    Object.values(records).filter((record) => record.tags[OwnershipTag.deployment] === 'lost');
  const lostReplies = () => callLog.calls.filter((call) => call.replyLost).map((call) => call.operation);

  async function connect(): Promise<AwsProviderSession> {
    const session = await connectAws(
      config,
      { configDirectory: process.cwd(), simulatedEndpoints: endpoints },
      { credentials: CREDENTIALS, retryStrategy: new ConfiguredRetryStrategy(3, 1), retryDelayMs: 1 },
    );
    closers.push(() => session.close());
    return session;
  }

  it('are made once each, and down removes every one', async () => {
    for (const operation of [
      'ec2.CreateVpc',
      'ec2.CreateInternetGateway',
      'ec2.CreateSubnet',
      'eks.CreateCluster',
    ])
      lose(operation);
    const session = await connect();
    await session.cluster.create();
    settle();
    lose('eks.CreateNodegroup');
    for (const group of config.cluster.nodeGroups) await session.nodeGroups.create(group);
    lose('ec2.CreateVolume');
    await session.volumes.create(config.hubs[0] as HubConfig);
    expect(lostReplies().sort()).toEqual([
      'CreateCluster',
      'CreateInternetGateway',
      'CreateNodegroup',
      'CreateSubnet',
      'CreateVolume',
      'CreateVpc',
    ]);

    expect(owned(state().vpcs)).toHaveLength(1);
    expect(Object.values(state().internetGateways)).toHaveLength(1);
    expect(owned(state().subnets)).toHaveLength(config.provider.network.create?.zones ?? 0);
    expect(Object.keys(eks.state.clusters)).toEqual(['lost']);
    expect(Object.keys(eks.state.clusters.lost?.nodegroups ?? {})).toHaveLength(
      config.cluster.nodeGroups.length,
    );
    expect(Object.values(state().volumes)).toHaveLength(1);

    settle();
    for (const group of config.cluster.nodeGroups) await session.nodeGroups.delete(group.name);
    settle();
    await session.cluster.delete();
    settle();
    await session.cluster.delete();
    for (const volume of await session.volumes.list()) await session.volumes.delete(volume);
    settle();
    expect(eks.state.clusters).toEqual({});
    expect(state().vpcs).toEqual({});
    expect(state().subnets).toEqual({});
    expect(state().internetGateways).toEqual({});
    expect(state().routeTables).toEqual({});
    expect(await session.volumes.list()).toEqual([]);
  });

  it("attach, route and association whose reply was lost are this deployment's own: done, not a conflict", async () => {
    for (const operation of ['ec2.AttachInternetGateway', 'ec2.CreateRoute', 'ec2.AssociateRouteTable'])
      lose(operation);
    const session = await connect();
    await session.cluster.create();
    expect(lostReplies().sort()).toEqual(['AssociateRouteTable', 'AttachInternetGateway', 'CreateRoute']);
    const gateways = Object.values(state().internetGateways);
    expect(gateways).toHaveLength(1);
    expect(gateways.map((gateway) => gateway.attachedVpcId)).toEqual(
      owned(state().vpcs).map((vpc) => vpc.vpcId),
    );
  });

  it('network steps at once (cluster reconcile, volume and nodegroup ensure) run one reconcile at a time', async () => {
    const session = await connect();
    await Promise.all([
      session.cluster.create(),
      session.volumes.create(config.hubs[0] as HubConfig),
      session.cluster.create(),
    ]);
    const attaches = callLog.calls.filter((call) => call.operation === 'AttachInternetGateway');
    expect(attaches.map((call) => call.status)).toEqual([200]);
    expect(owned(state().vpcs)).toHaveLength(1);
  });

  it('that made a subnet but left it untagged: InvalidSubnet.Conflict in our VPC adopts and tags it', async () => {
    const session = await connect();
    await session.cluster.create();
    const [first] = owned(state().subnets).sort((a, b) =>
      a.availabilityZone.localeCompare(b.availabilityZone),
    );
    const client = new EC2Client({
      endpoint: ec2.url,
      region: config.provider.region,
      credentials: CREDENTIALS,
    });
    await client.send(
      new DeleteTagsCommand({
        Resources: [first?.subnetId ?? ''],
        Tags: [{ Key: OwnershipTag.deployment }, { Key: OwnershipTag.component }],
      }),
    );
    client.destroy();
    const mark = callLog.calls.length;
    await session.cluster.create();
    const mutations = callLog.calls.slice(mark).filter((call) => call.mutating);
    expect(mutations.map((call) => [call.operation, call.status])).toEqual([
      ['CreateSubnet', 400],
      ['CreateTags', 200],
    ]);
    expect(Object.keys(state().subnets)).toHaveLength(2);
    expect(owned(state().subnets).map((subnet) => subnet.subnetId)).toContain(first?.subnetId);
  });

  it('that left two VPCs is a conflict naming both, and down deletes both', async () => {
    const client = new EC2Client({
      endpoint: ec2.url,
      region: config.provider.region,
      credentials: CREDENTIALS,
    });
    const tags = [
      { Key: OwnershipTag.deployment, Value: 'lost' },
      { Key: OwnershipTag.component, Value: 'network' },
    ];
    const ids: string[] = [];
    for (let copy = 0; copy < 2; copy++) {
      const { Vpc } = await client.send(
        new CreateVpcCommand({
          CidrBlock: '10.40.0.0/16',
          TagSpecifications: [{ ResourceType: 'vpc', Tags: tags }],
        }),
      );
      ids.push(Vpc?.VpcId ?? '');
    }
    client.destroy();
    const session = await connect();
    const error = await session.cluster.create().catch((caught: unknown) => caught);
    expect(error).toMatchObject({ kind: 'conflict', message: expect.stringContaining(ids.join(', ')) });
    await session.cluster.delete();
    expect(state().vpcs).toEqual({});
  });
});
