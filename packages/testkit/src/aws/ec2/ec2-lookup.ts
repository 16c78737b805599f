import { NOT_FOUND } from './ec2-errors.js';
import type {
  Ec2State,
  InternetGatewayRecord,
  RouteTableRecord,
  SecurityGroupRecord,
  SubnetRecord,
  VpcRecord,
} from './ec2-state.js';

/** Lookups that answer with the resource kind's NotFound error, as EC2 does. */
export function requireVpc(state: Ec2State, vpcId: string): VpcRecord {
  const vpc = state.vpcs[vpcId];
  if (!vpc) throw NOT_FOUND.vpc(vpcId);
  return vpc;
}

export function requireSubnet(state: Ec2State, subnetId: string): SubnetRecord {
  const subnet = state.subnets[subnetId];
  if (!subnet) throw NOT_FOUND.subnet(subnetId);
  return subnet;
}

export function requireInternetGateway(state: Ec2State, internetGatewayId: string): InternetGatewayRecord {
  const gateway = state.internetGateways[internetGatewayId];
  if (!gateway) throw NOT_FOUND.internetGateway(internetGatewayId);
  return gateway;
}

export function requireRouteTable(state: Ec2State, routeTableId: string): RouteTableRecord {
  const routeTable = state.routeTables[routeTableId];
  if (!routeTable) throw NOT_FOUND.routeTable(routeTableId);
  return routeTable;
}

export function requireSecurityGroup(state: Ec2State, groupId: string): SecurityGroupRecord {
  const group = state.securityGroups[groupId];
  if (!group) throw NOT_FOUND.securityGroup(groupId);
  return group;
}
