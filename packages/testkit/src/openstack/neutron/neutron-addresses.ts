import type { NeutronContext } from './neutron-context.js';
import { invalidInput, neutronError } from './neutron-errors.js';
import type { SubnetRecord } from './neutron-state.js';

/** IPv4 arithmetic for subnets: the fake models IPv4 only. */
export function ipToNumber(ip: string): number | undefined {
  const parts = ip.split('.').map(Number);
  if (parts.length !== 4 || parts.some((part) => !Number.isInteger(part) || part < 0 || part > 255))
    return undefined;
  return parts.reduce((value, part) => value * 256 + part, 0);
}

export function numberToIp(value: number): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(value / 2 ** shift) % 256).join('.');
}

export interface Cidr {
  network: number;
  size: number;
  text: string;
}

export function parseCidr(text: string): Cidr {
  const [address = '', prefixText = ''] = text.split('/');
  const base = ipToNumber(address);
  const prefix = Number(prefixText);
  if (base === undefined || !Number.isInteger(prefix) || prefix < 8 || prefix > 30)
    throw invalidInput(`'${text}' is not a valid IPv4 CIDR (the fake models IPv4 /8 to /30)`);
  const size = 2 ** (32 - prefix);
  const network = base - (base % size);
  return { network, size, text: `${numberToIp(network)}/${prefix}` };
}

export function overlaps(a: Cidr, b: Cidr): boolean {
  return a.network < b.network + b.size && b.network < a.network + a.size;
}

export function inCidr(cidr: Cidr, ip: string): boolean {
  const value = ipToNumber(ip);
  return value !== undefined && value >= cidr.network && value < cidr.network + cidr.size;
}

/** Every address allocated on a subnet (ports' fixed IPs and floating IPs). */
function usedAddresses(context: NeutronContext, subnet: SubnetRecord): Set<string> {
  const used = new Set<string>();
  for (const port of Object.values(context.state.ports))
    for (const ip of port.fixedIps) if (ip.subnet_id === subnet.id) used.add(ip.ip_address);
  for (const floating of Object.values(context.state.floatingIps))
    if (floating.floatingNetworkId === subnet.networkId) used.add(floating.floatingIpAddress);
  return used;
}

/** The first free address of the allocation pools (or `wanted`, if free); undefined when exhausted. */
export function allocateAddress(
  context: NeutronContext,
  subnet: SubnetRecord,
  wanted?: string,
): string | undefined {
  const used = usedAddresses(context, subnet);
  if (wanted !== undefined) {
    if (!inCidr(parseCidr(subnet.cidr), wanted))
      throw invalidInput(`IP address ${wanted} is not a valid IP for the specified subnet`);
    if (used.has(wanted))
      throw neutronError(
        409,
        'IpAddressAlreadyAllocated',
        `IP address ${wanted} already allocated in subnet ${subnet.id}`,
      );
    return wanted;
  }
  for (const pool of subnet.allocationPools) {
    const start = ipToNumber(pool.start) ?? 0;
    const end = ipToNumber(pool.end) ?? -1;
    for (let value = start; value <= end; value += 1) {
      const ip = numberToIp(value);
      if (!used.has(ip)) return ip;
    }
  }
  return undefined;
}

/** Neutron MACs: the `fa:16:3e` prefix and a counter. */
export function nextMac(context: NeutronContext): string {
  const value = context.state.macCounter;
  context.state.macCounter += 1;
  const bytes = [16, 8, 0].map((shift) =>
    (Math.floor(value / 2 ** shift) % 256).toString(16).padStart(2, '0'),
  );
  return `fa:16:3e:${bytes.join(':')}`;
}
