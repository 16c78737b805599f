/**
 * The cluster's Service IP range (the API server's `--service-cluster-ip-range`): where ClusterIPs
 * come from. EKS defaults to 10.100.0.0/16, Magnum to 10.254.0.0/16, kubeadm to 10.96.0.0/12, GKE
 * gives each cluster a /20.
 */
export interface ServiceRange {
  /** As given, e.g. `10.96.0.0/12`: how the API server's messages name it. */
  readonly cidr: string;
  /** Whether `ip` is a usable address of the range (not the network or broadcast address). */
  contains(ip: string): boolean;
  /** The `index`-th address of the range: 1 is the `kubernetes` Service's. */
  address(index: number): string;
  /** How many addresses the range has, network and broadcast included. */
  readonly size: number;
}

/** EKS's default, the fake's when no range is given. */
export const DEFAULT_SERVICE_CIDR = '10.100.0.0/16';

function toNumber(ip: string): number | undefined {
  const parts = ip.split('.');
  if (parts.length !== 4 || !parts.every((part) => /^\d{1,3}$/.test(part) && Number(part) <= 255)) {
    return undefined;
  }
  return parts.reduce((sum, part) => sum * 256 + Number(part), 0);
}

function toIp(value: number): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(value / 2 ** shift) % 256).join('.');
}

/** Parse an IPv4 CIDR; throws for anything else (a test's mistake, not a request's). */
export function serviceRange(cidr: string = DEFAULT_SERVICE_CIDR): ServiceRange {
  const [ip = '', bits = ''] = cidr.split('/');
  const start = toNumber(ip);
  const prefix = Number(bits);
  if (start === undefined || !/^\d{1,2}$/.test(bits) || prefix < 8 || prefix > 30) {
    throw new Error(`service CIDR ${cidr} is not an IPv4 range between /8 and /30`);
  }
  const size = 2 ** (32 - prefix);
  if (start % size !== 0) throw new Error(`service CIDR ${cidr} has host bits set`);
  return {
    cidr,
    size,
    contains(candidate) {
      const value = toNumber(candidate);
      return value !== undefined && value > start && value < start + size - 1;
    },
    address(index) {
      return toIp(start + index);
    },
  };
}
