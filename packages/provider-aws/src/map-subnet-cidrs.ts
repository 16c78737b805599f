/**
 * How a new VPC's range is cut into subnets: eight equal blocks (three more prefix bits, at most a
 * /28), one per zone from the start. Eight leaves room for the six zones the largest region has
 * plus spares, and a /16 gives each subnet 8,187 usable addresses.
 */

const EXTRA_PREFIX_BITS = 3;
const SMALLEST_SUBNET_PREFIX = 28;

function parse(cidr: string): { base: number; prefix: number } {
  const [address = '', prefixText = ''] = cidr.split('/');
  const octets = address.split('.').map(Number);
  const prefix = Number(prefixText);
  if (octets.length !== 4 || octets.some((octet) => !(octet >= 0 && octet <= 255)) || !(prefix >= 0)) {
    throw new Error(`not an IPv4 CIDR: ${cidr}`);
  }
  const value = octets.reduce((total, octet) => total * 256 + octet, 0);
  const size = 2 ** (32 - prefix);
  return { base: value - (value % size), prefix };
}

function format(value: number, prefix: number): string {
  const octets = [24, 16, 8, 0].map((shift) => Math.floor(value / 2 ** shift) % 256);
  return `${octets.join('.')}/${prefix}`;
}

/** Every subnet block of a VPC range, in address order: `10.40.0.0/16` → `10.40.0.0/19`, `10.40.32.0/19`, …. */
export function subnetSlots(vpcCidr: string): string[] {
  const { base, prefix } = parse(vpcCidr);
  const subnetPrefix = Math.min(prefix + EXTRA_PREFIX_BITS, SMALLEST_SUBNET_PREFIX);
  const count = 2 ** (subnetPrefix - prefix);
  const size = 2 ** (32 - subnetPrefix);
  return Array.from({ length: count }, (_, index) => format(base + index * size, subnetPrefix));
}

/** The blocks not yet used by an existing subnet, in address order. */
export function freeSubnetSlots(vpcCidr: string, usedCidrs: readonly string[]): string[] {
  const used = new Set(usedCidrs);
  return subnetSlots(vpcCidr).filter((slot) => !used.has(slot));
}
