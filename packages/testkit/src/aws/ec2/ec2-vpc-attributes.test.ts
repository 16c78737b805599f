import {
  CreateVpcCommand,
  DescribeVpcAttributeCommand,
  EC2Client,
  EC2ServiceException,
  ModifyVpcAttributeCommand,
} from '@aws-sdk/client-ec2';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCallLog } from '../../framework/call-log.js';
import { createManualClock } from '../../framework/clock.js';
import { createFaultInjector } from '../../framework/faults.js';
import { type RunningEc2Fake, startEc2Fake } from './index.js';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

describe('EC2 fake: VPC DNS attributes through the real @aws-sdk/client-ec2', () => {
  let service: RunningEc2Fake;
  let ec2: EC2Client;
  let VpcId: string;

  beforeEach(async () => {
    service = await startEc2Fake({
      clock: createManualClock(),
      faults: createFaultInjector(),
      callLog: createCallLog(),
      region: 'us-west-2',
    });
    ec2 = new EC2Client({
      endpoint: service.url,
      region: 'us-west-2',
      credentials: { accessKeyId: 'AKIDTEST', secretAccessKey: 'secret' },
    });
    VpcId = (await ec2.send(new CreateVpcCommand({ CidrBlock: '10.0.0.0/16' }))).Vpc?.VpcId ?? '';
  });

  afterEach(async () => {
    ec2.destroy();
    await service.close();
  });

  const describeAttribute = async (Attribute: 'enableDnsSupport' | 'enableDnsHostnames') =>
    ec2.send(new DescribeVpcAttributeCommand({ VpcId, Attribute }));

  async function failure(promise: Promise<unknown>): Promise<EC2ServiceException> {
    const error = await promise.catch((caught: unknown) => caught);
    if (error instanceof EC2ServiceException) return error;
    throw new Error(`expected an EC2 error, got ${String(error)}`);
  }

  it('starts a new VPC with DNS support on and host names off, and turns host names on', async () => {
    expect(await describeAttribute('enableDnsSupport')).toMatchObject({
      VpcId,
      EnableDnsSupport: { Value: true },
    });
    expect((await describeAttribute('enableDnsHostnames')).EnableDnsHostnames).toEqual({ Value: false });
    await ec2.send(new ModifyVpcAttributeCommand({ VpcId, EnableDnsHostnames: { Value: true } }));
    expect((await describeAttribute('enableDnsHostnames')).EnableDnsHostnames).toEqual({ Value: true });
    expect(service.fake.state.vpcs[VpcId]?.enableDnsHostnames).toBe(true);
  });

  it('changes one attribute per request, host names only with DNS support, on a VPC that exists', async () => {
    const both = await failure(
      ec2.send(
        new ModifyVpcAttributeCommand({
          VpcId,
          EnableDnsSupport: { Value: true },
          EnableDnsHostnames: { Value: true },
        }),
      ),
    );
    expect(both.name).toBe('InvalidParameterCombination');
    await ec2.send(new ModifyVpcAttributeCommand({ VpcId, EnableDnsSupport: { Value: false } }));
    const hostnames = await failure(
      ec2.send(new ModifyVpcAttributeCommand({ VpcId, EnableDnsHostnames: { Value: true } })),
    );
    expect(hostnames.name).toBe('InvalidParameterCombination');
    const missing = await failure(
      ec2.send(
        new DescribeVpcAttributeCommand({ VpcId: 'vpc-0123456789abcdef0', Attribute: 'enableDnsSupport' }),
      ),
    );
    expect(missing.name).toBe('InvalidVpcID.NotFound');
  });
});
