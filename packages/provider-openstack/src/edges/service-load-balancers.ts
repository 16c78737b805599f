import type { KubernetesAccessV1, ProviderResourceV1 } from '@hubfleet/core';
import {
  deleteFloatingIp,
  deleteLoadBalancer,
  isOpenStackStatus,
  type LoadBalancer,
  listFloatingIps,
} from '@hubfleet/openstack-client';
import { serviceOfLoadBalancer } from './ccm-names.js';
import { pollFor } from './edge-waits.js';
import { isClusterFloatingIp } from './ingress-floating-ip.js';
import { clusterLoadBalancers } from './ingress-load-balancer.js';
import type { MagnumClusterRef, MagnumEdgeDeps } from './magnum-edge-deps.js';

/** One of the cluster's Octavia load balancers, and whether its Service is gone (a stale one). */
export interface ObservedServiceLoadBalancer {
  id: string;
  name: string;
  status: string;
  /** `<namespace>/<name>` of its Service, from the description the cloud controller writes. */
  service?: string;
  /** Its Service no longer exists as a LoadBalancer: the cloud controller left it behind. */
  stale: boolean;
}

/** How long `down` waits for the cloud controller to remove the Services' load balancers before removing them itself. */
const CONTROLLER_GRACE_MS = 10 * 60_000;

type ServiceKey = string;

async function loadBalancerServices(kubernetes: KubernetesAccessV1) {
  const services = await kubernetes.list('v1', 'Service');
  return services.filter(
    (service) => (service.spec as { type?: string } | undefined)?.type === 'LoadBalancer',
  );
}

function keyOf(namespace: string | undefined, name: string): ServiceKey {
  return `${namespace ?? 'default'}/${name}`;
}

function observed(lb: LoadBalancer, present: Set<ServiceKey> | undefined): ObservedServiceLoadBalancer {
  const service = serviceOfLoadBalancer(lb);
  const key = service === undefined ? undefined : keyOf(service.namespace, service.name);
  return {
    id: lb.id,
    name: lb.name,
    status: lb.provisioningStatus,
    ...(key === undefined ? {} : { service: key }),
    stale:
      present !== undefined &&
      key !== undefined &&
      !present.has(key) &&
      lb.provisioningStatus !== 'PENDING_DELETE' &&
      lb.provisioningStatus !== 'PENDING_CREATE',
  };
}

/** Deletes each load balancer with its listeners and pools; one still PENDING_* (409) is left for the next look. */
async function deleteEach(
  deps: MagnumEdgeDeps,
  found: readonly { id: string; status: string }[],
): Promise<void> {
  const octavia = await deps.loadBalancer();
  for (const lb of found) {
    if (lb.status === 'PENDING_DELETE') continue;
    try {
      await deleteLoadBalancer(octavia, lb.id, { cascade: true });
    } catch (error) {
      if (!isOpenStackStatus(error, 409)) throw error;
    }
  }
}

/** The floating IPs the cloud controller allocated for this cluster's Services (never `provider.floatingIp`). */
async function releaseControllerFloatingIps(deps: MagnumEdgeDeps, cluster: MagnumClusterRef): Promise<void> {
  const network = await deps.network();
  for (const floating of await listFloatingIps(network)) {
    if (floating.floatingIpAddress === deps.config.provider.floatingIp) continue;
    if (isClusterFloatingIp(floating, cluster)) await deleteFloatingIp(network, floating.id);
  }
}

/**
 * `down`: every LoadBalancer Service deleted, then a wait until the cloud controller has removed
 * their Octavia load balancers (their Services are gone once it has), then whatever this cluster's
 * controller left in Octavia deleted with cascade, and the floating IPs it allocated released.
 */
export async function removeClusterLoadBalancers(
  deps: MagnumEdgeDeps,
  kubernetes: KubernetesAccessV1 | undefined,
  signal: AbortSignal,
) {
  const cluster = await deps.cluster();
  if (cluster === undefined) return;
  if (kubernetes !== undefined) {
    for (const service of await loadBalancerServices(kubernetes)) {
      await kubernetes.delete({
        apiVersion: 'v1',
        kind: 'Service',
        name: service.metadata.name,
        ...(service.metadata.namespace === undefined ? {} : { namespace: service.metadata.namespace }),
      });
    }
    await pollFor(
      deps,
      signal,
      async () => ((await loadBalancerServices(kubernetes)).length === 0 ? true : undefined),
      CONTROLLER_GRACE_MS,
    );
  }
  // One still PENDING_* refuses the delete (409): look again until every one is going.
  await pollFor(deps, signal, async () => {
    const left = (await clusterLoadBalancers(deps, cluster)).filter(
      (lb) => lb.provisioningStatus !== 'PENDING_DELETE',
    );
    if (left.length === 0) return true;
    await deleteEach(
      deps,
      left.map((lb) => ({ id: lb.id, status: lb.provisioningStatus })),
    );
    return undefined;
  });
  await releaseControllerFloatingIps(deps, cluster);
}

/**
 * `octavia/load-balancers`: the Octavia load balancers this cluster's cloud controller made for its
 * LoadBalancer Services (`kube_service_<cluster uuid>_<namespace>_<name>`). Only `down` changes it:
 * after the hub and tool releases and before the nodegroups and the cluster, because the cloud
 * controller dies with the cluster and what it has not removed by then stays in Octavia for good,
 * holding VIP ports on the network. `up` and `status` name the ones whose Service is gone (seed 002:
 * a Service made again would reuse such a load balancer without updating its members).
 */
export function serviceLoadBalancers(
  deps: MagnumEdgeDeps,
): ProviderResourceV1<ObservedServiceLoadBalancer[]> {
  return {
    name: 'load-balancers',
    kind: 'octavia',
    layer: 'cluster-addons',
    waitingOn: 'Octavia (the load balancers of LoadBalancer Services)',
    typicalDurationMs: 30_000,
    // In `down` (the reverse): after the hub and ingress releases, before the nodegroups and the cluster.
    dependsOn: ['cluster', 'nodegroups'],
    requiredBy: ['tool:ingress-nginx', 'hubs'],
    async observe(context) {
      const cluster = await deps.cluster();
      if (cluster === undefined) return undefined;
      const kubernetes = await context.kubernetes();
      const present =
        kubernetes === undefined
          ? undefined
          : new Set(
              (await loadBalancerServices(kubernetes)).map((service) =>
                keyOf(service.metadata.namespace, service.metadata.name),
              ),
            );
      const found = (await clusterLoadBalancers(deps, cluster)).map((lb) => observed(lb, present));
      return found.length === 0 ? undefined : found;
    },
    diff(found) {
      const count = found?.length ?? 0;
      const stale = (found ?? []).filter((lb) => lb.stale);
      const left =
        stale.length === 0
          ? ''
          : `; left behind by deleted Services: ${stale.map((lb) => `${lb.name} (${lb.service})`).join(', ')}`;
      return {
        action: 'noop',
        reason: `${count} load balancer${count === 1 ? '' : 's'} of the cluster's Services, removed by \`down\`${left}`,
      };
    },
    async apply(action, context) {
      if (action === 'delete')
        await removeClusterLoadBalancers(deps, await context.kubernetes(), context.signal);
    },
  };
}
