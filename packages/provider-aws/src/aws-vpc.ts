import { CreateVpcCommand, DescribeVpcsCommand, type Vpc } from '@aws-sdk/client-ec2';
import { HubfleetError } from '@hubfleet/core';
import type { AwsDeployment } from './aws-deployment.js';
import { createUnlessFound } from './aws-retry.js';
import { namedOwnershipTags, ownershipFilters, tagPairs } from './aws-tags.js';
import { ensureVpcDns } from './aws-vpc-dns.js';

export function networkTags(deployment: string, name: string) {
  return tagPairs(namedOwnershipTags(deployment, 'network', name));
}

/** Every VPC tagged as the deployment's: one, unless a create was repeated behind hubfleet's back. */
export async function findOwnedVpcs(aws: AwsDeployment): Promise<Vpc[]> {
  const { Vpcs = [] } = await aws.call('ec2:DescribeVpcs', 'network', (options) =>
    aws.clients.ec2.send(
      new DescribeVpcsCommand({ Filters: ownershipFilters(aws.deployment, 'network') }),
      options,
    ),
  );
  return Vpcs;
}

/** The deployment's VPC, found by its ownership tags; more than one is a conflict hubfleet will not guess at. */
export async function findOwnedVpc(aws: AwsDeployment): Promise<Vpc | undefined> {
  const vpcs = await findOwnedVpcs(aws);
  if (vpcs.length > 1) {
    const ids = vpcs.map((vpc) => vpc.VpcId).join(', ');
    throw new HubfleetError({
      kind: 'conflict',
      message: `deployment ${aws.deployment} owns ${vpcs.length} VPCs (${ids}); it should own one`,
      hint: '`hubfleet down` deletes every VPC tagged as this deployment’s; or delete the extra ones (and what is in them) in the VPC console',
      subject: 'network',
    });
  }
  return vpcs[0];
}

async function createVpc(aws: AwsDeployment, cidr: string): Promise<string> {
  const vpc = await createUnlessFound(aws.backoff, {
    create: async () =>
      (
        await aws.call('ec2:CreateVpc', 'network', (options) =>
          aws.clients.ec2Once.send(
            new CreateVpcCommand({
              CidrBlock: cidr,
              TagSpecifications: [{ ResourceType: 'vpc', Tags: networkTags(aws.deployment, aws.deployment) }],
            }),
            options,
          ),
        )
      ).Vpc,
    find: () => findOwnedVpc(aws),
  });
  const vpcId = vpc?.VpcId;
  if (vpcId === undefined)
    throw new HubfleetError({ kind: 'internal', message: 'CreateVpc returned no VpcId' });
  return vpcId;
}

/** The deployment's VPC with range `cidr`: found by tag, or created; with DNS host names on. */
export async function ensureVpc(aws: AwsDeployment, cidr: string): Promise<string> {
  const existing = await findOwnedVpc(aws);
  if (existing?.VpcId === undefined) {
    const vpcId = await createVpc(aws, cidr);
    await ensureVpcDns(aws, vpcId);
    return vpcId;
  }
  if (existing.CidrBlock !== cidr) {
    throw new HubfleetError({
      kind: 'invalid-config',
      message: `the deployment's VPC ${existing.VpcId} has the range ${existing.CidrBlock}, but the config asks for ${cidr}`,
      hint: `a VPC's range cannot change; set provider.network.create.cidr back to ${existing.CidrBlock}`,
      subject: 'provider.network.create.cidr',
    });
  }
  await ensureVpcDns(aws, existing.VpcId);
  return existing.VpcId;
}
