/**
 * The EC2 fake's state: plain JSON, so a StateStore can persist it between processes (sim mode).
 * Every record keeps the real epoch milliseconds at which its next state change happens; reads
 * settle those changes against the clock (see ec2-lifecycle.ts).
 */

export type Tags = Record<string, string>;

export type VolumeState = 'creating' | 'available' | 'in-use' | 'deleting' | 'deleted' | 'error';
export type AttachmentState = 'attaching' | 'attached' | 'detaching' | 'detached';
export type SnapshotState = 'pending' | 'completed' | 'error';
export type PendingOrAvailable = 'pending' | 'available';

export interface VolumeAttachmentRecord {
  instanceId: string;
  device: string;
  state: AttachmentState;
  attachTime: number;
  /** When `attaching` becomes `attached`, or `detaching` ends. */
  settlesAt: number;
}

export interface VolumeRecord {
  volumeId: string;
  size: number;
  volumeType: string;
  iops?: number;
  throughput?: number;
  availabilityZone: string;
  snapshotId?: string;
  encrypted: boolean;
  createTime: number;
  state: VolumeState;
  availableAt: number;
  goneAt?: number;
  attachment?: VolumeAttachmentRecord;
  tags: Tags;
  /** Until then, calls naming its id answer NotFound (the fake's `visibilityDelay`). */
  visibleAt?: number;
}

export interface SnapshotRecord {
  snapshotId: string;
  volumeId: string;
  volumeSize: number;
  description: string;
  encrypted: boolean;
  startTime: number;
  completesAt: number;
  state: SnapshotState;
  tags: Tags;
}

export interface VpcRecord {
  vpcId: string;
  cidrBlock: string;
  cidrAssociationId: string;
  dhcpOptionsId: string;
  instanceTenancy: string;
  state: PendingOrAvailable;
  availableAt: number;
  mainRouteTableId: string;
  defaultSecurityGroupId: string;
  /** DNS attributes (ec2-vpc-attributes.ts); absent in state saved before they were modelled. */
  enableDnsSupport?: boolean;
  enableDnsHostnames?: boolean;
  tags: Tags;
  /** Until then, calls naming its id answer NotFound (the fake's `visibilityDelay`). */
  visibleAt?: number;
}

export interface SubnetRecord {
  subnetId: string;
  vpcId: string;
  cidrBlock: string;
  availabilityZone: string;
  mapPublicIpOnLaunch: boolean;
  state: PendingOrAvailable;
  availableAt: number;
  tags: Tags;
  /** Until then, calls naming its id answer NotFound (the fake's `visibilityDelay`). */
  visibleAt?: number;
}

export interface InternetGatewayRecord {
  internetGatewayId: string;
  attachedVpcId?: string;
  tags: Tags;
  /** Until then, calls naming its id answer NotFound (the fake's `visibilityDelay`). */
  visibleAt?: number;
}

export interface RouteRecord {
  destinationCidrBlock: string;
  /** `local` for the VPC's own range, or an internet gateway id. */
  gatewayId: string;
  origin: 'CreateRouteTable' | 'CreateRoute';
}

export interface RouteTableAssociationRecord {
  associationId: string;
  main: boolean;
  subnetId?: string;
}

export interface RouteTableRecord {
  routeTableId: string;
  vpcId: string;
  routes: RouteRecord[];
  associations: RouteTableAssociationRecord[];
  tags: Tags;
  /** Until then, calls naming its id answer NotFound (the fake's `visibilityDelay`). */
  visibleAt?: number;
}

export interface SecurityGroupRuleRecord {
  ruleId: string;
  ipProtocol: string;
  fromPort?: number;
  toPort?: number;
  cidrIp?: string;
  referencedGroupId?: string;
  description?: string;
}

export interface SecurityGroupRecord {
  groupId: string;
  groupName: string;
  description: string;
  vpcId: string;
  ingress: SecurityGroupRuleRecord[];
  egress: SecurityGroupRuleRecord[];
  tags: Tags;
}

/** What a ClientToken was first used for, so a retry returns the same resource. */
export interface ClientTokenRecord {
  operation: string;
  fingerprint: string;
  resourceId: string;
}

export interface Ec2State {
  volumes: Record<string, VolumeRecord>;
  snapshots: Record<string, SnapshotRecord>;
  vpcs: Record<string, VpcRecord>;
  subnets: Record<string, SubnetRecord>;
  internetGateways: Record<string, InternetGatewayRecord>;
  routeTables: Record<string, RouteTableRecord>;
  securityGroups: Record<string, SecurityGroupRecord>;
  clientTokens: Record<string, ClientTokenRecord>;
}

export function createEc2State(): Ec2State {
  return {
    volumes: {},
    snapshots: {},
    vpcs: {},
    subnets: {},
    internetGateways: {},
    routeTables: {},
    securityGroups: {},
    clientTokens: {},
  };
}
