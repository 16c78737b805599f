import { type LoadBalancer, listLoadBalancers } from '@hubfleet/openstack-client';
import { ccmLoadBalancerName, INGRESS_SERVICE, isClusterLoadBalancer } from './ccm-names.js';
import type { MagnumClusterRef, MagnumEdgeDeps } from './magnum-edge-deps.js';

/** Every load balancer this cluster's cloud controller made (Services' `kube_service_<uuid>_…`), deleting ones too. */
export async function clusterLoadBalancers(
  deps: Pick<MagnumEdgeDeps, 'loadBalancer'>,
  cluster: MagnumClusterRef,
): Promise<LoadBalancer[]> {
  const all = await listLoadBalancers(await deps.loadBalancer());
  return all.filter((lb) => isClusterLoadBalancer(lb, cluster));
}

/**
 * The ingress controller's load balancer, as soon as Octavia has it (PENDING_CREATE already has its
 * VIP port); not one being deleted. Looked up by the cloud controller's name for the Service.
 */
export async function ingressLoadBalancer(
  deps: Pick<MagnumEdgeDeps, 'loadBalancer'>,
  cluster: MagnumClusterRef,
): Promise<LoadBalancer | undefined> {
  const octavia = await deps.loadBalancer();
  for (const clusterName of [cluster.id, cluster.name]) {
    const name = ccmLoadBalancerName(clusterName, INGRESS_SERVICE.namespace, INGRESS_SERVICE.name);
    const found = (await listLoadBalancers(octavia, { name })).find(
      (lb) =>
        lb.provisioningStatus !== 'PENDING_DELETE' &&
        lb.vipPortId !== '' &&
        isClusterLoadBalancer(lb, cluster),
    );
    if (found !== undefined) return found;
  }
  return undefined;
}
