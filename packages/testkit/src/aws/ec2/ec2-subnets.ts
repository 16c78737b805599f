import type { XmlValue } from '../shared/xml.js';
import { addressCount, cidrContains, cidrsOverlap, parseCidr } from './ec2-cidr.js';
import { describe } from './ec2-describe.js';
import { ec2Error, invalidParameterValue, NOT_FOUND } from './ec2-errors.js';
import type { FilterTable } from './ec2-filters.js';
import { newEc2Id } from './ec2-ids.js';
import { settle } from './ec2-lifecycle.js';
import { requireSubnet, requireVpc } from './ec2-lookup.js';
import { type Ec2OperationTable, mutation, RETURN_TRUE, read } from './ec2-operation.js';
import { optionalBoolean, optionalString, requiredString } from './ec2-params.js';
import { completesAt, type Ec2Context, type Ec2Settings } from './ec2-settings.js';
import type { SubnetRecord, Tags } from './ec2-state.js';
import { tagsFromSpecifications } from './ec2-tags.js';
import { visibleAfterCreate } from './ec2-visibility.js';
import { type Ec2ResponseFields, tagSet } from './ec2-xml.js';
import { availabilityZones } from './ec2-zones.js';

/** AWS reserves five addresses in every subnet. */
const RESERVED_ADDRESSES = 5;

export interface CreateSubnetInput {
  vpcId: string;
  cidrBlock: string;
  availabilityZone?: string;
  availabilityZoneId?: string;
  tags?: Tags;
}

function chooseZone(context: Ec2Context, input: CreateSubnetInput): string {
  const zones = availabilityZones(context.settings);
  if (input.availabilityZone === undefined && input.availabilityZoneId === undefined) {
    const existing = Object.values(context.state.subnets).filter(
      (subnet) => subnet.vpcId === input.vpcId,
    ).length;
    return zones[existing % zones.length]?.zoneName ?? '';
  }
  const zone = zones.find(
    (candidate) =>
      candidate.zoneName === input.availabilityZone || candidate.zoneId === input.availabilityZoneId,
  );
  if (!zone) {
    throw invalidParameterValue(
      `Value (${input.availabilityZone ?? input.availabilityZoneId}) for parameter availabilityZone is invalid. ` +
        `Subnets can currently only be created in the following availability zones: ${zones.map((candidate) => candidate.zoneName).join(', ')}.`,
    );
  }
  return zone.zoneName;
}

function validateCidr(context: Ec2Context, input: CreateSubnetInput): void {
  const vpc = requireVpc(context.state, input.vpcId);
  const cidr = parseCidr(input.cidrBlock);
  if (!cidr) {
    throw invalidParameterValue(
      `Value (${input.cidrBlock}) for parameter cidrBlock is invalid. This is not a valid CIDR block.`,
    );
  }
  const vpcCidr = parseCidr(vpc.cidrBlock);
  if (!vpcCidr || !cidrContains(vpcCidr, cidr) || cidr.prefix > 28) {
    throw ec2Error('InvalidSubnet.Range', `The CIDR '${input.cidrBlock}' is invalid.`);
  }
  const conflict = Object.values(context.state.subnets).some((subnet) => {
    const other = parseCidr(subnet.cidrBlock);
    return subnet.vpcId === input.vpcId && other !== undefined && cidrsOverlap(other, cidr);
  });
  if (conflict)
    throw ec2Error('InvalidSubnet.Conflict', `The CIDR '${input.cidrBlock}' conflicts with another subnet`);
}

/** A subnet in `pending`, `available` after the modelled `ec2.CreateSubnet`; zones rotate when none is given. */
export function createSubnet(context: Ec2Context, input: CreateSubnetInput): SubnetRecord {
  settle(context.state, context.clock.now());
  validateCidr(context, input);
  const subnet: SubnetRecord = {
    subnetId: newEc2Id('subnet'),
    vpcId: input.vpcId,
    cidrBlock: input.cidrBlock,
    availabilityZone: chooseZone(context, input),
    mapPublicIpOnLaunch: false,
    state: 'pending',
    availableAt: completesAt(context, 'CreateSubnet'),
    tags: { ...input.tags },
    ...visibleAfterCreate(context),
  };
  context.state.subnets[subnet.subnetId] = subnet;
  return subnet;
}

/** Deleting a subnet drops its explicit route table associations with it. */
export function deleteSubnet(context: Ec2Context, subnetId: string): void {
  settle(context.state, context.clock.now());
  requireSubnet(context.state, subnetId);
  for (const table of Object.values(context.state.routeTables)) {
    table.associations = table.associations.filter((association) => association.subnetId !== subnetId);
  }
  delete context.state.subnets[subnetId];
}

