import { booleanField, objectField, stringField } from '../../framework/json-body.js';
import type { OpenStackRequest } from '../shared/openstack-protocol.js';
import {
  checkQuota,
  lookup,
  type NeutronContext,
  newRecord,
  reply,
  standardView,
  touch,
} from './neutron-context.js';
import { listing, showing, updateCommon } from './neutron-crud.js';
import { badRequest, inUse, neutronError, notFound } from './neutron-errors.js';
import { makePort, removePort } from './neutron-ports.js';
import type { PortRecord, RouterRecord } from './neutron-state.js';

export function routerView(context: NeutronContext, router: RouterRecord) {
  const gatewayPort = router.gateway ? context.state.ports[router.gateway.portId] : undefined;
  return {
    ...standardView(context, router),
    admin_state_up: router.adminStateUp,
    status: 'ACTIVE',
    external_gateway_info: router.gateway
      ? {
          network_id: router.gateway.networkId,
          enable_snat: router.gateway.enableSnat,
          external_fixed_ips: gatewayPort?.fixedIps ?? [],
        }
      : null,
    routes: [],
    distributed: false,
    ha: false,
    availability_zones: ['nova'],
  };
}

function setGateway(
  context: NeutronContext,
  router: RouterRecord,
  info: Record<string, unknown> | undefined | null,
): void {
  if (router.gateway) {
    removePort(context, router.gateway.portId);
    router.gateway = null;
  }
  if (!info) return;
  const network = lookup(context, 'networks', stringField(info, 'network_id'));
  if (!network.external) throw badRequest('router', `Network ${network.id} is not an external network`);
  const port = makePort(context, {
    networkId: network.id,
    deviceId: router.id,
    deviceOwner: 'network:router_gateway',
  });
  router.gateway = {
    networkId: network.id,
    enableSnat: booleanField(info, 'enable_snat') ?? true,
    portId: port.id,
  };
}

export const listRouters = listing('routers', 'routers', routerView);
export const getRouter = showing('routers', 'router', routerView);

export function createRouter(context: NeutronContext, request: OpenStackRequest) {
  const body = objectField(request.body, 'router');
  if (!body) throw badRequest('router', "Resource body required, 'router' is missing");
  checkQuota(context, 'router', Object.keys(context.state.routers).length);
  const router: RouterRecord = {
    ...newRecord(context, body),
    adminStateUp: booleanField(body, 'admin_state_up') ?? true,
    gateway: null,
  };
  setGateway(context, router, objectField(body, 'external_gateway_info'));
  context.state.routers[router.id] = router;
  return reply(201, { router: routerView(context, router) });
}

/** PUT: name, description, and `external_gateway_info` (an object sets it, null clears it). */
export function updateRouter(context: NeutronContext, request: OpenStackRequest) {
  const router = lookup(context, 'routers', request.labels.id);
  const body = objectField(request.body, 'router') ?? {};
  if ('external_gateway_info' in body) {
    const info = objectField(body, 'external_gateway_info') ?? null;
    if (info === null && router.gateway) {
      const inUseByFloating = Object.values(context.state.floatingIps).some(
        (floating) => floating.routerId === router.id,
      );
      if (inUseByFloating)
        throw inUse(
          'RouterExternalGatewayInUseByFloatingIp',
          `Gateway cannot be updated for router ${router.id}, since a gateway to external network ${router.gateway.networkId} is required by one or more floating IPs.`,
        );
    }
    setGateway(context, router, info);
  }
  updateCommon(context, router, body);
  return reply(200, { router: routerView(context, router) });
}

function interfacePorts(context: NeutronContext, router: RouterRecord): PortRecord[] {
  return Object.values(context.state.ports).filter(
    (port) => port.deviceId === router.id && port.deviceOwner === 'network:router_interface',
  );
}

