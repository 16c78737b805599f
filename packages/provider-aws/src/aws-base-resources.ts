import { DescribeSubnetsCommand } from '@aws-sdk/client-ec2';
import type { BaseResourceV1 } from '@hubfleet/core';
import type { AwsDeployment } from './aws-deployment.js';
import { getRole } from './aws-identity.js';
import { iamRoleName, type RolePurpose } from './aws-names.js';
import { isOwnedBy, ownershipFilters, tagRecord } from './aws-tags.js';
import { findOwnedVpcs } from './aws-vpc.js';

/** Roles `cluster.create()` makes unless the config gives their ARNs. */
const CREATED_ROLES = ['cluster', 'node'] as const;
/** Every role `cluster.delete()` removes once the cluster is gone (the add-ons' and tools' too). */
const REMOVED_ROLES: readonly RolePurpose[] = ['cluster', 'node', 'ebs-csi', 'cluster-autoscaler', 'velero'];

/** The VPC hubfleet owns and its subnets as they are now, or what `create` will make when there is none. */
async function network(aws: AwsDeployment): Promise<BaseResourceV1[]> {
  const create = aws.config.provider.network.create;
  if (create === undefined) return [];
  const vpcs = await findOwnedVpcs(aws);
  if (vpcs.length === 0) {
    return [
      { kind: 'network', name: `vpc ${create.cidr}`, exists: false },
      {
        kind: 'network',
        name: `${create.zones} public subnets, internet gateway, route table`,
        exists: false,
      },
    ];
  }
  const { Subnets = [] } = await aws.call('ec2:DescribeSubnets', 'network', (options) =>
    aws.clients.ec2.send(
      new DescribeSubnetsCommand({ Filters: ownershipFilters(aws.deployment, 'network') }),
      options,
    ),
  );
  return [
    ...vpcs.map((vpc) => ({ kind: 'network', name: `vpc ${vpc.VpcId} (${vpc.CidrBlock})`, exists: true })),
    ...Subnets.map((subnet) => ({
      kind: 'network',
      name: `subnet ${subnet.SubnetId} (${subnet.AvailabilityZone})`,
      exists: true,
    })),
  ];
}

/** The roles hubfleet owns that exist, and the cluster and node roles `create` will make when missing. */
async function roles(aws: AwsDeployment): Promise<BaseResourceV1[]> {
  const configured: Partial<Record<RolePurpose, string>> = {
    cluster: aws.config.provider.roles?.clusterRoleArn,
    node: aws.config.provider.roles?.nodeRoleArn,
  };
  const found: BaseResourceV1[] = [];
  for (const purpose of REMOVED_ROLES) {
    if (configured[purpose] !== undefined) continue;
    const name = iamRoleName(aws.deployment, purpose);
    const role = await getRole(aws, name);
    const ours = role !== undefined && isOwnedBy(tagRecord(role.Tags), aws.deployment, 'identity');
    if (ours) found.push({ kind: 'role', name, exists: true });
    else if ((CREATED_ROLES as readonly RolePurpose[]).includes(purpose)) {
      found.push({ kind: 'role', name, exists: false });
    }
  }
  return found;
}

/**
 * What the EKS cluster's step makes or removes besides the cluster: the VPC hubfleet creates (never
 * configured subnets) and the IAM roles it owns, observed by ownership tags and role names.
 */
export async function awsBaseResources(aws: AwsDeployment): Promise<BaseResourceV1[]> {
  return [...(await network(aws)), ...(await roles(aws))];
}
