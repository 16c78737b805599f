import type { XmlValue } from '../shared/xml.js';
import { parseCidr } from './ec2-cidr.js';
import { createOnce } from './ec2-client-token.js';
import { describe } from './ec2-describe.js';
import { dependencyViolation, ec2Error, invalidParameterValue, NOT_FOUND } from './ec2-errors.js';
import type { FilterTable } from './ec2-filters.js';
import { newEc2Id } from './ec2-ids.js';
import { settle } from './ec2-lifecycle.js';
import { requireRouteTable, requireSubnet, requireVpc } from './ec2-lookup.js';
import { type Ec2OperationTable, mutation, RETURN_TRUE, read } from './ec2-operation.js';
import { optionalString, requiredString } from './ec2-params.js';
import type { Ec2Context } from './ec2-settings.js';
import type { Ec2State, RouteRecord, RouteTableRecord, Tags } from './ec2-state.js';
import { tagsFromSpecifications } from './ec2-tags.js';
import { visibleAfterCreate } from './ec2-visibility.js';
import { type Ec2ResponseFields, tagSet } from './ec2-xml.js';

function newRouteTable(
  context: Ec2Context,
  vpcId: string,
  vpcCidr: string,
  tags: Tags,
  main: boolean,
): RouteTableRecord {
  const table: RouteTableRecord = {
    routeTableId: newEc2Id('rtb'),
    vpcId,
    routes: [{ destinationCidrBlock: vpcCidr, gatewayId: 'local', origin: 'CreateRouteTable' }],
    associations: main ? [{ associationId: newEc2Id('rtbassoc'), main: true }] : [],
    tags,
    ...visibleAfterCreate(context),
  };
  context.state.routeTables[table.routeTableId] = table;
  return table;
}

/** The main route table every VPC is born with: the `local` route and the main association. */
export function createMainRouteTable(context: Ec2Context, vpcId: string, vpcCidr: string): RouteTableRecord {
  return newRouteTable(context, vpcId, vpcCidr, {}, true);
}

export function createRoute(
  context: Ec2Context,
  input: { routeTableId: string; destinationCidrBlock: string; gatewayId: string },
): void {
  const table = requireRouteTable(context.state, input.routeTableId);
  if (!parseCidr(input.destinationCidrBlock)) {
    throw invalidParameterValue(
      `Value (${input.destinationCidrBlock}) for parameter destinationCidrBlock is invalid.`,
    );
  }
  const gateway = context.state.internetGateways[input.gatewayId];
  if (!gateway) throw NOT_FOUND.gateway(input.gatewayId);
  if (gateway.attachedVpcId !== table.vpcId) {
    throw invalidParameterValue(
      `route table ${table.routeTableId} and network gateway ${input.gatewayId} belong to different networks`,
    );
  }
  if (table.routes.some((route) => route.destinationCidrBlock === input.destinationCidrBlock)) {
    throw ec2Error(
      'RouteAlreadyExists',
      `The route identified by ${input.destinationCidrBlock} already exists.`,
    );
  }
  table.routes.push({
    destinationCidrBlock: input.destinationCidrBlock,
    gatewayId: input.gatewayId,
    origin: 'CreateRoute',
  });
}

export function associateRouteTable(context: Ec2Context, routeTableId: string, subnetId: string): string {
  settle(context.state, context.clock.now());
  const table = requireRouteTable(context.state, routeTableId);
  const subnet = requireSubnet(context.state, subnetId);
  if (subnet.vpcId !== table.vpcId) {
    throw invalidParameterValue(
      `Route table ${routeTableId} and subnet ${subnetId} belong to different networks`,
    );
  }
  const taken = Object.values(context.state.routeTables).some((other) =>
    other.associations.some((association) => association.subnetId === subnetId),
  );
  if (taken) {
    throw ec2Error(
      'Resource.AlreadyAssociated',
      `the specified association for route table ${routeTableId} conflicts with an existing association`,
    );
  }
  const associationId = newEc2Id('rtbassoc');
  table.associations.push({ associationId, main: false, subnetId });
  return associationId;
}

export function disassociateRouteTable(context: Ec2Context, associationId: string): void {
  const table = Object.values(context.state.routeTables).find((candidate) =>
    candidate.associations.some((association) => association.associationId === associationId),
  );
  if (!table) throw NOT_FOUND.association(associationId);
  if (
    table.associations.some((association) => association.associationId === associationId && association.main)
  ) {
    throw invalidParameterValue(`cannot disassociate the main route table association ${associationId}`);
  }
  table.associations = table.associations.filter(
    (association) => association.associationId !== associationId,
  );
}

/** A route to a gateway no longer attached to the table's VPC is a blackhole. */
function routeState(state: Ec2State, table: RouteTableRecord, route: RouteRecord): string {
  if (route.gatewayId === 'local') return 'active';
  return state.internetGateways[route.gatewayId]?.attachedVpcId === table.vpcId ? 'active' : 'blackhole';
}

