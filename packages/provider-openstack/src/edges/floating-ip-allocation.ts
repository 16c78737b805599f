import { BlockList, isIPv4 } from 'node:net';
import { HubfleetError } from '@hubfleet/core';
import {
  type FloatingIp,
  listNetworks,
  listSubnets,
  OpenStackError,
  toFloatingIp,
} from '@hubfleet/openstack-client';
import type { MagnumEdgeDeps } from './magnum-edge-deps.js';

const SUBJECT = 'provider.floatingIp';

/** The description hubfleet gives a floating IP it allocated: the mark that it may release it. */
export function allocationDescription(deployment: string): string {
  return `hubfleet: ingress address of deployment ${deployment}`;
}

function notAllocated(address: string, why: string): HubfleetError {
  return new HubfleetError({
    kind: 'invalid-config',
    message: `the floating IP ${address} is not allocated in this project, and ${why}`,
    hint: `allocate it (\`openstack floating ip create --floating-ip-address ${address} <external network>\`) or correct provider.floatingIp`,
    subject: SUBJECT,
  });
}

/** The external network whose subnet holds `address` (floating IPs come from there). */
async function externalNetworkOf(deps: MagnumEdgeDeps, address: string): Promise<string | undefined> {
  const network = await deps.network();
  for (const external of await listNetworks(network, { external: true })) {
    for (const subnet of await listSubnets(network, { networkId: external.id })) {
      const [base, bits] = subnet.cidr.split('/');
      if (base === undefined || bits === undefined || !isIPv4(base)) continue;
      const range = new BlockList();
      range.addSubnet(base, Number(bits), 'ipv4');
      if (range.check(address, 'ipv4')) return external.id;
    }
  }
  return undefined;
}

/**
 * `provider.floatingIp` when the project does not hold it yet: asked for by address on the external
 * network whose range has it. Most clouds allow that only to admins (403): then the operator
 * allocates it, as seed 002 assumes ("your prepared FIP").
 */
export async function allocateConfiguredFloatingIp(
  deps: MagnumEdgeDeps,
  address: string,
): Promise<FloatingIp> {
  if (!isIPv4(address)) throw notAllocated(address, 'it is not an IPv4 address');
  const networkId = await externalNetworkOf(deps, address);
  if (networkId === undefined)
    throw notAllocated(address, 'no external network of this cloud has it in its range');
  try {
    const response = await (await deps.network()).request({
      method: 'POST',
      path: '/floatingips',
      body: {
        floatingip: {
          floating_network_id: networkId,
          floating_ip_address: address,
          description: allocationDescription(deps.config.name),
        },
      },
      subject: SUBJECT,
    });
    return toFloatingIp((response.body as { floatingip?: unknown }).floatingip);
  } catch (error) {
    if (error instanceof OpenStackError && [400, 403, 404, 409].includes(error.status)) {
      throw notAllocated(
        address,
        `this project may not allocate it (${error.status}${error.code ? ` ${error.code}` : ''})`,
      );
    }
    throw error;
  }
}
