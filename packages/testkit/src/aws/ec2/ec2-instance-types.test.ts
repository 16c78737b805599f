import {
  DescribeInstanceTypeOfferingsCommand,
  DescribeInstanceTypesCommand,
  EC2Client,
  EC2ServiceException,
} from '@aws-sdk/client-ec2';
import { afterEach, describe, expect, it } from 'vitest';
import { createCallLog } from '../../framework/call-log.js';
import { createManualClock } from '../../framework/clock.js';
import { createFaultInjector } from '../../framework/faults.js';
import { type RunningEc2Fake, startEc2Fake } from './index.js';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

const running: { service: RunningEc2Fake; ec2: EC2Client }[] = [];

afterEach(async () => {
  for (const { service, ec2 } of running.splice(0)) {
    ec2.destroy();
    await service.close();
  }
});

async function ec2In(region: string): Promise<EC2Client> {
  const service = await startEc2Fake({
    clock: createManualClock(),
    faults: createFaultInjector(),
    callLog: createCallLog(),
    region,
  });
  const ec2 = new EC2Client({
    endpoint: service.url,
    region,
    credentials: { accessKeyId: 'AKIDTEST', secretAccessKey: 'secret' },
  });
  running.push({ service, ec2 });
  return ec2;
}

describe('EC2 fake: instance types and their offerings through the real @aws-sdk/client-ec2', () => {
  it('describes named types (vCPUs, memory, GPUs) and refuses one that does not exist with InvalidInstanceType', async () => {
    const ec2 = await ec2In('us-west-2');
    const { InstanceTypes } = await ec2.send(
      new DescribeInstanceTypesCommand({ InstanceTypes: ['m7a.xlarge', 'p4d.24xlarge'] }),
    );
    expect(InstanceTypes?.map((type) => type.InstanceType)).toEqual(['m7a.xlarge', 'p4d.24xlarge']);
    expect(InstanceTypes?.[0]).toMatchObject({
      VCpuInfo: { DefaultVCpus: 4 },
      MemoryInfo: { SizeInMiB: 16384 },
    });
    expect(InstanceTypes?.[1]?.GpuInfo?.Gpus?.[0]).toMatchObject({
      Name: 'A100',
      Manufacturer: 'NVIDIA',
      Count: 8,
    });

    const error = await ec2
      .send(new DescribeInstanceTypesCommand({ InstanceTypes: ['t3a.large', 'm9z.huge'] }))
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(EC2ServiceException);
    expect(error).toMatchObject({
      name: 'InvalidInstanceType',
      message: 'The following supplied instance types do not exist: [m9z.huge]',
    });
  });

  it('pages DescribeInstanceTypes with MaxResults and filters by vCPUs', async () => {
    const ec2 = await ec2In('us-west-2');
    const first = await ec2.send(new DescribeInstanceTypesCommand({ MaxResults: 5 }));
    expect(first.InstanceTypes).toHaveLength(5);
    expect(first.NextToken).toBeDefined();
    const second = await ec2.send(
      new DescribeInstanceTypesCommand({ MaxResults: 5, NextToken: first.NextToken }),
    );
    expect(second.InstanceTypes?.[0]?.InstanceType).not.toBe(first.InstanceTypes?.[0]?.InstanceType);
    const big = await ec2.send(
      new DescribeInstanceTypesCommand({ Filters: [{ Name: 'vcpu-info.default-vcpus', Values: ['96'] }] }),
    );
    expect(big.InstanceTypes?.map((type) => type.InstanceType)).toEqual(['p4d.24xlarge']);
  });

  it('offers a type per region or per zone, and leaves out what the region does not offer', async () => {
    const west = await ec2In('us-west-2');
    const filter = [{ Name: 'instance-type', Values: ['p4d.24xlarge', 't3a.large', 'm9z.huge'] }];
    const regional = await west.send(new DescribeInstanceTypeOfferingsCommand({ Filters: filter }));
    expect(regional.InstanceTypeOfferings).toEqual([
      { InstanceType: 't3a.large', LocationType: 'region', Location: 'us-west-2' },
      { InstanceType: 'p4d.24xlarge', LocationType: 'region', Location: 'us-west-2' },
    ]);
    const zonal = await west.send(
      new DescribeInstanceTypeOfferingsCommand({
        LocationType: 'availability-zone',
        Filters: [{ Name: 'instance-type', Values: ['p4d.24xlarge'] }],
      }),
    );
    expect(zonal.InstanceTypeOfferings?.map((offering) => offering.Location)).toEqual([
      'us-west-2a',
      'us-west-2b',
    ]);

    const sydney = await ec2In('ap-southeast-2');
    const none = await sydney.send(new DescribeInstanceTypeOfferingsCommand({ Filters: filter }));
    expect(none.InstanceTypeOfferings?.map((offering) => offering.InstanceType)).toEqual(['t3a.large']);
  });
});
