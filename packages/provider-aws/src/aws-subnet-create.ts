import {
  CreateSubnetCommand,
  CreateTagsCommand,
  DescribeSubnetsCommand,
  ModifySubnetAttributeCommand,
  type Subnet,
} from '@aws-sdk/client-ec2';
import { HubfleetError, OwnershipTag } from '@hubfleet/core';
import type { AwsDeployment } from './aws-deployment.js';
import { isAwsError } from './aws-errors.js';
import { createUnlessFound, retryWhileNotYetVisible } from './aws-retry.js';
import { namedOwnershipTags, tagPairs, tagRecord } from './aws-tags.js';

/** Tags of a public subnet: ownership, and what the AWS load balancer integration looks for. */
function subnetTags(aws: AwsDeployment, zone: string) {
  return tagPairs({
    ...namedOwnershipTags(aws.deployment, 'network', `${aws.deployment}-public-${zone}`),
    'kubernetes.io/role/elb': '1',
    [`kubernetes.io/cluster/${aws.clusterName}`]: 'shared',
  });
}

/**
 * The subnet with exactly this range and zone in our VPC: one a create whose reply was lost made.
 * Tagged as ours when it is not tagged at all (so it is found by tag from now on); one tagged as
 * another deployment's is not ours to take.
 */
async function findMadeSubnet(
  aws: AwsDeployment,
  vpcId: string,
  cidr: string,
  zone: string,
): Promise<Subnet | undefined> {
  const { Subnets = [] } = await aws.call('ec2:DescribeSubnets', 'network', (options) =>
    aws.clients.ec2.send(
      new DescribeSubnetsCommand({
        Filters: [
          { Name: 'vpc-id', Values: [vpcId] },
          { Name: 'cidr-block', Values: [cidr] },
        ],
      }),
      options,
    ),
  );
  const subnet = Subnets.find((candidate) => candidate.AvailabilityZone === zone);
  const subnetId = subnet?.SubnetId;
  if (subnet === undefined || subnetId === undefined) return undefined;
  const owner = tagRecord(subnet.Tags)[OwnershipTag.deployment];
  if (owner !== undefined && owner !== aws.deployment) return undefined;
  if (owner === undefined) {
    const Tags = subnetTags(aws, zone);
    await retryWhileNotYetVisible(aws.backoff, () =>
      aws.call('ec2:CreateTags', 'network', (options) =>
        aws.clients.ec2.send(new CreateTagsCommand({ Resources: [subnetId], Tags }), options),
      ),
    );
    return { ...subnet, Tags: [...(subnet.Tags ?? []), ...Tags] };
  }
  return subnet;
}

async function sendCreateSubnet(aws: AwsDeployment, vpcId: string, cidr: string, zone: string) {
  // The VPC may be a moment old: EC2 can answer InvalidVpcID.NotFound until it has propagated.
  const { Subnet: created } = await retryWhileNotYetVisible(aws.backoff, () =>
    aws.call('ec2:CreateSubnet', 'network', (options) =>
      aws.clients.ec2Once.send(
        new CreateSubnetCommand({
          VpcId: vpcId,
          CidrBlock: cidr,
          AvailabilityZone: zone,
          TagSpecifications: [{ ResourceType: 'subnet', Tags: subnetTags(aws, zone) }],
        }),
        options,
      ),
    ),
  );
  return created;
}

/**
 * A public subnet of range `cidr` in `zone`. CreateSubnet takes no idempotency token: it is sent
 * once, and after a failure that may have hidden a success, looked for before it is sent again.
 * `InvalidSubnet.Conflict` for exactly this range and zone in our own VPC means an earlier create
 * whose reply was lost made it: it is adopted, not reported as a bad config.
 */
export async function createSubnet(
  aws: AwsDeployment,
  vpcId: string,
  cidr: string,
  zone: string,
): Promise<Subnet> {
  const find = () => findMadeSubnet(aws, vpcId, cidr, zone);
  let created: Subnet | undefined;
  try {
    created = await createUnlessFound(aws.backoff, {
      create: () => sendCreateSubnet(aws, vpcId, cidr, zone),
      find,
    });
  } catch (error) {
    if (!isAwsError(error, 'InvalidSubnet.Conflict')) throw error;
    created = await find();
    if (created === undefined) throw error;
  }
  if (created === undefined)
    throw new HubfleetError({ kind: 'internal', message: 'CreateSubnet returned no subnet' });
  return created;
}

/** Nodes in a public subnet need a public address to reach the EKS endpoint and pull images. */
export async function mapPublicIps(aws: AwsDeployment, subnets: readonly Subnet[]): Promise<void> {
  for (const subnet of subnets.filter((candidate) => candidate.MapPublicIpOnLaunch !== true)) {
    await retryWhileNotYetVisible(aws.backoff, () =>
      aws.call('ec2:ModifySubnetAttribute', 'network', (options) =>
        aws.clients.ec2.send(
          new ModifySubnetAttributeCommand({
            SubnetId: subnet.SubnetId,
            MapPublicIpOnLaunch: { Value: true },
          }),
          options,
        ),
      ),
    );
  }
}
