import {
  AssociateRouteTableCommand,
  CreateRouteCommand,
  CreateRouteTableCommand,
  DescribeRouteTablesCommand,
  type RouteTable,
} from '@aws-sdk/client-ec2';
import { HubfleetError } from '@hubfleet/core';
import { unlessAlreadyOurs } from './aws-already-ours.js';
import type { AwsDeployment } from './aws-deployment.js';
import type { AwsSubnet } from './aws-network-types.js';
import { retryWhileNotYetVisible } from './aws-retry.js';
import { ownershipFilters } from './aws-tags.js';
import { networkTags } from './aws-vpc.js';

const ANYWHERE = '0.0.0.0/0';

/** The route tables this deployment owns in its VPC, by tags. */
async function ownedTables(aws: AwsDeployment, vpcId: string): Promise<RouteTable[]> {
  const { RouteTables = [] } = await aws.call('ec2:DescribeRouteTables', 'network', (options) =>
    aws.clients.ec2.send(
      new DescribeRouteTablesCommand({
        Filters: [{ Name: 'vpc-id', Values: [vpcId] }, ...ownershipFilters(aws.deployment, 'network')],
      }),
      options,
    ),
  );
  return RouteTables;
}

/**
 * A public route table: found by tag or created, with a default route to the gateway, on every
 * subnet. CreateRouteTable carries a ClientToken the SDK fills in and keeps across its retries.
 */
export async function ensurePublicRouteTable(
  aws: AwsDeployment,
  vpcId: string,
  gatewayId: string,
  subnets: readonly AwsSubnet[],
): Promise<void> {
  let table = (await ownedTables(aws, vpcId))[0];
  if (table === undefined) {
    const created = await retryWhileNotYetVisible(aws.backoff, () =>
      aws.call('ec2:CreateRouteTable', 'network', (options) =>
        aws.clients.ec2.send(
          new CreateRouteTableCommand({
            VpcId: vpcId,
            TagSpecifications: [
              { ResourceType: 'route-table', Tags: networkTags(aws.deployment, `${aws.deployment}-public`) },
            ],
          }),
          options,
        ),
      ),
    );
    table = created.RouteTable;
  }
  const routeTableId = table?.RouteTableId;
  if (routeTableId === undefined) {
    throw new HubfleetError({ kind: 'internal', message: 'CreateRouteTable returned no id' });
  }
  // What this deployment's own table holds now: a route or association that AWS says exists already
  // is this run's own earlier call (its reply lost) when it is found here.
  const ownTable = async () =>
    (await ownedTables(aws, vpcId)).find((owned) => owned.RouteTableId === routeTableId);
  if (!(table?.Routes ?? []).some((route) => route.DestinationCidrBlock === ANYWHERE)) {
    const createRoute = () =>
      aws.call('ec2:CreateRoute', 'network', (options) =>
        aws.clients.ec2.send(
          new CreateRouteCommand({
            RouteTableId: routeTableId,
            DestinationCidrBlock: ANYWHERE,
            GatewayId: gatewayId,
          }),
          options,
        ),
      );
    const routed = async () =>
      ((await ownTable())?.Routes ?? []).some(
        (route) => route.DestinationCidrBlock === ANYWHERE && route.GatewayId === gatewayId,
      );
    await retryWhileNotYetVisible(aws.backoff, () =>
      unlessAlreadyOurs(createRoute, ['RouteAlreadyExists'], routed),
    );
  }
  const associated = new Set((table?.Associations ?? []).map((association) => association.SubnetId));
  for (const subnet of subnets.filter((candidate) => !associated.has(candidate.subnetId))) {
    const associate = () =>
      aws.call('ec2:AssociateRouteTable', `network/${subnet.subnetId}`, (options) =>
        aws.clients.ec2.send(
          new AssociateRouteTableCommand({ RouteTableId: routeTableId, SubnetId: subnet.subnetId }),
          options,
        ),
      );
    const associatedHere = async () =>
      ((await ownTable())?.Associations ?? []).some(
        (association) => association.SubnetId === subnet.subnetId,
      );
    await retryWhileNotYetVisible(aws.backoff, () =>
      unlessAlreadyOurs(associate, ['Resource.AlreadyAssociated'], associatedHere),
    );
  }
}
