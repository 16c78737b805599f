import { afterEach, describe, it } from 'vitest';
import * as neutron from '../src/network/index.js';
import { expectFaultHandling } from './fault-cases.js';
import { type ServiceWorld, startServiceWorld } from './service-world.js';

let world: ServiceWorld | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

describe('Neutron calls under injected faults', () => {
  it('fails every call fast on a quota fault (409 OverQuota) and retries throttling and 503s through', async () => {
    world = await startServiceWorld();
    const network = await world.network();
    const [external] = await neutron.listNetworks(network, { external: true });
    const externalId = external?.id ?? '';
    const ids = { network: '', subnet: '', router: '', port: '', group: '', rule: '', floating: '' };
    const keep = (key: keyof typeof ids) => (made: { id: string }) => {
      ids[key] = made.id;
    };
    await expectFaultHandling(world, 'neutron', [
      {
        operation: 'CreateNetwork',
        call: () => neutron.createNetwork(network, { name: 'n' }).then(keep('network')),
      },
      { operation: 'ListNetworks', call: () => neutron.listNetworks(network, { name: 'n' }) },
      { operation: 'ShowNetwork', call: () => neutron.getNetwork(network, ids.network) },
      {
        operation: 'CreateSubnet',
        call: () =>
          neutron
            .createSubnet(network, { network_id: ids.network, cidr: '10.2.0.0/24' })
            .then(keep('subnet')),
      },
      { operation: 'ListSubnets', call: () => neutron.listSubnets(network, { networkId: ids.network }) },
      { operation: 'ShowSubnet', call: () => neutron.getSubnet(network, ids.subnet) },
      {
        operation: 'CreateRouter',
        call: () =>
          neutron.createRouter(network, { name: 'r', externalNetworkId: externalId }).then(keep('router')),
      },
      { operation: 'ListRouters', call: () => neutron.listRouters(network) },
      { operation: 'ShowRouter', call: () => neutron.getRouter(network, ids.router) },
      {
        operation: 'AddRouterInterface',
        call: () => neutron.addRouterInterface(network, ids.router, ids.subnet),
      },
      {
        operation: 'CreatePort',
        call: () => neutron.createPort(network, { network_id: ids.network }).then(keep('port')),
      },
      { operation: 'ListPorts', call: () => neutron.listPorts(network, { networkId: ids.network }) },
      { operation: 'ShowPort', call: () => neutron.getPort(network, ids.port) },
      {
        operation: 'CreateSecurityGroup',
        call: () => neutron.createSecurityGroup(network, { name: 'g' }).then(keep('group')),
      },
      { operation: 'ListSecurityGroups', call: () => neutron.listSecurityGroups(network) },
      { operation: 'ShowSecurityGroup', call: () => neutron.getSecurityGroup(network, ids.group) },
      { operation: 'UpdatePort', call: () => neutron.setPortSecurityGroups(network, ids.port, [ids.group]) },
      {
        operation: 'CreateSecurityGroupRule',
        call: () =>
          neutron
            .createSecurityGroupRule(network, {
              security_group_id: ids.group,
              direction: 'ingress',
              protocol: 'tcp',
              port_range_min: 22,
              port_range_max: 22,
            })
            .then(keep('rule')),
      },
      { operation: 'ListSecurityGroupRules', call: () => neutron.listSecurityGroupRules(network, ids.group) },
      { operation: 'ShowSecurityGroupRule', call: () => neutron.getSecurityGroupRule(network, ids.rule) },
      {
        operation: 'CreateFloatingIp',
        call: () =>
          neutron.createFloatingIp(network, { floatingNetworkId: externalId }).then(keep('floating')),
      },
      {
        operation: 'UpdateFloatingIp',
        call: () => neutron.associateFloatingIp(network, ids.floating, ids.port),
      },
      { operation: 'ListFloatingIps', call: () => neutron.listFloatingIps(network, { portId: ids.port }) },
      { operation: 'ShowFloatingIp', call: () => neutron.getFloatingIp(network, ids.floating) },
      { operation: 'AddTag', call: () => neutron.addTag(network, 'networks', ids.network, 'hubfleet') },
      { operation: 'ListTags', call: () => neutron.listTags(network, 'networks', ids.network) },
      { operation: 'ReplaceTags', call: () => neutron.replaceTags(network, 'networks', ids.network, ['a']) },
      { operation: 'DeleteTag', call: () => neutron.removeTag(network, 'networks', ids.network, 'a') },
      { operation: 'DeleteFloatingIp', call: () => neutron.deleteFloatingIp(network, ids.floating) },
      {
        operation: 'DeleteSecurityGroupRule',
        call: () => neutron.deleteSecurityGroupRule(network, ids.rule),
      },
      { operation: 'DeletePort', call: () => neutron.deletePort(network, ids.port) },
      { operation: 'DeleteSecurityGroup', call: () => neutron.deleteSecurityGroup(network, ids.group) },
      {
        operation: 'RemoveRouterInterface',
        call: () => neutron.removeRouterInterface(network, ids.router, ids.subnet),
      },
      { operation: 'UpdateRouter', call: () => neutron.setRouterGateway(network, ids.router, null) },
      { operation: 'DeleteRouter', call: () => neutron.deleteRouter(network, ids.router) },
      { operation: 'DeleteSubnet', call: () => neutron.deleteSubnet(network, ids.subnet) },
      { operation: 'DeleteNetwork', call: () => neutron.deleteNetwork(network, ids.network) },
    ]);
  });
});
