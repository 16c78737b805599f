import type { ProviderResourceV1 } from '@hubfleet/core';
import { cinderCsiTolerations } from './cinder-csi-tolerations.js';
import { ingressFloatingIp } from './floating-ip-resource.js';
import { letsEncryptGate } from './letsencrypt-gate.js';
import type { MagnumEdgeDeps } from './magnum-edge-deps.js';
import { serviceLoadBalancers } from './service-load-balancers.js';

export { ccmLoadBalancerName, INGRESS_SERVICE, isClusterLoadBalancer } from './ccm-names.js';
export { CINDER_CSI_NODE_PLUGIN, cinderCsiTolerations } from './cinder-csi-tolerations.js';
export {
  FLOATING_IP_ANNOTATION,
  ingressFloatingIp,
  KEEP_FLOATING_IP_ANNOTATION,
} from './floating-ip-resource.js';
export type { HostResolver } from './host-resolver.js';
export { dnsResolver, PUBLIC_RESOLVERS } from './host-resolver.js';
export type { ObservedIngressFloatingIp } from './ingress-floating-ip.js';
export {
  associateIngressFloatingIp,
  observeIngressFloatingIp,
  releaseIngressFloatingIp,
} from './ingress-floating-ip.js';
export { clusterLoadBalancers, ingressLoadBalancer } from './ingress-load-balancer.js';
export { GATE_CONFIG_MAP, letsEncryptGate } from './letsencrypt-gate.js';
export type { MagnumClusterRef, MagnumEdgeDeps } from './magnum-edge-deps.js';
export { removeClusterLoadBalancers, serviceLoadBalancers } from './service-load-balancers.js';

/**
 * The provider resources that automate seed 002's manual fixes, for `session.resources()`:
 * `daemonset/csi-cinder-nodeplugin` (tolerate every taint), `octavia/load-balancers` (the Services'
 * load balancers, removed by `down` before the cluster), `floating-ip/ingress` (with
 * `provider.floatingIp`) and `acme/letsencrypt` (with `ingress.tls.mode: letsencrypt`).
 */
export function magnumEdgeResources(deps: MagnumEdgeDeps): ProviderResourceV1[] {
  const resources: (ProviderResourceV1 | undefined)[] = [
    cinderCsiTolerations(),
    serviceLoadBalancers(deps),
    ingressFloatingIp(deps),
    letsEncryptGate(deps),
  ];
  return resources.filter((resource) => resource !== undefined);
}
