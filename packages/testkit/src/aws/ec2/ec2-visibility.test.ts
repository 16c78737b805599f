import {
  AttachInternetGatewayCommand,
  CreateInternetGatewayCommand,
  CreateRouteTableCommand,
  CreateSubnetCommand,
  CreateTagsCommand,
  CreateVolumeCommand,
  CreateVpcCommand,
  DescribeVolumesCommand,
  DescribeVpcsCommand,
  EC2Client,
  EC2ServiceException,
  ModifySubnetAttributeCommand,
} from '@aws-sdk/client-ec2';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCallLog } from '../../framework/call-log.js';
import { createManualClock } from '../../framework/clock.js';
import { createFaultInjector } from '../../framework/faults.js';
import { type RunningEc2Fake, startEc2Fake } from './index.js';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

async function codeOf(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
    return undefined;
  } catch (problem) {
    if (problem instanceof EC2ServiceException) return problem.name;
    throw problem;
  }
}

describe('EC2 fake: a visibility delay after create (eventual consistency)', () => {
  let clock: ReturnType<typeof createManualClock>;
  let service: RunningEc2Fake;
  let ec2: EC2Client;

  beforeEach(async () => {
    clock = createManualClock();
    const common = { clock, faults: createFaultInjector(), callLog: createCallLog(), region: 'us-west-2' };
    service = await startEc2Fake({ ...common, visibilityDelay: 2_000 });
    ec2 = new EC2Client({
      endpoint: service.url,
      region: 'us-west-2',
      credentials: { accessKeyId: 'AKIDTEST', secretAccessKey: 'secret' },
    });
  });

  afterEach(async () => {
    ec2.destroy();
    await service.close();
  });

  it('answers Invalid…ID.NotFound to calls naming a just-created id, and nothing else', async () => {
    const { Vpc } = await ec2.send(new CreateVpcCommand({ CidrBlock: '10.0.0.0/16' }));
    const VpcId = Vpc?.VpcId ?? '';
    const { InternetGateway } = await ec2.send(new CreateInternetGatewayCommand({}));
    const InternetGatewayId = InternetGateway?.InternetGatewayId ?? '';
    const subnet = () =>
      ec2.send(new CreateSubnetCommand({ VpcId, CidrBlock: '10.0.0.0/24', AvailabilityZone: 'us-west-2a' }));
    expect(await codeOf(subnet())).toBe('InvalidVpcID.NotFound');
    expect(await codeOf(ec2.send(new CreateRouteTableCommand({ VpcId })))).toBe('InvalidVpcID.NotFound');
    expect(await codeOf(ec2.send(new AttachInternetGatewayCommand({ InternetGatewayId, VpcId })))).toBe(
      'InvalidInternetGatewayID.NotFound',
    );
    expect(await codeOf(ec2.send(new DescribeVpcsCommand({ VpcIds: [VpcId] })))).toBe(
      'InvalidVpcID.NotFound',
    );
    const listed = await ec2.send(
      new DescribeVpcsCommand({ Filters: [{ Name: 'cidr', Values: ['10.0.0.0/16'] }] }),
    );
    expect(
      listed.Vpcs?.map((vpc) => vpc.VpcId),
      'a filtered Describe names no id',
    ).toEqual([VpcId]);

    clock.advance(2_000);
    const { Subnet } = await subnet();
    const SubnetId = Subnet?.SubnetId ?? '';
    await expect(
      ec2.send(new AttachInternetGatewayCommand({ InternetGatewayId, VpcId })),
    ).resolves.toBeDefined();
    expect(
      await codeOf(
        ec2.send(new ModifySubnetAttributeCommand({ SubnetId, MapPublicIpOnLaunch: { Value: true } })),
      ),
    ).toBe('InvalidSubnetID.NotFound');
    clock.advance(2_000);
    await expect(
      ec2.send(new ModifySubnetAttributeCommand({ SubnetId, MapPublicIpOnLaunch: { Value: true } })),
    ).resolves.toBeDefined();
  });

  it('hides a new volume from CreateTags and DescribeVolumes by id for the delay', async () => {
    const { VolumeId = '' } = await ec2.send(
      new CreateVolumeCommand({ AvailabilityZone: 'us-west-2a', Size: 10 }),
    );
    const tag = () =>
      ec2.send(new CreateTagsCommand({ Resources: [VolumeId], Tags: [{ Key: 'a', Value: 'b' }] }));
    expect(await codeOf(tag())).toBe('InvalidVolume.NotFound');
    expect(await codeOf(ec2.send(new DescribeVolumesCommand({ VolumeIds: [VolumeId] })))).toBe(
      'InvalidVolume.NotFound',
    );
    clock.advance(2_000);
    await expect(tag()).resolves.toBeDefined();
  });
});
