import type { XmlValue } from '../shared/xml.js';
import { parseCidr } from './ec2-cidr.js';
import { describe } from './ec2-describe.js';
import { dependencyViolation, ec2Error, invalidParameterValue, NOT_FOUND } from './ec2-errors.js';
import type { FilterTable } from './ec2-filters.js';
import { newEc2Id } from './ec2-ids.js';
import { settle } from './ec2-lifecycle.js';
import { requireVpc } from './ec2-lookup.js';
import { type Ec2OperationTable, mutation, RETURN_TRUE, read } from './ec2-operation.js';
import { optionalString, requiredString } from './ec2-params.js';
import { createMainRouteTable } from './ec2-routes.js';
import { createDefaultSecurityGroup } from './ec2-security-groups.js';
import { completesAt, type Ec2Context } from './ec2-settings.js';
import type { Tags, VpcRecord } from './ec2-state.js';
import { tagsFromSpecifications } from './ec2-tags.js';
import { visibleAfterCreate } from './ec2-visibility.js';
import { type Ec2ResponseFields, tagSet } from './ec2-xml.js';

/** A VPC in `pending` with its main route table and default security group, as EC2 creates them. */
export function createVpc(
  context: Ec2Context,
  input: { cidrBlock: string; instanceTenancy?: string; tags?: Tags },
): VpcRecord {
  settle(context.state, context.clock.now());
  const cidr = parseCidr(input.cidrBlock);
  if (!cidr) {
    throw invalidParameterValue(
      `Value (${input.cidrBlock}) for parameter cidrBlock is invalid. This is not a valid CIDR block.`,
    );
  }
  if (cidr.prefix < 16 || cidr.prefix > 28)
    throw ec2Error('InvalidVpc.Range', `The CIDR '${input.cidrBlock}' is invalid.`);
  if (Object.keys(context.state.vpcs).length >= context.settings.quotas.vpcs) {
    throw ec2Error('VpcLimitExceeded', 'The maximum number of VPCs has been reached.');
  }
  const vpcId = newEc2Id('vpc');
  const vpc: VpcRecord = {
    vpcId,
    cidrBlock: input.cidrBlock,
    cidrAssociationId: newEc2Id('vpc-cidr-assoc'),
    dhcpOptionsId: newEc2Id('dopt'),
    instanceTenancy: input.instanceTenancy ?? 'default',
    state: 'pending',
    availableAt: completesAt(context, 'CreateVpc'),
    mainRouteTableId: createMainRouteTable(context, vpcId, input.cidrBlock).routeTableId,
    defaultSecurityGroupId: createDefaultSecurityGroup(context, vpcId).groupId,
    enableDnsSupport: true,
    enableDnsHostnames: false,
    tags: { ...input.tags },
    ...visibleAfterCreate(context),
  };
  context.state.vpcs[vpcId] = vpc;
  return vpc;
}

function hasDependencies(context: Ec2Context, vpc: VpcRecord): boolean {
  const { state } = context;
  return (
    Object.values(state.subnets).some((subnet) => subnet.vpcId === vpc.vpcId) ||
    Object.values(state.internetGateways).some((gateway) => gateway.attachedVpcId === vpc.vpcId) ||
    Object.values(state.routeTables).some(
      (table) => table.vpcId === vpc.vpcId && table.routeTableId !== vpc.mainRouteTableId,
    ) ||
    Object.values(state.securityGroups).some(
      (group) => group.vpcId === vpc.vpcId && group.groupId !== vpc.defaultSecurityGroupId,
    )
  );
}

/** EC2 refuses while subnets, an attached gateway, other route tables or security groups remain. */
export function deleteVpc(context: Ec2Context, vpcId: string): void {
  settle(context.state, context.clock.now());
  const vpc = requireVpc(context.state, vpcId);
  if (hasDependencies(context, vpc)) throw dependencyViolation('vpc', vpcId);
  delete context.state.routeTables[vpc.mainRouteTableId];
  delete context.state.securityGroups[vpc.defaultSecurityGroupId];
  delete context.state.vpcs[vpcId];
}

function vpcFields(vpc: VpcRecord, accountId: string): Ec2ResponseFields {
  return {
    vpcId: vpc.vpcId,
    ownerId: accountId,
    state: vpc.state,
    cidrBlock: vpc.cidrBlock,
    cidrBlockAssociationSet: [
      {
        cidrBlock: vpc.cidrBlock,
        associationId: vpc.cidrAssociationId,
        cidrBlockState: { state: 'associated' },
      },
    ],
    ipv6CidrBlockAssociationSet: [],
    dhcpOptionsId: vpc.dhcpOptionsId,
    instanceTenancy: vpc.instanceTenancy,
    isDefault: false,
    tagSet: Object.keys(vpc.tags).length > 0 ? tagSet(vpc.tags) : undefined,
  };
}

const VPC_FILTERS: FilterTable<VpcRecord> = {
  'vpc-id': (vpc) => vpc.vpcId,
  cidr: (vpc) => vpc.cidrBlock,
  'cidr-block-association.cidr-block': (vpc) => vpc.cidrBlock,
  'cidr-block-association.association-id': (vpc) => vpc.cidrAssociationId,
  'cidr-block-association.state': () => 'associated',
  state: (vpc) => vpc.state,
  'is-default': () => false,
  'dhcp-options-id': (vpc) => vpc.dhcpOptionsId,
};

export const VPC_OPERATIONS: Ec2OperationTable = {
  CreateVpc: mutation((params, context) => {
    const vpc = createVpc(context, {
      cidrBlock: requiredString(params, 'CidrBlock', 'cidrBlock'),
      instanceTenancy: optionalString(params, 'InstanceTenancy'),
      tags: tagsFromSpecifications(params, 'vpc'),
    });
    return { vpc: vpcFields(vpc, context.settings.accountId) };
  }),

  DescribeVpcs: read((params, context) => {
    settle(context.state, context.clock.now());
    const { accountId } = context.settings;
    const page = describe({
      params,
      records: context.state.vpcs,
      idParameter: 'VpcId',
      notFound: NOT_FOUND.vpc,
      filters: { ...VPC_FILTERS, 'owner-id': () => accountId },
      maxPage: 1000,
    });
    const vpcSet: XmlValue[] = page.items.map((vpc) => vpcFields(vpc, accountId));
    return { vpcSet, nextToken: page.nextToken };
  }),

  DeleteVpc: mutation((params, context) => {
    deleteVpc(context, requiredString(params, 'VpcId', 'vpcId'));
    return RETURN_TRUE;
  }),
};
