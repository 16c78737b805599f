import type { LoadBalancer } from '@hubfleet/openstack-client';
import type { MagnumClusterRef } from './magnum-edge-deps.js';

/** ingress-nginx's controller Service (release `ingress-nginx`): the one LoadBalancer Service hubs are reached by. */
export const INGRESS_SERVICE = { namespace: 'ingress-nginx', name: 'ingress-nginx-controller' } as const;

const PREFIX = 'kube_service_';

/**
 * cloud-provider-openstack's name for a Service's load balancer: `kube_service_<cluster>_<namespace>_<name>`,
 * at most 255 characters. Magnum starts the controller with `--cluster-name=<cluster uuid>`.
 */
export function ccmLoadBalancerName(clusterName: string, namespace: string, service: string): string {
  return `${PREFIX}${clusterName}_${namespace}_${service}`.slice(0, 255);
}

/**
 * Whether the cloud controller of this cluster made `lb`: named with the cluster's uuid, or with its
 * name when the description (`Kubernetes external service <ns>/<name> from cluster <name>`) agrees.
 */
export function isClusterLoadBalancer(lb: LoadBalancer, cluster: MagnumClusterRef): boolean {
  if (lb.name.startsWith(`${PREFIX}${cluster.id}_`)) return true;
  return (
    lb.name.startsWith(`${PREFIX}${cluster.name}_`) && lb.description.endsWith(`from cluster ${cluster.name}`)
  );
}

/** `<namespace>/<name>` of the Service a load balancer serves, from its description; undefined when it says none. */
export function serviceOfLoadBalancer(lb: LoadBalancer): { namespace: string; name: string } | undefined {
  const match = /^Kubernetes external service ([^/\s]+)\/(\S+) from cluster /.exec(lb.description);
  return match?.[1] === undefined || match[2] === undefined
    ? undefined
    : { namespace: match[1], name: match[2] };
}