export function deleteRouter(context: NeutronContext, request: OpenStackRequest) {
  const router = lookup(context, 'routers', request.labels.id);
  if (interfacePorts(context, router).length > 0)
    throw inUse('RouterInUse', `Router ${router.id} still has ports`);
  if (Object.values(context.state.floatingIps).some((floating) => floating.routerId === router.id))
    throw inUse('RouterInUse', `Router ${router.id} still has floating IPs associated`);
  setGateway(context, router, null);
  delete context.state.routers[router.id];
  return reply(204);
}

function interfaceInfo(context: NeutronContext, router: RouterRecord, port: PortRecord) {
  const subnetId = port.fixedIps[0]?.subnet_id ?? '';
  return {
    id: router.id,
    tenant_id: context.settings.projectId,
    project_id: context.settings.projectId,
    port_id: port.id,
    network_id: port.networkId,
    subnet_id: subnetId,
    subnet_ids: port.fixedIps.map((ip) => ip.subnet_id),
    tags: [],
  };
}

/** PUT …/add_router_interface {subnet_id | port_id}: the router takes the subnet's gateway address. */
export function addRouterInterface(context: NeutronContext, request: OpenStackRequest) {
  const router = lookup(context, 'routers', request.labels.id);
  const subnetId = stringField(request.body, 'subnet_id');
  const portId = stringField(request.body, 'port_id');
  if ((subnetId === undefined) === (portId === undefined))
    throw badRequest('router', 'Either subnet_id or port_id must be specified');
  let port: PortRecord;
  if (portId !== undefined) {
    port = lookup(context, 'ports', portId);
    if (port.deviceId !== '')
      throw inUse(
        'PortInUse',
        `Unable to complete operation on port ${port.id} for network ${port.networkId}. Port already has an attached device ${port.deviceId}.`,
      );
    port.deviceId = router.id;
    port.deviceOwner = 'network:router_interface';
    port.securityGroups = [];
  } else {
    const subnet = lookup(context, 'subnets', subnetId);
    if (subnet.gatewayIp === null)
      throw badRequest('router', `Subnet for router interface must have a gateway IP`);
    if (
      interfacePorts(context, router).some((existing) =>
        existing.fixedIps.some((ip) => ip.subnet_id === subnet.id),
      )
    )
      throw badRequest('router', `Router already has a port on subnet ${subnet.id}`);
    port = makePort(context, {
      networkId: subnet.networkId,
      fixedIps: [{ subnet_id: subnet.id, ip_address: subnet.gatewayIp }],
      deviceId: router.id,
      deviceOwner: 'network:router_interface',
    });
  }
  touch(context, router);
  return reply(200, interfaceInfo(context, router, port));
}

export function removeRouterInterface(context: NeutronContext, request: OpenStackRequest) {
  const router = lookup(context, 'routers', request.labels.id);
  const subnetId = stringField(request.body, 'subnet_id');
  const portId = stringField(request.body, 'port_id');
  const port = interfacePorts(context, router).find(
    (candidate) => candidate.id === portId || candidate.fixedIps.some((ip) => ip.subnet_id === subnetId),
  );
  if (!port) {
    if (portId !== undefined)
      throw notFound(
        'RouterInterfaceNotFound',
        `Router ${router.id} does not have an interface with id ${portId}`,
      );
    throw notFound(
      'RouterInterfaceNotFoundForSubnet',
      `Router ${router.id} has no interface on subnet ${subnetId ?? ''}`,
    );
  }
  const subnets = new Set(port.fixedIps.map((ip) => ip.subnet_id));
  const needed = Object.values(context.state.floatingIps).some((floating) => {
    const target = floating.portId ? context.state.ports[floating.portId] : undefined;
    return floating.routerId === router.id && target?.fixedIps.some((ip) => subnets.has(ip.subnet_id));
  });
  if (needed)
    throw neutronError(
      409,
      'RouterInterfaceInUseByFloatingIP',
      `Router interface for subnet ${[...subnets][0]} on router ${router.id} cannot be deleted, as it is required by one or more floating IPs.`,
    );
  const info = interfaceInfo(context, router, port);
  removePort(context, port.id);
  touch(context, router);
  return reply(200, info);
}
