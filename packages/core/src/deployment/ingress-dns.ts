import { isIP } from 'node:net';
import type { HubfleetConfig } from '../config/deployment.js';
import type { KubeObject } from '../kubernetes/install/manifest-applier.js';
import type { ClusterAccess } from '../kubernetes/install/release-installer.js';
import { INGRESS_NAMESPACE } from '../kubernetes/tools/tool-names.js';

/** The DNS record `ingress.host` needs: a name the cloud handed out is a CNAME, an address an A (or AAAA). */
export interface DnsRecord {
  name: string;
  type: 'CNAME' | 'A' | 'AAAA';
  value: string;
}

/**
 * Where `ingress.host` must point, as `status` and the end of `up` report it: the record once the
 * ingress controller's load balancer has an address, else why it is still pending.
 */
export type DnsTarget =
  | { host: string; address: string; record: DnsRecord }
  | { host: string; address: null; pending: string };

/** What the cluster says about the ingress controller's load balancer. */
export type IngressLoadBalancer = { address: string } | { address: undefined; pending: string };

type LoadBalancerStatus = { loadBalancer?: { ingress?: { ip?: string; hostname?: string }[] } };

/**
 * The ingress controller's external address: the first LoadBalancer Service in the ingress
 * namespace that the cloud gave an address (IP, or host name on clouds that hand out names); when
 * there is none, why (no cluster, no such Service, or the cloud is still provisioning it).
 */
export async function observeIngressLoadBalancer(
  access: ClusterAccess | undefined,
): Promise<IngressLoadBalancer> {
  if (access === undefined) return { address: undefined, pending: 'the cluster is not up yet' };
  const services = await access.list('v1', 'Service', { namespace: INGRESS_NAMESPACE });
  const balanced = services.filter(
    (service: KubeObject) => (service.spec as { type?: string } | undefined)?.type === 'LoadBalancer',
  );
  for (const service of balanced) {
    const ingress = (service.status as LoadBalancerStatus | undefined)?.loadBalancer?.ingress?.[0];
    const address = ingress?.ip ?? ingress?.hostname;
    if (address !== undefined) return { address };
  }
  const [first] = balanced;
  if (first === undefined) {
    return {
      address: undefined,
      pending: `no LoadBalancer Service in namespace ${INGRESS_NAMESPACE} yet (ingress-nginx is not installed, or this cloud exposes it on the tools nodes' ports 80/443)`,
    };
  }
  return {
    address: undefined,
    pending: `the cloud has not given Service ${INGRESS_NAMESPACE}/${first.metadata.name} its load balancer address yet`,
  };
}

/** The record that makes `host` reach `address`. */
export function dnsRecord(host: string, address: string): DnsRecord {
  const family = isIP(address);
  return { name: host, type: family === 4 ? 'A' : family === 6 ? 'AAAA' : 'CNAME', value: address };
}

export function dnsTarget(config: HubfleetConfig, balancer: IngressLoadBalancer): DnsTarget {
  const host = config.ingress.host;
  if (balancer.address === undefined) return { host, address: null, pending: balancer.pending };
  return { host, address: balancer.address, record: dnsRecord(host, balancer.address) };
}

/** `<host> CNAME <name>` / `<host> A <ip>`: the line an operator types into their DNS. */
export function formatDnsRecord(record: DnsRecord): string {
  return `${record.name} ${record.type} ${record.value}`;
}
