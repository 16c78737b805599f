import { DescribeAvailabilityZonesCommand, DescribeSubnetsCommand, type Subnet } from '@aws-sdk/client-ec2';
import { HubfleetError } from '@hubfleet/core';
import type { AwsDeployment } from './aws-deployment.js';
import { isNotFound } from './aws-errors.js';
import { type AwsSubnet, sortSubnets } from './aws-network-types.js';
import { createSubnet, mapPublicIps } from './aws-subnet-create.js';
import { ownershipFilters } from './aws-tags.js';
import { freeSubnetSlots } from './map-subnet-cidrs.js';

function toAwsSubnet(subnet: Subnet): AwsSubnet | undefined {
  const { SubnetId, AvailabilityZone } = subnet;
  return SubnetId === undefined || AvailabilityZone === undefined
    ? undefined
    : { subnetId: SubnetId, availabilityZone: AvailabilityZone };
}

function definedSubnets(subnets: readonly Subnet[]): AwsSubnet[] {
  return sortSubnets(subnets.flatMap((subnet) => toAwsSubnet(subnet) ?? []));
}

/** The configured existing subnets, with their zones; a missing one is a config error. */
export async function describeGivenSubnets(
  aws: AwsDeployment,
  subnetIds: readonly string[],
): Promise<AwsSubnet[]> {
  try {
    const { Subnets = [] } = await aws.call('ec2:DescribeSubnets', 'network', (options) =>
      aws.clients.ec2.send(new DescribeSubnetsCommand({ SubnetIds: [...subnetIds] }), options),
    );
    return definedSubnets(Subnets);
  } catch (error) {
    if (!isNotFound(error)) throw error;
    throw new HubfleetError({
      kind: 'invalid-config',
      message: `provider.network.subnetIds names a subnet that does not exist in ${aws.clients.region}`,
      hint: 'check the ids with `aws ec2 describe-subnets` in the same region and account',
      subject: 'provider.network.subnetIds',
      cause: error,
    });
  }
}

async function availableZones(aws: AwsDeployment): Promise<string[]> {
  const { AvailabilityZones = [] } = await aws.call('ec2:DescribeAvailabilityZones', 'network', (options) =>
    aws.clients.ec2.send(
      new DescribeAvailabilityZonesCommand({
        Filters: [
          { Name: 'state', Values: ['available'] },
          { Name: 'zone-type', Values: ['availability-zone'] },
        ],
      }),
      options,
    ),
  );
  return AvailabilityZones.flatMap((zone) => zone.ZoneName ?? []).sort();
}

/** The zones to have subnets in: those already used, then the region's first zones, up to `count`. */
async function zonesFor(
  aws: AwsDeployment,
  existing: readonly AwsSubnet[],
  count: number,
): Promise<string[]> {
  const used = [...new Set(existing.map((subnet) => subnet.availabilityZone))];
  if (used.length >= count) return used.slice(0, count);
  const region = await availableZones(aws);
  const zones = [...used, ...region.filter((zone) => !used.includes(zone))].slice(0, count);
  if (zones.length < count) {
    throw new HubfleetError({
      kind: 'invalid-config',
      message: `${aws.clients.region} has ${region.length} availability zones; the config asks for ${count}`,
      hint: `set provider.network.create.zones to ${region.length} or fewer`,
      subject: 'provider.network.create.zones',
    });
  }
  return zones;
}

/** One public subnet per zone in the deployment's VPC, found by tag or created. */
export async function ensurePublicSubnets(
  aws: AwsDeployment,
  vpcId: string,
  vpcCidr: string,
  zoneCount: number,
): Promise<AwsSubnet[]> {
  const { Subnets: owned = [] } = await aws.call('ec2:DescribeSubnets', 'network', (options) =>
    aws.clients.ec2.send(
      new DescribeSubnetsCommand({
        Filters: [{ Name: 'vpc-id', Values: [vpcId] }, ...ownershipFilters(aws.deployment, 'network')],
      }),
      options,
    ),
  );
  const existing = definedSubnets(owned);
  const zones = await zonesFor(aws, existing, zoneCount);
  const missing = zones.filter((zone) => !existing.some((subnet) => subnet.availabilityZone === zone));
  const slots = freeSubnetSlots(
    vpcCidr,
    owned.flatMap((subnet) => subnet.CidrBlock ?? []),
  );
  const created: Subnet[] = [];
  for (const [index, zone] of missing.entries()) {
    const slot = slots[index];
    if (slot === undefined) {
      throw new HubfleetError({
        kind: 'invalid-config',
        message: `the VPC range ${vpcCidr} has no room for another subnet`,
        subject: 'provider.network.create.cidr',
      });
    }
    created.push(await createSubnet(aws, vpcId, slot, zone));
  }
  await mapPublicIps(aws, [...owned, ...created]);
  return definedSubnets([...owned, ...created]).filter((subnet) => zones.includes(subnet.availabilityZone));
}
