import type { XmlValue } from '../shared/xml.js';
import { describe } from './ec2-describe.js';
import { dependencyViolation, ec2Error, invalidParameterValue, NOT_FOUND } from './ec2-errors.js';
import type { FilterTable } from './ec2-filters.js';
import { newEc2Id } from './ec2-ids.js';
import { settle } from './ec2-lifecycle.js';
import { requireInternetGateway, requireVpc } from './ec2-lookup.js';
import { type Ec2OperationTable, mutation, RETURN_TRUE, read } from './ec2-operation.js';
import { requiredString } from './ec2-params.js';
import type { Ec2Context } from './ec2-settings.js';
import type { InternetGatewayRecord } from './ec2-state.js';
import { tagsFromSpecifications } from './ec2-tags.js';
import { visibleAfterCreate } from './ec2-visibility.js';
import { type Ec2ResponseFields, tagSet } from './ec2-xml.js';

export function attachInternetGateway(context: Ec2Context, internetGatewayId: string, vpcId: string): void {
  settle(context.state, context.clock.now());
  const gateway = requireInternetGateway(context.state, internetGatewayId);
  requireVpc(context.state, vpcId);
  if (gateway.attachedVpcId !== undefined) {
    throw ec2Error(
      'Resource.AlreadyAssociated',
      `resource ${internetGatewayId} is already attached to network ${gateway.attachedVpcId}`,
    );
  }
  const other = Object.values(context.state.internetGateways).find(
    (candidate) => candidate.attachedVpcId === vpcId,
  );
  if (other) throw invalidParameterValue(`Network ${vpcId} already has an internet gateway attached`);
  gateway.attachedVpcId = vpcId;
}

export function detachInternetGateway(context: Ec2Context, internetGatewayId: string, vpcId: string): void {
  const gateway = requireInternetGateway(context.state, internetGatewayId);
  requireVpc(context.state, vpcId);
  if (gateway.attachedVpcId !== vpcId) {
    throw ec2Error(
      'Gateway.NotAttached',
      `resource ${internetGatewayId} is not attached to network ${vpcId}`,
    );
  }
  delete gateway.attachedVpcId;
}

function gatewayFields(gateway: InternetGatewayRecord, accountId: string): Ec2ResponseFields {
  return {
    internetGatewayId: gateway.internetGatewayId,
    ownerId: accountId,
    attachmentSet: gateway.attachedVpcId ? [{ vpcId: gateway.attachedVpcId, state: 'available' }] : [],
    tagSet: Object.keys(gateway.tags).length > 0 ? tagSet(gateway.tags) : undefined,
  };
}

const GATEWAY_FILTERS: FilterTable<InternetGatewayRecord> = {
  'internet-gateway-id': (gateway) => gateway.internetGatewayId,
  'attachment.vpc-id': (gateway) => gateway.attachedVpcId,
  'attachment.state': (gateway) => (gateway.attachedVpcId ? 'available' : undefined),
};

export const GATEWAY_OPERATIONS: Ec2OperationTable = {
  CreateInternetGateway: mutation((params, context) => {
    const tags = tagsFromSpecifications(params, 'internet-gateway');
    if (Object.keys(context.state.internetGateways).length >= context.settings.quotas.internetGateways) {
      throw ec2Error(
        'InternetGatewayLimitExceeded',
        'The maximum number of internet gateways has been reached.',
      );
    }
    const gateway: InternetGatewayRecord = {
      internetGatewayId: newEc2Id('igw'),
      tags,
      ...visibleAfterCreate(context),
    };
    context.state.internetGateways[gateway.internetGatewayId] = gateway;
    return { internetGateway: gatewayFields(gateway, context.settings.accountId) };
  }),

  AttachInternetGateway: mutation((params, context) => {
    attachInternetGateway(
      context,
      requiredString(params, 'InternetGatewayId', 'internetGatewayId'),
      requiredString(params, 'VpcId', 'vpcId'),
    );
    return RETURN_TRUE;
  }),

  DetachInternetGateway: mutation((params, context) => {
    detachInternetGateway(
      context,
      requiredString(params, 'InternetGatewayId', 'internetGatewayId'),
      requiredString(params, 'VpcId', 'vpcId'),
    );
    return RETURN_TRUE;
  }),

  DeleteInternetGateway: mutation((params, context) => {
    const internetGatewayId = requiredString(params, 'InternetGatewayId', 'internetGatewayId');
    const gateway = requireInternetGateway(context.state, internetGatewayId);
    if (gateway.attachedVpcId !== undefined) throw dependencyViolation('internetGateway', internetGatewayId);
    delete context.state.internetGateways[internetGatewayId];
    return RETURN_TRUE;
  }),

  DescribeInternetGateways: read((params, context) => {
    const { accountId } = context.settings;
    const page = describe({
      params,
      records: context.state.internetGateways,
      idParameter: 'InternetGatewayId',
      notFound: NOT_FOUND.internetGateway,
      filters: { ...GATEWAY_FILTERS, 'owner-id': () => accountId },
      maxPage: 1000,
    });
    const internetGatewaySet: XmlValue[] = page.items.map((gateway) => gatewayFields(gateway, accountId));
    return { internetGatewaySet, nextToken: page.nextToken };
  }),
};
