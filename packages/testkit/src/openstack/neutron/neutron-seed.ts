import { randomUUID } from 'node:crypto';
import type { NeutronContext } from './neutron-context.js';
import { defaultSecurityGroup } from './neutron-security-groups.js';
import type { NetworkRecord } from './neutron-state.js';
import { subnetFor } from './neutron-subnets.js';

/** A new cloud has its external networks (with a subnet for floating IPs) and the default group. */
export function seedNeutron(context: NeutronContext): void {
  if (context.state.seeded) return;
  for (const seed of context.settings.externalNetworks) {
    const subnet = subnetFor(context, '', seed.cidr, { name: `${seed.name}-subnet`, enableDhcp: false });
    const network: NetworkRecord = {
      id: seed.id ?? randomUUID(),
      name: seed.name,
      description: '',
      tags: [],
      created: context.now,
      updated: context.now,
      revision: 0,
      adminStateUp: true,
      shared: false,
      external: true,
      mtu: 1500,
      portSecurityEnabled: true,
    };
    context.state.networks[network.id] = network;
    context.state.subnets[subnet.id] = { ...subnet, networkId: network.id };
  }
  defaultSecurityGroup(context);
  context.state.seeded = true;
}