function routeTableFields(state: Ec2State, table: RouteTableRecord, accountId: string): Ec2ResponseFields {
  return {
    routeTableId: table.routeTableId,
    vpcId: table.vpcId,
    ownerId: accountId,
    routeSet: table.routes.map((route) => ({
      destinationCidrBlock: route.destinationCidrBlock,
      gatewayId: route.gatewayId,
      state: routeState(state, table, route),
      origin: route.origin,
    })),
    associationSet: table.associations.map((association) => ({
      main: association.main,
      routeTableAssociationId: association.associationId,
      routeTableId: table.routeTableId,
      subnetId: association.subnetId,
      associationState: { state: 'associated' },
    })),
    propagatingVgwSet: [],
    tagSet: Object.keys(table.tags).length > 0 ? tagSet(table.tags) : undefined,
  };
}

function routeTableFilters(state: Ec2State): FilterTable<RouteTableRecord> {
  return {
    'route-table-id': (table) => table.routeTableId,
    'vpc-id': (table) => table.vpcId,
    'association.route-table-association-id': (table) =>
      table.associations.map((association) => association.associationId),
    'association.route-table-id': (table) => (table.associations.length > 0 ? table.routeTableId : undefined),
    'association.subnet-id': (table) => table.associations.map((association) => association.subnetId),
    'association.main': (table) => table.associations.map((association) => association.main),
    'route.destination-cidr-block': (table) => table.routes.map((route) => route.destinationCidrBlock),
    'route.gateway-id': (table) => table.routes.map((route) => route.gatewayId),
    'route.origin': (table) => table.routes.map((route) => route.origin),
    'route.state': (table) => table.routes.map((route) => routeState(state, table, route)),
  };
}

export const ROUTE_OPERATIONS: Ec2OperationTable = {
  CreateRouteTable: mutation((params, context) => {
    settle(context.state, context.clock.now());
    const vpcId = requiredString(params, 'VpcId', 'vpcId');
    const tags = tagsFromSpecifications(params, 'route-table');
    const routeTableId = createOnce(
      context,
      'CreateRouteTable',
      params,
      (id) => id in context.state.routeTables,
      () =>
        newRouteTable(context, vpcId, requireVpc(context.state, vpcId).cidrBlock, tags, false).routeTableId,
    );
    const table = requireRouteTable(context.state, routeTableId);
    return {
      routeTable: routeTableFields(context.state, table, context.settings.accountId),
      clientToken: optionalString(params, 'ClientToken'),
    };
  }),

  /** Only internet gateway targets are modelled. */
  CreateRoute: mutation((params, context) => {
    const gatewayId = optionalString(params, 'GatewayId');
    if (gatewayId === undefined) {
      throw ec2Error(
        'InvalidParameterCombination',
        'No route target specified: this fake models GatewayId targets only.',
      );
    }
    createRoute(context, {
      routeTableId: requiredString(params, 'RouteTableId', 'routeTableId'),
      destinationCidrBlock: requiredString(params, 'DestinationCidrBlock', 'destinationCidrBlock'),
      gatewayId,
    });
    return RETURN_TRUE;
  }),

  DeleteRoute: mutation((params, context) => {
    const table = requireRouteTable(context.state, requiredString(params, 'RouteTableId', 'routeTableId'));
    const destination = requiredString(params, 'DestinationCidrBlock', 'destinationCidrBlock');
    const route = table.routes.find((candidate) => candidate.destinationCidrBlock === destination);
    if (!route || route.gatewayId === 'local') {
      throw ec2Error(
        'InvalidRoute.NotFound',
        `no route with destination-cidr-block ${destination} in route table ${table.routeTableId}`,
      );
    }
    table.routes = table.routes.filter((candidate) => candidate !== route);
    return RETURN_TRUE;
  }),

  AssociateRouteTable: mutation((params, context) => {
    const associationId = associateRouteTable(
      context,
      requiredString(params, 'RouteTableId', 'routeTableId'),
      requiredString(params, 'SubnetId', 'subnetId'),
    );
    return { associationId, associationState: { state: 'associated' } };
  }),

  DisassociateRouteTable: mutation((params, context) => {
    disassociateRouteTable(context, requiredString(params, 'AssociationId', 'associationId'));
    return RETURN_TRUE;
  }),

  /** The main table and tables with subnet associations cannot be deleted. */
  DeleteRouteTable: mutation((params, context) => {
    const routeTableId = requiredString(params, 'RouteTableId', 'routeTableId');
    const table = requireRouteTable(context.state, routeTableId);
    if (table.associations.length > 0) throw dependencyViolation('routeTable', routeTableId);
    delete context.state.routeTables[routeTableId];
    return RETURN_TRUE;
  }),

  DescribeRouteTables: read((params, context) => {
    const { accountId } = context.settings;
    const page = describe({
      params,
      records: context.state.routeTables,
      idParameter: 'RouteTableId',
      notFound: NOT_FOUND.routeTable,
      filters: { ...routeTableFilters(context.state), 'owner-id': () => accountId },
      maxPage: 100,
    });
    const routeTableSet: XmlValue[] = page.items.map((table) =>
      routeTableFields(context.state, table, accountId),
    );
    return { routeTableSet, nextToken: page.nextToken };
  }),
};
