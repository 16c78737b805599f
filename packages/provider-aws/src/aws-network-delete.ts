import {
  DeleteInternetGatewayCommand,
  DeleteRouteTableCommand,
  DeleteSubnetCommand,
  DeleteVpcCommand,
  DescribeInternetGatewaysCommand,
  DescribeRouteTablesCommand,
  DescribeSubnetsCommand,
  DetachInternetGatewayCommand,
  DisassociateRouteTableCommand,
} from '@aws-sdk/client-ec2';
import { unlessNotFound } from './aws-call.js';
import type { AwsDeployment } from './aws-deployment.js';
import { ownershipFilters } from './aws-tags.js';
import { findOwnedVpcs } from './aws-vpc.js';

async function deleteRouteTables(aws: AwsDeployment): Promise<void> {
  const filters = ownershipFilters(aws.deployment, 'network');
  const { RouteTables = [] } = await aws.call('ec2:DescribeRouteTables', 'network', (options) =>
    aws.clients.ec2.send(new DescribeRouteTablesCommand({ Filters: filters }), options),
  );
  for (const table of RouteTables) {
    for (const association of table.Associations ?? []) {
      if (association.Main === true || association.RouteTableAssociationId === undefined) continue;
      const AssociationId = association.RouteTableAssociationId;
      await unlessNotFound(
        aws.call('ec2:DisassociateRouteTable', 'network', (options) =>
          aws.clients.ec2.send(new DisassociateRouteTableCommand({ AssociationId }), options),
        ),
      );
    }
    await unlessNotFound(
      aws.call('ec2:DeleteRouteTable', 'network', (options) =>
        aws.clients.ec2.send(new DeleteRouteTableCommand({ RouteTableId: table.RouteTableId }), options),
      ),
    );
  }
}

async function deleteSubnets(aws: AwsDeployment): Promise<void> {
  const filters = ownershipFilters(aws.deployment, 'network');
  const { Subnets = [] } = await aws.call('ec2:DescribeSubnets', 'network', (options) =>
    aws.clients.ec2.send(new DescribeSubnetsCommand({ Filters: filters }), options),
  );
  for (const subnet of Subnets) {
    await unlessNotFound(
      aws.call('ec2:DeleteSubnet', 'network', (options) =>
        aws.clients.ec2.send(new DeleteSubnetCommand({ SubnetId: subnet.SubnetId }), options),
      ),
    );
  }
}

async function deleteInternetGateways(aws: AwsDeployment): Promise<void> {
  const filters = ownershipFilters(aws.deployment, 'network');
  const { InternetGateways = [] } = await aws.call('ec2:DescribeInternetGateways', 'network', (options) =>
    aws.clients.ec2.send(new DescribeInternetGatewaysCommand({ Filters: filters }), options),
  );
  for (const gateway of InternetGateways) {
    const InternetGatewayId = gateway.InternetGatewayId;
    for (const { VpcId } of gateway.Attachments ?? []) {
      await unlessNotFound(
        aws.call('ec2:DetachInternetGateway', 'network', (options) =>
          aws.clients.ec2.send(new DetachInternetGatewayCommand({ InternetGatewayId, VpcId }), options),
        ),
      );
    }
    await unlessNotFound(
      aws.call('ec2:DeleteInternetGateway', 'network', (options) =>
        aws.clients.ec2.send(new DeleteInternetGatewayCommand({ InternetGatewayId }), options),
      ),
    );
  }
}

/**
 * Deletes the VPCs hubfleet created, and what is in them, in the reverse of the order they were
 * made: route tables, subnets, internet gateways, VPCs. Each is found by its ownership tags, and
 * every one found is deleted (a duplicate a lost create reply left behind included), so a re-run
 * after an interruption finishes the job. While EKS or a load balancer still holds network
 * interfaces in the VPC, AWS answers DependencyViolation: a retryable conflict.
 */
export async function deleteOwnedNetwork(aws: AwsDeployment): Promise<void> {
  await deleteRouteTables(aws);
  await deleteSubnets(aws);
  await deleteInternetGateways(aws);
  for (const { VpcId } of await findOwnedVpcs(aws)) {
    if (VpcId === undefined) continue;
    await unlessNotFound(
      aws.call('ec2:DeleteVpc', 'network', (options) =>
        aws.clients.ec2.send(new DeleteVpcCommand({ VpcId }), options),
      ),
    );
  }
}
