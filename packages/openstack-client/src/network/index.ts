export {
  toFloatingIp,
  toNetwork,
  toPort,
  toRouter,
  toRouterInterface,
  toSecurityGroup,
  toSecurityGroupRule,
  toSubnet,
} from './network-mappers.js';
export type {
  FixedIp,
  FloatingIp,
  Network,
  Port,
  Router,
  RouterInterface,
  SecurityGroup,
  SecurityGroupRule,
  Subnet,
} from './network-types.js';
export type { FloatingIpFilter } from './neutron-floating-ips.js';
export {
  associateFloatingIp,
  createFloatingIp,
  deleteFloatingIp,
  disassociateFloatingIp,
  getFloatingIp,
  listFloatingIps,
} from './neutron-floating-ips.js';
export type { NetworkFilter, SubnetInput } from './neutron-networks.js';
export {
  createNetwork,
  createSubnet,
  deleteNetwork,
  deleteSubnet,
  getNetwork,
  getSubnet,
  listNetworks,
  listSubnets,
} from './neutron-networks.js';
export type { PortFilter } from './neutron-ports.js';
export { createPort, deletePort, getPort, listPorts, setPortSecurityGroups } from './neutron-ports.js';
export {
  addRouterInterface,
  createRouter,
  deleteRouter,
  getRouter,
  listRouters,
  removeRouterInterface,
  setRouterGateway,
} from './neutron-routers.js';
export type { SecurityGroupRuleInput } from './neutron-security-groups.js';
export {
  createSecurityGroup,
  createSecurityGroupRule,
  deleteSecurityGroup,
  deleteSecurityGroupRule,
  ensureSecurityGroupRule,
  getSecurityGroup,
  getSecurityGroupRule,
  listSecurityGroupRules,
  listSecurityGroups,
} from './neutron-security-groups.js';
export type { TaggableResource } from './neutron-tags.js';
export { addTag, listTags, removeTag, replaceTags } from './neutron-tags.js';
