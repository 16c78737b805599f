import { DescribeSubnetsCommand } from '@aws-sdk/client-ec2';
import { DescribeNodegroupCommand } from '@aws-sdk/client-eks';
import { unlessNotFound } from './aws-call.js';
import type { AwsDeployment } from './aws-deployment.js';
import { eksNodegroupName } from './aws-names.js';
import type { AwsNetworkApi } from './aws-network.js';
import { coreSubnet } from './aws-network-types.js';
import { isOwnedBy } from './aws-tags.js';

/** The subnet the deployment's core nodegroup actually runs in, when it exists. */
async function observedCoreSubnet(aws: AwsDeployment): Promise<string | undefined> {
  const core = aws.config.cluster.nodeGroups.find((group) => group.role === 'core');
  if (core === undefined) return undefined;
  const nodegroupName = eksNodegroupName(aws.deployment, core.name);
  const answer = await unlessNotFound(
    aws.call('eks:DescribeNodegroup', `nodegroup/${core.name}`, (options) =>
      aws.clients.eks.send(
        new DescribeNodegroupCommand({ clusterName: aws.clusterName, nodegroupName }),
        options,
      ),
    ),
  );
  const nodegroup = answer?.nodegroup;
  if (!isOwnedBy(nodegroup?.tags, aws.deployment, 'nodegroup')) return undefined;
  return nodegroup?.subnets?.[0];
}

async function zoneOf(
  aws: AwsDeployment,
  network: AwsNetworkApi,
  subnetId: string,
): Promise<string | undefined> {
  const known = (await network.ensure()).subnets.find((subnet) => subnet.subnetId === subnetId);
  if (known !== undefined) return known.availabilityZone;
  const answer = await unlessNotFound(
    aws.call('ec2:DescribeSubnets', 'network', (options) =>
      aws.clients.ec2.send(new DescribeSubnetsCommand({ SubnetIds: [subnetId] }), options),
    ),
  );
  return answer?.Subnets?.[0]?.AvailabilityZone;
}

/**
 * The zone hub volumes go in: the zone of the subnet the core nodegroup really runs in (the NFS
 * server that mounts a hub's volume runs on a core node, and an EBS volume attaches only in its own
 * zone). Only before the core nodegroup exists is it the choice the nodegroup will make, the first
 * subnet by zone: a subnet added later in an earlier zone moves neither the nodes nor new volumes.
 */
export async function coreZone(aws: AwsDeployment, network: AwsNetworkApi): Promise<string> {
  const subnetId = await observedCoreSubnet(aws);
  const observed = subnetId === undefined ? undefined : await zoneOf(aws, network, subnetId);
  return observed ?? coreSubnet(await network.ensure()).availabilityZone;
}
