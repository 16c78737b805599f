import {
  DescribeInstanceTypeOfferingsCommand,
  DescribeInstanceTypesCommand,
  type InstanceTypeInfo,
} from '@aws-sdk/client-ec2';
import type { MachineTypeOfferV1, MachineTypesApiV1 } from '@hubfleet/core';
import type { AwsDeployment } from './aws-deployment.js';

const MIB_PER_GIB = 1024;

function machineOf(info: InstanceTypeInfo): NonNullable<MachineTypeOfferV1['machine']> {
  const gpus = info.GpuInfo?.Gpus ?? [];
  const count = gpus.reduce((total, gpu) => total + (gpu.Count ?? 0), 0);
  const model = [gpus[0]?.Manufacturer, gpus[0]?.Name].filter(Boolean).join(' ');
  return {
    name: info.InstanceType ?? '',
    cpu: info.VCpuInfo?.DefaultVCpus ?? 0,
    memoryGiB: (info.MemoryInfo?.SizeInMiB ?? 0) / MIB_PER_GIB,
    ...(count > 0 ? { gpu: { count, model } } : {}),
  };
}

/**
 * Instance types as the account sees them in the deployment's region: DescribeInstanceTypes with an
 * `instance-type` filter (a filter, not `InstanceTypes`, so a name that does not exist is simply
 * absent instead of failing the whole call with InvalidInstanceType), then
 * DescribeInstanceTypeOfferings per availability zone for the zones that offer each.
 */
export function awsMachineTypes(aws: AwsDeployment): MachineTypesApiV1 {
  const subject = 'cluster.nodeGroups';
  const ec2 = aws.clients.ec2;

  async function describe(names: string[]): Promise<InstanceTypeInfo[]> {
    const found: InstanceTypeInfo[] = [];
    let NextToken: string | undefined;
    do {
      const page = await aws.call('ec2:DescribeInstanceTypes', subject, (options) =>
        ec2.send(
          new DescribeInstanceTypesCommand({
            Filters: [{ Name: 'instance-type', Values: names }],
            NextToken,
          }),
          options,
        ),
      );
      found.push(...(page.InstanceTypes ?? []));
      NextToken = page.NextToken;
    } while (NextToken);
    return found;
  }

  async function zonesOffering(names: string[]): Promise<Map<string, string[]>> {
    const zones = new Map<string, string[]>();
    let NextToken: string | undefined;
    do {
      const page = await aws.call('ec2:DescribeInstanceTypeOfferings', subject, (options) =>
        ec2.send(
          new DescribeInstanceTypeOfferingsCommand({
            LocationType: 'availability-zone',
            Filters: [{ Name: 'instance-type', Values: names }],
            NextToken,
          }),
          options,
        ),
      );
      for (const offering of page.InstanceTypeOfferings ?? []) {
        const name = offering.InstanceType ?? '';
        zones.set(name, [...(zones.get(name) ?? []), offering.Location ?? ''].sort());
      }
      NextToken = page.NextToken;
    } while (NextToken);
    return zones;
  }

  return {
    async check(names) {
      const distinct = [...new Set(names)];
      if (distinct.length === 0) return [];
      const [infos, zones] = await Promise.all([describe(distinct), zonesOffering(distinct)]);
      const byName = new Map(infos.map((info) => [info.InstanceType ?? '', info]));
      return distinct.map((name) => {
        const info = byName.get(name);
        return {
          name,
          exists: info !== undefined,
          location: aws.clients.region,
          zones: zones.get(name) ?? [],
          ...(info === undefined ? {} : { machine: machineOf(info) }),
        };
      });
    },
  };
}
