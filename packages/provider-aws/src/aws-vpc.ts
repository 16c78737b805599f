import {
  AssociateRouteTableCommand,
  AttachInternetGatewayCommand,
  CreateInternetGatewayCommand,
  CreateRouteCommand,
  CreateRouteTableCommand,
  CreateVpcCommand,
  DescribeInternetGatewaysCommand,
  DescribeRouteTablesCommand,
  DescribeVpcsCommand,
  ModifyVpcAttributeCommand,
  type Vpc,
} from '@aws-sdk/client-ec2';
import { HubfleetError } from '@hubfleet/core';
import type { AwsDeployment } from './aws-deployment.js';
import type { AwsSubnet } from './aws-network-types.js';
import { namedOwnershipTags, ownershipFilters, tagPairs } from './aws-tags.js';

const ANYWHERE = '0.0.0.0/0';

function networkTags(deployment: string, name: string) {
  return tagPairs(namedOwnershipTags(deployment, 'network', name));
}

/** The deployment's VPC, found by its ownership tags. */
export async function findOwnedVpc(aws: AwsDeployment): Promise<Vpc | undefined> {
  const { Vpcs = [] } = await aws.call('ec2:DescribeVpcs', 'network', (options) =>
    aws.clients.ec2.send(
      new DescribeVpcsCommand({ Filters: ownershipFilters(aws.deployment, 'network') }),
      options,
    ),
  );
  return Vpcs[0];
}

async function createVpc(aws: AwsDeployment, cidr: string): Promise<string> {
  const { Vpc } = await aws.call('ec2:CreateVpc', 'network', (options) =>
    aws.clients.ec2.send(
      new CreateVpcCommand({
        CidrBlock: cidr,
        TagSpecifications: [{ ResourceType: 'vpc', Tags: networkTags(aws.deployment, aws.deployment) }],
      }),
      options,
    ),
  );
  const vpcId = Vpc?.VpcId;
  if (vpcId === undefined)
    throw new HubfleetError({ kind: 'internal', message: 'CreateVpc returned no VpcId' });
  // EKS nodes register with the cluster under their DNS host names, which a new VPC does not give
  // by default. The simulated EC2 does not model VPC attributes (see docs/provider-aws.md).
  if (!aws.clients.simulated) {
    await aws.call('ec2:ModifyVpcAttribute', 'network', (options) =>
      aws.clients.ec2.send(
        new ModifyVpcAttributeCommand({ VpcId: vpcId, EnableDnsHostnames: { Value: true } }),
        options,
      ),
    );
  }
  return vpcId;
}

/** The deployment's VPC with range `cidr`: found by tag, or created. */
export async function ensureVpc(aws: AwsDeployment, cidr: string): Promise<string> {
  const existing = await findOwnedVpc(aws);
  if (existing?.VpcId === undefined) return createVpc(aws, cidr);
  if (existing.CidrBlock !== cidr) {
    throw new HubfleetError({
      kind: 'invalid-config',
      message: `the deployment's VPC ${existing.VpcId} has the range ${existing.CidrBlock}, but the config asks for ${cidr}`,
      hint: `a VPC's range cannot change; set provider.network.create.cidr back to ${existing.CidrBlock}`,
      subject: 'provider.network.create.cidr',
    });
  }
  return existing.VpcId;
}

/** The VPC's internet gateway, found by tag or created, and attached. */
export async function ensureInternetGateway(aws: AwsDeployment, vpcId: string): Promise<string> {
  const { InternetGateways = [] } = await aws.call('ec2:DescribeInternetGateways', 'network', (options) =>
    aws.clients.ec2.send(
      new DescribeInternetGatewaysCommand({ Filters: ownershipFilters(aws.deployment, 'network') }),
      options,
    ),
  );
  let gateway = InternetGateways[0];
  if (gateway === undefined) {
    const created = await aws.call('ec2:CreateInternetGateway', 'network', (options) =>
      aws.clients.ec2.send(
        new CreateInternetGatewayCommand({
          TagSpecifications: [
            { ResourceType: 'internet-gateway', Tags: networkTags(aws.deployment, aws.deployment) },
          ],
        }),
        options,
      ),
    );
    gateway = created.InternetGateway;
  }
  const gatewayId = gateway?.InternetGatewayId;
  if (gatewayId === undefined) {
    throw new HubfleetError({ kind: 'internal', message: 'CreateInternetGateway returned no id' });
  }
  if (!(gateway?.Attachments ?? []).some((attachment) => attachment.VpcId === vpcId)) {
    await aws.call('ec2:AttachInternetGateway', 'network', (options) =>
      aws.clients.ec2.send(
        new AttachInternetGatewayCommand({ InternetGatewayId: gatewayId, VpcId: vpcId }),
        options,
      ),
    );
  }
  return gatewayId;
}

/** A public route table: found by tag or created, with a default route to the gateway, on every subnet. */
export async function ensurePublicRouteTable(
  aws: AwsDeployment,
  vpcId: string,
  gatewayId: string,
  subnets: readonly AwsSubnet[],
): Promise<void> {
  const { RouteTables = [] } = await aws.call('ec2:DescribeRouteTables', 'network', (options) =>
    aws.clients.ec2.send(
      new DescribeRouteTablesCommand({
        Filters: [{ Name: 'vpc-id', Values: [vpcId] }, ...ownershipFilters(aws.deployment, 'network')],
      }),
      options,
    ),
  );
  let table = RouteTables[0];
  if (table === undefined) {
    const created = await aws.call('ec2:CreateRouteTable', 'network', (options) =>
      aws.clients.ec2.send(
        new CreateRouteTableCommand({
          VpcId: vpcId,
          TagSpecifications: [
            { ResourceType: 'route-table', Tags: networkTags(aws.deployment, `${aws.deployment}-public`) },
          ],
        }),
        options,
      ),
    );
    table = created.RouteTable;
  }
  const routeTableId = table?.RouteTableId;
  if (routeTableId === undefined) {
    throw new HubfleetError({ kind: 'internal', message: 'CreateRouteTable returned no id' });
  }
  if (!(table?.Routes ?? []).some((route) => route.DestinationCidrBlock === ANYWHERE)) {
    await aws.call('ec2:CreateRoute', 'network', (options) =>
      aws.clients.ec2.send(
        new CreateRouteCommand({
          RouteTableId: routeTableId,
          DestinationCidrBlock: ANYWHERE,
          GatewayId: gatewayId,
        }),
        options,
      ),
    );
  }
  const associated = new Set((table?.Associations ?? []).map((association) => association.SubnetId));
  for (const subnet of subnets.filter((candidate) => !associated.has(candidate.subnetId))) {
    await aws.call('ec2:AssociateRouteTable', 'network', (options) =>
      aws.clients.ec2.send(
        new AssociateRouteTableCommand({ RouteTableId: routeTableId, SubnetId: subnet.subnetId }),
        options,
      ),
    );
  }
}
