import { GATEWAY_OPERATIONS } from './ec2-gateways.js';
import { INSTANCE_TYPE_OPERATIONS } from './ec2-instance-type-operations.js';
import type { Ec2OperationTable } from './ec2-operation.js';
import { ROUTE_OPERATIONS } from './ec2-routes.js';
import { SECURITY_GROUP_OPERATIONS } from './ec2-security-groups.js';
import { SNAPSHOT_OPERATIONS } from './ec2-snapshots.js';
import { SUBNET_OPERATIONS } from './ec2-subnets.js';
import { TAG_OPERATIONS } from './ec2-tag-operations.js';
import { VOLUME_OPERATIONS } from './ec2-volume-operations.js';
import { VPC_ATTRIBUTE_OPERATIONS } from './ec2-vpc-attributes.js';
import { VPC_OPERATIONS } from './ec2-vpcs.js';
import { ZONE_OPERATIONS } from './ec2-zones.js';

/** Every EC2 action the fake answers, by its `Action` name. */
export const EC2_OPERATIONS: Ec2OperationTable = {
  ...VPC_OPERATIONS,
  ...VPC_ATTRIBUTE_OPERATIONS,
  ...SUBNET_OPERATIONS,
  ...GATEWAY_OPERATIONS,
  ...ROUTE_OPERATIONS,
  ...SECURITY_GROUP_OPERATIONS,
  ...VOLUME_OPERATIONS,
  ...SNAPSHOT_OPERATIONS,
  ...TAG_OPERATIONS,
  ...ZONE_OPERATIONS,
  ...INSTANCE_TYPE_OPERATIONS,
};
