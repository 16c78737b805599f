import { dataOnDelete, type ProviderResourceV1, type ResourceContextV1 } from '@hubfleet/core';
import { INGRESS_SERVICE } from './ccm-names.js';
import {
  associateIngressFloatingIp,
  type ObservedIngressFloatingIp,
  observeIngressFloatingIp,
  releaseIngressFloatingIp,
} from './ingress-floating-ip.js';
import type { MagnumEdgeDeps } from './magnum-edge-deps.js';

/** Set on the ingress Service: the address the cloud controller should report (its change makes it look again). */
export const FLOATING_IP_ANNOTATION = 'hubfleet.io/floating-ip';

/**
 * cloud-provider-openstack's "do not delete the floating IP with the load balancer": without it, the
 * controller releases the address on the VIP port when the Service goes (`down`, a reinstall).
 */
export const KEEP_FLOATING_IP_ANNOTATION = 'loadbalancer.openstack.org/keep-floatingip';

/**
 * A change to the Service's annotations makes the cloud controller ensure its load balancer again,
 * which then reports the floating IP now on the VIP port as the Service's address; `keep-floatingip`
 * stops it from releasing the address when the Service is deleted.
 */
async function markService(context: ResourceContextV1, address: string): Promise<void> {
  const kubernetes = await context.kubernetes();
  if (kubernetes === undefined) return;
  const ref = { apiVersion: 'v1', kind: 'Service', ...INGRESS_SERVICE };
  const service = await kubernetes.get(ref);
  const annotations = { [FLOATING_IP_ANNOTATION]: address, [KEEP_FLOATING_IP_ANNOTATION]: 'true' };
  const current = service?.metadata.annotations ?? {};
  if (service === undefined || Object.entries(annotations).every(([key, value]) => current[key] === value))
    return;
  await kubernetes.apply({
    apiVersion: ref.apiVersion,
    kind: ref.kind,
    metadata: { name: ref.name, namespace: ref.namespace, annotations },
  });
}

/**
 * `floating-ip/ingress`: `provider.floatingIp` on the VIP port of the ingress controller's Octavia
 * load balancer, associated as soon as Octavia has made it (seed 002 did this by hand "whilst the
 * load balancer is being created"), with a floating IP the cloud controller attached at random
 * released. It runs beside ingress-nginx (after the cluster) and before the hubs. `status` reports
 * the address as the DNS target. DNS points at it, so it holds data (`holdsData`): `down` keeps it
 * allocated, and only `down --delete-data` with every hub's `onDelete: delete` releases it, and
 * only when hubfleet allocated it; an address the project held before is never released.
 */
export function ingressFloatingIp(
  deps: MagnumEdgeDeps,
): ProviderResourceV1<ObservedIngressFloatingIp> | undefined {
  const address = deps.config.provider.floatingIp;
  if (address === undefined) return undefined;
  const host = deps.config.ingress.host;
  return {
    name: 'ingress',
    kind: 'floating-ip',
    waitingOn: `Octavia (the ingress load balancer) and Neutron (floating IP ${address})`,
    typicalDurationMs: 2 * 60_000,
    dependsOn: ['cluster'],
    requiredBy: ['hubs'],
    observe: () => observeIngressFloatingIp(deps),
    diff(observed) {
      if (observed?.loadBalancer === undefined) {
        return {
          action: 'create',
          reason: `associate ${address} with the ingress load balancer's VIP port once Octavia has made it`,
          changes: [{ field: 'port', to: 'ingress load balancer VIP' }],
        };
      }
      if (observed.strays.length > 0) {
        return {
          action: 'update',
          reason: `release ${observed.strays.join(', ')}, attached to the ingress load balancer at random`,
          changes: observed.strays.map((stray) => ({ field: 'floating IP', from: stray })),
        };
      }
      return { action: 'noop', reason: `${address} on ${observed.loadBalancer}: point ${host} A ${address}` };
    },
    holdsData: (observed) => ({
      what: `the floating IP ${observed.address} that ${host}'s DNS points at`,
      ...(observed.allocatedByHubfleet
        ? dataOnDelete(deps.config)
        : {
            onDelete: 'retain' as const,
            keptBecause: 'the project held it before hubfleet (not allocated by hubfleet)',
          }),
    }),
    async apply(action, context) {
      if (action === 'delete') return releaseIngressFloatingIp(deps);
      await associateIngressFloatingIp(deps, context.signal);
      await markService(context, address);
    },
    ready: (observed) => observed.loadBalancer !== undefined && observed.strays.length === 0,
  };
}
