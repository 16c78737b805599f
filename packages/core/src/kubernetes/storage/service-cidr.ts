import { HubfleetError } from '../../errors/index.js';
import type { ProviderV1 } from '../../provider/v1/provider.js';
import type { ProvisionedFacts } from '../provisioned.js';

/**
 * kubeadm's default Service range (`serviceSubnet`), for a provider that declares no
 * `defaultServiceCidr`. Every deploying provider should declare its cloud's own.
 */
export const KUBERNETES_DEFAULT_SERVICE_CIDR = '10.96.0.0/12';

/**
 * The range fixed Service IPs are placed in: the cluster's own as observed (`up`), else the range the
 * provider documents for new clusters (offline `render`, or before the cluster exists).
 */
export function serviceCidrFor(
  provider: Pick<ProviderV1, 'defaultServiceCidr'>,
  facts: Pick<ProvisionedFacts, 'serviceCidr'>,
): string {
  return facts.serviceCidr ?? provider.defaultServiceCidr ?? KUBERNETES_DEFAULT_SERVICE_CIDR;
}

/** An IPv4 Service CIDR as numbers. */
export interface ServiceCidr {
  /** The network address as an unsigned 32-bit integer. */
  network: number;
  prefixLength: number;
  /** Addresses in the range, network and broadcast included. */
  size: number;
}

const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

function invalidCidr(cidr: string, why: string): HubfleetError {
  return new HubfleetError({
    kind: 'invalid-config',
    message: `Service CIDR "${cidr}" ${why}`,
    hint: 'give the IPv4 range the cluster allocates Service IPs from, e.g. 10.100.0.0/16',
    subject: 'serviceCidr',
  });
}

/** The address `a.b.c.d` as an unsigned 32-bit integer, or undefined when it is not one. */
export function ipv4ToNumber(address: string): number | undefined {
  const octets = IPV4.exec(address)?.slice(1).map(Number);
  if (!octets || octets.some((octet) => octet > 255)) return undefined;
  return octets.reduce((total, octet) => total * 256 + octet, 0);
}

export function numberToIpv4(value: number): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(value / 2 ** shift) % 256).join('.');
}

/** Parses `a.b.c.d/n` (IPv4 only: the NFS server's address goes into an IPv4 PersistentVolume). */
export function parseServiceCidr(cidr: string): ServiceCidr {
  const [address = '', prefix = '', ...rest] = cidr.trim().split('/');
  const network = ipv4ToNumber(address);
  const prefixLength = /^\d{1,2}$/.test(prefix) ? Number(prefix) : Number.NaN;
  if (network === undefined || rest.length > 0) throw invalidCidr(cidr, 'is not an IPv4 CIDR');
  if (!(prefixLength >= 12 && prefixLength <= 28)) {
    throw invalidCidr(cidr, 'must have a prefix length between /12 and /28');
  }
  const size = 2 ** (32 - prefixLength);
  if (network % size !== 0)
    throw invalidCidr(cidr, `has host bits set; the network is not on a /${prefix} boundary`);
  return { network, prefixLength, size };
}

/**
 * How many addresses at the bottom of the range Kubernetes keeps for Services with a fixed clusterIP
 * (KEP-3070, on by default since 1.26): min(max(16, size / 16), 256). Dynamic allocation takes the
 * upper part first, so a fixed address chosen down here does not race Services created later.
 */
export function staticBandSize(range: ServiceCidr): number {
  return Math.min(Math.max(16, range.size / 16), 256, range.size);
}
