import {
  CreateClusterCommand,
  type CreateClusterCommandInput,
  CreateNodegroupCommand,
  type CreateNodegroupCommandInput,
  DeleteClusterCommand,
  DeleteNodegroupCommand,
  DescribeNodegroupCommand,
  EKSClient,
  InvalidParameterException,
} from '@aws-sdk/client-eks';
import { ConfiguredRetryStrategy } from '@smithy/util-retry';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createManualClock } from '../../framework/clock.js';
import { type RunningEksFake, startEksFake } from './index.js';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

const HOUR = 60 * 60_000;

const clusterInput = (clientRequestToken?: string): CreateClusterCommandInput => ({
  name: 'demo',
  roleArn: 'arn:aws:iam::123456789012:role/eks-cluster',
  resourcesVpcConfig: { subnetIds: ['subnet-a', 'subnet-b'] },
  ...(clientRequestToken === undefined ? {} : { clientRequestToken }),
});

const nodegroupInput = (instanceType: string, clientRequestToken?: string): CreateNodegroupCommandInput => ({
  clusterName: 'demo',
  nodegroupName: 'users',
  subnets: ['subnet-a'],
  nodeRole: 'arn:aws:iam::123456789012:role/eks-node',
  instanceTypes: [instanceType],
  ...(clientRequestToken === undefined ? {} : { clientRequestToken }),
});

describe('EKS fake: clientRequestTokens outlive what they made', () => {
  let clock: ReturnType<typeof createManualClock>;
  let fake: RunningEksFake;
  let client: EKSClient;

  beforeEach(async () => {
    clock = createManualClock();
    fake = await startEksFake({ clock });
    client = new EKSClient({
      endpoint: fake.url,
      region: 'us-east-1',
      credentials: { accessKeyId: 'AKIDTEST', secretAccessKey: 'test-secret' },
      retryStrategy: new ConfiguredRetryStrategy(3, 1),
    });
  });

  afterEach(async () => {
    client.destroy();
    await fake.close();
  });

  it('refuses a cluster token reused after its cluster was deleted, and creates with a new one', async () => {
    await client.send(new CreateClusterCommand(clusterInput('token-1')));
    clock.advance(HOUR);
    await client.send(new DeleteClusterCommand({ name: 'demo' }));
    clock.advance(HOUR);
    const reused = await client
      .send(new CreateClusterCommand(clusterInput('token-1')))
      .catch((error) => error);
    expect(reused).toBeInstanceOf(InvalidParameterException);
    expect(fake.state.clusters).toEqual({});
    const created = await client.send(new CreateClusterCommand(clusterInput()));
    expect(created.cluster?.clientRequestToken, 'the SDK filled in a fresh token').toMatch(/^[0-9a-f-]{36}$/);
  });

  it('refuses a replacement nodegroup sent with the old token, not answering with the deleted one', async () => {
    await client.send(new CreateClusterCommand(clusterInput()));
    clock.advance(HOUR);
    await client.send(new CreateNodegroupCommand(nodegroupInput('m6i.large', 'group-token')));
    clock.advance(HOUR);
    await client.send(new DeleteNodegroupCommand({ clusterName: 'demo', nodegroupName: 'users' }));
    clock.advance(HOUR);
    const reused = await client
      .send(new CreateNodegroupCommand(nodegroupInput('m6i.xlarge', 'group-token')))
      .catch((error) => error);
    expect(reused).toBeInstanceOf(InvalidParameterException);
    await client.send(new CreateNodegroupCommand(nodegroupInput('m6i.xlarge')));
    const { nodegroup } = await client.send(
      new DescribeNodegroupCommand({ clusterName: 'demo', nodegroupName: 'users' }),
    );
    expect(nodegroup?.instanceTypes).toEqual(['m6i.xlarge']);
  });
});
