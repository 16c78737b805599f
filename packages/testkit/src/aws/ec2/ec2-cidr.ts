/** IPv4 CIDR blocks, as 32-bit unsigned network addresses and prefix lengths. */
export interface Cidr {
  network: number;
  prefix: number;
}

const CIDR = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/;

function mask(prefix: number): number {
  return prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
}

/** `10.0.0.0/16` → its network and prefix; undefined when malformed or host bits are set. */
export function parseCidr(text: string): Cidr | undefined {
  const match = CIDR.exec(text);
  if (!match) return undefined;
  const octets = match.slice(1, 5).map(Number);
  const prefix = Number(match[5]);
  if (octets.some((octet) => octet > 255) || prefix > 32) return undefined;
  const network = octets.reduce((address, octet) => ((address << 8) | octet) >>> 0, 0);
  if ((network & mask(prefix)) >>> 0 !== network) return undefined;
  return { network, prefix };
}

export function cidrContains(outer: Cidr, inner: Cidr): boolean {
  return inner.prefix >= outer.prefix && (inner.network & mask(outer.prefix)) >>> 0 === outer.network;
}

export function cidrsOverlap(a: Cidr, b: Cidr): boolean {
  return cidrContains(a, b) || cidrContains(b, a);
}

export function addressCount(cidr: Cidr): number {
  return 2 ** (32 - cidr.prefix);
}
