import type { ResourceNode } from '../engine/resource.js';
import type { KubeObject } from '../kubernetes/install/manifest-applier.js';
import { refOf } from '../kubernetes/install/manifest-applier.js';
import { type DeploymentContext, loadBalancersNodeId, typicalDurationMs } from './deployment-context.js';
import { waitUntil } from './wait-until.js';

function loadBalancers(services: readonly KubeObject[]): KubeObject[] {
  return services.filter(
    (service) => (service.spec as { type?: string } | undefined)?.type === 'LoadBalancer',
  );
}

/** `<namespace>/<service>`, and the cloud's hostname or address for it once it has one. */
function loadBalancerName(service: KubeObject): string {
  const { namespace, name } = refOf(service);
  const status = service.status as
    | { loadBalancer?: { ingress?: { hostname?: string; ip?: string }[] } }
    | undefined;
  const ingress = status?.loadBalancer?.ingress?.[0];
  const address = ingress?.hostname ?? ingress?.ip;
  return `${namespace ?? 'default'}/${name}${address === undefined ? '' : ` (${address})`}`;
}

/**
 * `down` only: every Service of type LoadBalancer in the cluster, deleted after the releases and
 * before the nodegroups, so the cloud removes the load balancers it made for them. Left behind, a
 * cloud load balancer keeps network interfaces in the VPC and the VPC cannot be deleted.
 */
export function loadBalancersNode(
  context: DeploymentContext,
  dependsOn: string[],
): ResourceNode<KubeObject[]> {
  const list = async (cached: boolean): Promise<KubeObject[]> => {
    const access = await context.cluster.access();
    if (access === undefined) return [];
    const services = cached ? await access.list('v1', 'Service') : await access.api.list('v1', 'Service');
    return loadBalancers(services);
  };
  return {
    id: loadBalancersNodeId(context.config),
    kind: 'load-balancers',
    layer: 'cluster-addons',
    dependsOn,
    typicalDurationMs: typicalDurationMs(context, 'load-balancers'),
    waitingOn: 'the cloud (load balancers of LoadBalancer Services)',
    async observe() {
      const found = await list(true);
      return found.length === 0 ? undefined : found;
    },
    diff: () => ({ action: 'noop', reason: 'only removed by hubfleet down', changes: [] }),
    async includes(_action, observed) {
      return (observed ?? []).map((service) => ({ kind: 'load-balancer', name: loadBalancerName(service) }));
    },
    async apply(action, observed) {
      if (action !== 'delete') return;
      const access = await context.cluster.require(loadBalancersNodeId(context.config));
      for (const service of observed ?? []) await access.api.delete(refOf(service));
    },
    async waitReady(action, step) {
      if (action !== 'delete') return;
      await waitUntil(async () => ({ done: (await list(false)).length === 0 }), {
        signal: step.signal,
        intervalMs: context.pollIntervalMs,
        sleep: context.sleep,
      });
    },
  };
}