function subnetFields(subnet: SubnetRecord, settings: Ec2Settings): Ec2ResponseFields {
  const cidr = parseCidr(subnet.cidrBlock);
  const zone = availabilityZones(settings).find(
    (candidate) => candidate.zoneName === subnet.availabilityZone,
  );
  return {
    subnetId: subnet.subnetId,
    subnetArn: `arn:aws:ec2:${settings.region}:${settings.accountId}:subnet/${subnet.subnetId}`,
    state: subnet.state,
    vpcId: subnet.vpcId,
    cidrBlock: subnet.cidrBlock,
    ipv6CidrBlockAssociationSet: [],
    availableIpAddressCount: cidr ? addressCount(cidr) - RESERVED_ADDRESSES : 0,
    availabilityZone: subnet.availabilityZone,
    availabilityZoneId: zone?.zoneId,
    defaultForAz: false,
    mapPublicIpOnLaunch: subnet.mapPublicIpOnLaunch,
    assignIpv6AddressOnCreation: false,
    mapCustomerOwnedIpOnLaunch: false,
    ownerId: settings.accountId,
    enableDns64: false,
    ipv6Native: false,
    privateDnsNameOptionsOnLaunch: {
      hostnameType: 'ip-name',
      enableResourceNameDnsARecord: false,
      enableResourceNameDnsAAAARecord: false,
    },
    tagSet: Object.keys(subnet.tags).length > 0 ? tagSet(subnet.tags) : undefined,
  };
}

function subnetFilters(settings: Ec2Settings): FilterTable<SubnetRecord> {
  const zoneIds = new Map(availabilityZones(settings).map((zone) => [zone.zoneName, zone.zoneId]));
  return {
    'subnet-id': (subnet) => subnet.subnetId,
    'subnet-arn': (subnet) =>
      `arn:aws:ec2:${settings.region}:${settings.accountId}:subnet/${subnet.subnetId}`,
    'vpc-id': (subnet) => subnet.vpcId,
    'availability-zone': (subnet) => subnet.availabilityZone,
    'availability-zone-id': (subnet) => zoneIds.get(subnet.availabilityZone),
    'cidr-block': (subnet) => subnet.cidrBlock,
    cidr: (subnet) => subnet.cidrBlock,
    cidrBlock: (subnet) => subnet.cidrBlock,
    state: (subnet) => subnet.state,
    'default-for-az': () => false,
    defaultForAz: () => false,
    'map-public-ip-on-launch': (subnet) => subnet.mapPublicIpOnLaunch,
    'owner-id': () => settings.accountId,
  };
}

export const SUBNET_OPERATIONS: Ec2OperationTable = {
  CreateSubnet: mutation((params, context) => {
    const subnet = createSubnet(context, {
      vpcId: requiredString(params, 'VpcId', 'vpcId'),
      cidrBlock: requiredString(params, 'CidrBlock', 'cidrBlock'),
      availabilityZone: optionalString(params, 'AvailabilityZone'),
      availabilityZoneId: optionalString(params, 'AvailabilityZoneId'),
      tags: tagsFromSpecifications(params, 'subnet'),
    });
    return { subnet: subnetFields(subnet, context.settings) };
  }),

  DescribeSubnets: read((params, context) => {
    settle(context.state, context.clock.now());
    const page = describe({
      params,
      records: context.state.subnets,
      idParameter: 'SubnetId',
      notFound: NOT_FOUND.subnet,
      filters: subnetFilters(context.settings),
      maxPage: 1000,
    });
    const subnetSet: XmlValue[] = page.items.map((subnet) => subnetFields(subnet, context.settings));
    return { subnetSet, nextToken: page.nextToken };
  }),

  /** Only `MapPublicIpOnLaunch.Value` is modelled; EC2 changes one attribute per call. */
  ModifySubnetAttribute: mutation((params, context) => {
    settle(context.state, context.clock.now());
    const subnet = requireSubnet(context.state, requiredString(params, 'SubnetId', 'subnetId'));
    const value = optionalBoolean(params, 'MapPublicIpOnLaunch.Value');
    if (value !== undefined) subnet.mapPublicIpOnLaunch = value;
    return RETURN_TRUE;
  }),

  DeleteSubnet: mutation((params, context) => {
    deleteSubnet(context, requiredString(params, 'SubnetId', 'subnetId'));
    return RETURN_TRUE;
  }),
};
