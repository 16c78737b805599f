import type { RestRoute } from '../../framework/rest-router.js';
import { type OpenStackOperation, openstackRoute } from '../shared/openstack-protocol.js';
import type { NeutronContext } from './neutron-context.js';
import {
  createFloatingIp,
  deleteFloatingIp,
  getFloatingIp,
  listFloatingIps,
  updateFloatingIp,
} from './neutron-floating-ips.js';
import { createNetwork, deleteNetwork, getNetwork, listNetworks, updateNetwork } from './neutron-networks.js';
import { createPort, deletePort, getPort, listPorts, updatePort } from './neutron-ports.js';
import {
  addRouterInterface,
  createRouter,
  deleteRouter,
  getRouter,
  listRouters,
  removeRouterInterface,
  updateRouter,
} from './neutron-routers.js';
import {
  createSecurityGroupRule,
  deleteSecurityGroupRule,
  getSecurityGroupRule,
  listSecurityGroupRules,
} from './neutron-security-group-rules.js';
import {
  createSecurityGroup,
  deleteSecurityGroup,
  getSecurityGroup,
  listSecurityGroups,
  updateSecurityGroup,
} from './neutron-security-groups.js';
import { createSubnet, deleteSubnet, getSubnet, listSubnets, updateSubnet } from './neutron-subnets.js';
import { addTag, checkTag, deleteTag, deleteTags, listTags, replaceTags } from './neutron-tags.js';

const route = openstackRoute<NeutronContext>;

type Handler = OpenStackOperation<NeutronContext>['handle'];

/** The five CRUD routes of a collection, named as the api-ref names them (`ListNetworks`, …). */
export function crud(
  path: string,
  singular: string,
  plural: string,
  handlers: { list: Handler; create: Handler; get: Handler; update?: Handler; remove: Handler },
): RestRoute<OpenStackOperation<NeutronContext>>[] {
  return [
    route('GET', `/v2.0/${path}`, `List${plural}`, handlers.list),
    route('POST', `/v2.0/${path}`, `Create${singular}`, handlers.create),
    route('GET', `/v2.0/${path}/{id}`, `Show${singular}`, handlers.get),
    ...(handlers.update ? [route('PUT', `/v2.0/${path}/{id}`, `Update${singular}`, handlers.update)] : []),
    route('DELETE', `/v2.0/${path}/{id}`, `Delete${singular}`, handlers.remove),
  ];
}

/** The networking API v2.0 paths the fake serves (api-ref network). */
export const NEUTRON_ROUTES: readonly RestRoute<OpenStackOperation<NeutronContext>>[] = [
  ...crud('networks', 'Network', 'Networks', {
    list: listNetworks,
    create: createNetwork,
    get: getNetwork,
    update: updateNetwork,
    remove: deleteNetwork,
  }),
  ...crud('subnets', 'Subnet', 'Subnets', {
    list: listSubnets,
    create: createSubnet,
    get: getSubnet,
    update: updateSubnet,
    remove: deleteSubnet,
  }),
  ...crud('ports', 'Port', 'Ports', {
    list: listPorts,
    create: createPort,
    get: getPort,
    update: updatePort,
    remove: deletePort,
  }),
  ...crud('routers', 'Router', 'Routers', {
    list: listRouters,
    create: createRouter,
    get: getRouter,
    update: updateRouter,
    remove: deleteRouter,
  }),
  route('PUT', '/v2.0/routers/{id}/add_router_interface', 'AddRouterInterface', addRouterInterface),
  route('PUT', '/v2.0/routers/{id}/remove_router_interface', 'RemoveRouterInterface', removeRouterInterface),
  ...crud('security-groups', 'SecurityGroup', 'SecurityGroups', {
    list: listSecurityGroups,
    create: createSecurityGroup,
    get: getSecurityGroup,
    update: updateSecurityGroup,
    remove: deleteSecurityGroup,
  }),
  ...crud('security-group-rules', 'SecurityGroupRule', 'SecurityGroupRules', {
    list: listSecurityGroupRules,
    create: createSecurityGroupRule,
    get: getSecurityGroupRule,
    remove: deleteSecurityGroupRule,
  }),
  ...crud('floatingips', 'FloatingIp', 'FloatingIps', {
    list: listFloatingIps,
    create: createFloatingIp,
    get: getFloatingIp,
    update: updateFloatingIp,
    remove: deleteFloatingIp,
  }),
  route('GET', '/v2.0/{resource}/{id}/tags', 'ListTags', listTags),
  route('PUT', '/v2.0/{resource}/{id}/tags', 'ReplaceTags', replaceTags),
  route('DELETE', '/v2.0/{resource}/{id}/tags', 'DeleteTags', deleteTags),
  route('GET', '/v2.0/{resource}/{id}/tags/{tag}', 'CheckTag', checkTag),
  route('PUT', '/v2.0/{resource}/{id}/tags/{tag}', 'AddTag', addTag),
  route('DELETE', '/v2.0/{resource}/{id}/tags/{tag}', 'DeleteTag', deleteTag),
];
